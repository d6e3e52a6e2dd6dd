"""The dashboard order pages: shipping needs carrier and tracking; the payment deadline."""

import csv
import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_model
from oscar.test import factories

from shop.dashboard.orders.views import OrderDetailView
from shop.order.models import CANCELLED, PAID, PENDING_PAYMENT, SHIPPED
from shop.order.processing import EventHandler

Order = get_model("order", "Order")
ShippingEvent = get_model("order", "ShippingEvent")

pytestmark = pytest.mark.django_db


def make_order(*products, status=PAID, due_in=None, quantity=2, **fields):
    """An order of `quantity` bottles of each product; `due_in` days to its payment deadline."""
    basket = factories.create_basket(empty=True)
    basket.strategy = Selector().strategy()
    for product in products:
        basket.add_product(product, quantity)
    if due_in is not None:
        fields["payment_due_at"] = timezone.now() + timedelta(days=due_in)
    order = factories.create_order(
        basket=basket, status=status, guest_email="guest@example.com", **fields
    )
    return Order.objects.get(pk=order.pk)  # as a request reads it (the number is a string)


def order_url(order):
    return f"/dashboard/orders/{order.number}/"


def page_html(page):
    return BeautifulSoup(page.content, "html.parser")


def messages_of(page):
    return [str(message) for message in page.context["messages"]]


# Shipping from the order's page


def test_shipping_from_the_status_form_records_the_parcel(django_app, staff, iron):
    order = make_order(iron)
    form = django_app.get(order_url(order), user=staff).forms["order_status_form"]
    form["new_status"] = SHIPPED
    form["carrier"] = "usps"
    form["tracking_number"] = " 9400 1000 0000 0000 0000 00 "
    page = form.submit().follow()

    order.refresh_from_db()
    assert order.status == SHIPPED
    event = ShippingEvent.objects.get(order=order)
    assert (event.event_type.code, event.carrier) == ("shipped", "usps")
    assert event.tracking_number == "9400 1000 0000 0000 0000 00"
    assert [(q.line, q.quantity) for q in event.line_quantities.all()] == [
        (line, 2) for line in order.lines.all()
    ]
    assert "tracking number 9400 1000 0000 0000 0000 00" in " ".join(messages_of(page))
    link = page.html.select_one(".shipping-events a.tracking-link")
    assert link["href"] == event.tracking_url and link.text == event.tracking_number
    assert "USPS" in page.html.select_one(".shipping-events").text
    assert "Shipped with USPS" in page.html.select_one(".tracked-shipment").text


@pytest.mark.parametrize(
    "carrier, tracking_number, message",
    [
        ("", "", "enter the carrier and tracking number to mark it Shipped"),
        ("ups", "  ", "Enter the tracking number"),
        ("", "1Z999AA10123456784", "Choose the carrier"),
    ],
)
def test_shipping_without_the_parcel_is_refused_and_changes_nothing(
    client, staff, iron, carrier, tracking_number, message
):
    order = make_order(iron)
    client.force_login(staff)
    page = client.post(
        order_url(order),
        {
            "order_action": "change_order_status",
            "new_status": SHIPPED,
            "carrier": carrier,
            "tracking_number": tracking_number,
        },
        follow=True,
    )
    order.refresh_from_db()
    assert order.status == PAID
    assert not ShippingEvent.objects.filter(order=order).exists()
    assert not order.status_changes.exists()
    assert any(message in text for text in messages_of(page)), messages_of(page)


def test_a_tracking_number_longer_than_the_field_is_refused(client, staff, iron):
    order = make_order(iron)
    client.force_login(staff)
    page = client.post(
        order_url(order),
        {
            "order_action": "change_order_status",
            "new_status": SHIPPED,
            "carrier": "fedex",
            "tracking_number": "1" * 65,
        },
        follow=True,
    )
    order.refresh_from_db()
    assert order.status == PAID
    assert any(text.startswith("Tracking number:") for text in messages_of(page))


def test_other_status_changes_still_work(client, staff, iron):
    order = make_order(iron, status=PENDING_PAYMENT, due_in=7)
    client.force_login(staff)
    page = client.post(
        order_url(order),
        {"order_action": "change_order_status", "new_status": PAID},
        follow=True,
    )
    order.refresh_from_db()
    assert order.status == PAID
    assert "Order status changed from 'Pending payment' to 'Paid'" in messages_of(page)


def test_a_status_changed_meanwhile_is_not_overwritten(client, staff, iron, monkeypatch):
    """Staff read the order unpaid; the payment-deadline sweep cancels it before they submit."""
    order = make_order(iron, status=PENDING_PAYMENT, due_in=-1)
    Order.objects.filter(pk=order.pk).update(status=CANCELLED)
    monkeypatch.setattr(OrderDetailView, "get_object", lambda self, queryset=None: order)
    client.force_login(staff)
    page = client.post(
        order_url(order),
        {"order_action": "change_order_status", "new_status": PAID},
        follow=True,
    )
    assert Order.objects.get(pk=order.pk).status == CANCELLED
    assert any(text.startswith("Status not changed:") for text in messages_of(page))


def test_the_status_form_asks_for_the_parcel_only_when_the_order_can_ship(django_app, staff, iron):
    paid = make_order(iron)
    pending = make_order(iron, status=PENDING_PAYMENT, due_in=7)
    paid_form = django_app.get(order_url(paid), user=staff).forms["order_status_form"]
    assert {"carrier", "tracking_number"} <= set(paid_form.fields)
    assert [value for value, _selected, _text in paid_form["carrier"].options][1:] == [
        "usps",
        "ups",
        "fedex",
        "dhl",
    ]
    pending_form = django_app.get(order_url(pending), user=staff).forms["order_status_form"]
    assert "carrier" not in pending_form.fields


# The "Shipped" shipping event


def lines_form(django_app, staff, order):
    form = django_app.get(order_url(order), user=staff).forms["order_lines_form"]
    for line in order.lines.all():
        form.get("selected_line", index=0).checked = True  # one line per test order
        assert form[f"selected_line_qty_{line.id}"].value == str(line.quantity)
    form["line_action"] = "create_shipping_event"
    return form


def test_the_shipped_event_offers_the_seeded_types_and_ships_through_ship(django_app, staff, iron):
    order = make_order(iron)
    form = lines_form(django_app, staff, order)
    codes = [value for value, _selected, _text in form["shipping_event_type"].options]
    assert {"shipped", "delivered"} <= set(codes)
    form["shipping_event_type"] = "shipped"
    form["carrier"] = "dhl"
    form["tracking_number"] = "JD014600006281230704"
    form["reference"] = "Box 1 of 1"
    form.submit().follow()

    order.refresh_from_db()
    assert order.status == SHIPPED
    event = ShippingEvent.objects.get(order=order)
    assert (event.carrier, event.tracking_number) == ("dhl", "JD014600006281230704")
    assert "Box 1 of 1" in event.notes


def test_the_shipped_event_without_tracking_is_refused(django_app, staff, iron):
    order = make_order(iron)
    form = lines_form(django_app, staff, order)
    form["shipping_event_type"] = "shipped"
    form["carrier"] = "usps"
    page = form.submit().follow()

    order.refresh_from_db()
    assert order.status == PAID
    assert not ShippingEvent.objects.filter(order=order).exists()
    assert any("Enter the tracking number" in text for text in messages_of(page))


def test_the_shipped_event_covers_the_whole_order(django_app, staff, iron):
    order = make_order(iron)
    form = lines_form(django_app, staff, order)
    form[f"selected_line_qty_{order.lines.get().id}"] = "1"
    form["shipping_event_type"] = "shipped"
    form["carrier"] = "usps"
    form["tracking_number"] = "9400100000000000000000"
    page = form.submit().follow()

    order.refresh_from_db()
    assert order.status == PAID
    assert not ShippingEvent.objects.exists()
    assert any("covers the whole order" in text for text in messages_of(page))


def test_the_shipped_event_needs_a_paid_order(django_app, staff, iron):
    order = make_order(iron, status=PENDING_PAYMENT, due_in=7)
    form = lines_form(django_app, staff, order)
    form["shipping_event_type"] = "shipped"
    form["carrier"] = "usps"
    form["tracking_number"] = "9400100000000000000000"
    page = form.submit().follow()

    order.refresh_from_db()
    assert order.status == PENDING_PAYMENT
    assert not ShippingEvent.objects.exists()  # the event was rolled back with the status
    assert any(text.startswith("Not marked Shipped:") for text in messages_of(page))


def test_other_shipping_event_types_work_as_in_oscar(django_app, staff, iron):
    order = make_order(iron, status=SHIPPED)
    form = lines_form(django_app, staff, order)
    form["shipping_event_type"] = "delivered"
    form.submit().follow()

    event = ShippingEvent.objects.get(order=order)
    assert (event.event_type.code, event.tracking_number) == ("delivered", "")
    order.refresh_from_db()
    assert order.status == SHIPPED


# The order list


def test_the_list_does_not_mark_orders_shipped_in_bulk(client, staff, iron):
    order = make_order(iron)
    client.force_login(staff)
    page = client.get("/dashboard/orders/")
    assert SHIPPED not in page.context["order_statuses"]
    assert b"To mark an order Shipped, open it" in page.content

    page = client.post(
        "/dashboard/orders/",
        {"action": "change_order_statuses", "new_status": SHIPPED, "selected_order": order.id},
        follow=True,
    )
    order.refresh_from_db()
    assert order.status == PAID
    assert any("open each order and ship it from its page" in text for text in messages_of(page))


def test_the_list_still_changes_other_statuses_in_bulk(client, staff, iron):
    orders = [make_order(iron, status=PENDING_PAYMENT, due_in=7) for _ in range(2)]
    client.force_login(staff)
    client.post(
        "/dashboard/orders/",
        {
            "action": "change_order_statuses",
            "new_status": CANCELLED,
            "selected_order": [order.id for order in orders],
        },
    )
    assert {order.status for order in Order.objects.filter(pk__in=[o.pk for o in orders])} == {
        CANCELLED
    }


@pytest.fixture
def orders_by_payment(iron):
    return {
        "due": make_order(iron, status=PENDING_PAYMENT, due_in=3),
        "overdue": make_order(iron, status=PENDING_PAYMENT, due_in=-1),
        "paid": make_order(iron, status=PAID),
    }


def listed(client, query):
    page = client.get(f"/dashboard/orders/?{query}")
    assert page.status_code == 200
    return page, {order.number for order in page.context["orders"]}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("payment=awaiting", {"due", "overdue"}),
        ("payment=past-deadline", {"overdue"}),
        ("payment=awaiting&status=Paid", set()),
        ("status=Paid", {"paid"}),
        ("", {"due", "overdue", "paid"}),
    ],
)
def test_the_payment_filters(client, staff, orders_by_payment, query, expected):
    client.force_login(staff)
    _page, numbers = listed(client, query)
    ours = {key for key, order in orders_by_payment.items() if order.number in numbers}
    assert ours == expected


def test_the_payment_filters_combine_with_oscars(client, staff, orders_by_payment):
    client.force_login(staff)
    overdue = orders_by_payment["overdue"]
    page, numbers = listed(client, "payment=awaiting&name=&order_number=&upc=&voucher=")
    assert overdue.number in numbers
    today = timezone.localdate().isoformat()
    page, numbers = listed(client, f"payment=past-deadline&date_from={today}")
    assert numbers == {overdue.number}
    assert "Past payment deadline" in page.context["search_filters"]
    links = {link["label"]: link for link in page.context["payment_filters"]}
    assert links["Past payment deadline"]["active"]
    assert f"date_from={today}" in links["Awaiting payment"]["url"]
    assert "payment=awaiting" in links["Awaiting payment"]["url"]
    assert "payment" not in links["All orders"]["url"]


def test_the_list_shows_the_pay_by_date_and_flags_past_deadlines(client, staff, orders_by_payment):
    client.force_login(staff)
    page = client.get("/dashboard/orders/")
    rows = {
        row.select_one("td:nth-of-type(2)").text.strip(): row.select_one("td.pay-by")
        for row in page_html(page).select("#orders_form tbody tr")
    }
    due, overdue, paid = (orders_by_payment[key] for key in ("due", "overdue", "paid"))
    assert "Past deadline" in rows[overdue.number].text
    assert rows[overdue.number].select_one(".text-danger")
    assert "Past deadline" not in rows[due.number].text
    assert str(timezone.localtime(due.payment_due_at).year) in rows[due.number].text
    assert rows[paid.number].text.strip() == "-"


def test_the_csv_download_has_the_pay_by_date(client, staff, orders_by_payment):
    client.force_login(staff)
    due = orders_by_payment["due"]
    response = client.get(f"/dashboard/orders/?response_format=csv&order_number={due.number}")
    header, row = csv.reader(io.StringIO(response.content.decode()))
    assert header[-1] == "Pay by"
    assert str(timezone.localtime(due.payment_due_at).year) in row[-1]


# The order page


def test_the_order_page_shows_the_payment_deadline(client, staff, orders_by_payment):
    client.force_login(staff)
    due_box = page_html(client.get(order_url(orders_by_payment["due"]))).select_one(
        ".payment-deadline"
    )
    assert "Pay by" in due_box.text and "Past deadline" not in due_box.text
    overdue_box = page_html(client.get(order_url(orders_by_payment["overdue"]))).select_one(
        ".payment-deadline"
    )
    assert "Pay by" in overdue_box.text and "Past deadline" in overdue_box.text
    assert not page_html(client.get(order_url(orders_by_payment["paid"]))).select(
        ".payment-deadline"
    )


def test_the_order_page_shows_why_an_order_was_cancelled(client, staff, iron):
    order = make_order(
        iron,
        status=CANCELLED,
        cancellation_reason="We did not receive your bank transfer by May 1.",
    )
    client.force_login(staff)
    box = page_html(client.get(order_url(order))).select_one(".cancellation-reason")
    assert "We did not receive your bank transfer by May 1." in box.text


def test_the_order_page_script_calls_only_functions_oscar_defines(client, staff, iron):
    """Oscar's template called oscar.dashboard.orders.initTable(), gone from its dashboard.js."""
    client.force_login(staff)
    html = client.get(order_url(make_order(iron))).content.decode()
    script = html[html.rindex("$(function() {") :]
    assert "initTable" not in script
    assert "oscar.dashboard.orders.initTabs();" in script
    assert "oscar.dashboard.init(options);" in script
    assert "'languageCode': 'en" in script  # Oscar's block, unescaped


def test_the_order_page_query_budget(client, staff, iron, magnesium, django_assert_max_num_queries):
    """Shipped, so every table has rows; two lines, so a query per line would show."""
    order = make_order(iron, magnesium)
    EventHandler(user=staff).ship(order, carrier="ups", tracking_number="1Z999AA10123456784")
    client.force_login(staff)
    client.get(order_url(order))  # warm what is cached per process
    with django_assert_max_num_queries(27):
        assert client.get(order_url(order)).status_code == 200


def test_the_order_list_query_budget(
    client, staff, orders_by_payment, django_assert_max_num_queries
):
    client.force_login(staff)
    client.get("/dashboard/orders/")
    with django_assert_max_num_queries(12):
        assert client.get("/dashboard/orders/?payment=awaiting").status_code == 200
