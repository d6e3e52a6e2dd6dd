"""The customer's order pages: a guest's order-status page opened by its signed link, the
account's order history and order page, and the thank-you page, all showing where the order
stands (bank details and pay-by date, tracking, cancellation) in US wording."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format
from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_model
from oscar.test import factories

from content.notices import IRON_WARNING, MEDICAL_ADVICE
from shop.links import order_status_path
from tests.conftest import US_ADDRESS

Country = get_model("address", "Country")
Product = get_model("catalogue", "Product")
Order = get_model("order", "Order")
ShippingEvent = get_model("order", "ShippingEvent")
ShippingEventType = get_model("order", "ShippingEventType")

pytestmark = pytest.mark.django_db

OSCAR_WORDING = ["excl. tax", "incl. tax", "inc. tax", "inc tax", "Num items", "Basket"]


def place(*products, user=None, status="Pending payment", due_in=timedelta(days=7), **fields):
    """An order of (product, quantity) pairs shipped to US_ADDRESS, as a guest unless `user`."""
    basket = factories.create_basket(empty=True)
    basket.strategy = Selector().strategy()
    for product, quantity in products:
        basket.add_product(product, quantity)
    address = factories.ShippingAddressFactory(
        **{
            key: value
            for key, value in US_ADDRESS.items()
            if key not in ("country", "phone_number")
        },
        line2="Apt 4B",
        country=Country.objects.get(iso_3166_1_a2="US"),
    )
    order = factories.create_order(
        basket=basket,
        user=user,
        shipping_address=address,
        guest_email="" if user else "guest@example.com",
        status=status,
    )
    order.payment_due_at = timezone.now() + due_in if due_in is not None else None
    for name, value in fields.items():
        setattr(order, name, value)
    order.save()
    return order


def ship(order, carrier="ups", tracking_number="1Z999AA10123456784"):
    event_type, _ = ShippingEventType.objects.get_or_create(
        code="shipped", defaults={"name": "Shipped"}
    )
    return ShippingEvent.objects.create(
        order=order, event_type=event_type, carrier=carrier, tracking_number=tracking_number
    )


def pay_by(order):
    return date_format(timezone.localtime(order.payment_due_at), "l, F j, Y")


def several_products():
    upcs = ["RLV-IRON-25", "RLV-MAG-120", "RLV-FOL-400", "RLV-B12-1000"]
    return [(product, 2) for product in Product.objects.filter(upc__in=upcs)]


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# A guest's order-status page -------------------------------------------------------------------


def test_guest_link_opens_the_status_page_with_bank_details_and_pay_by_date(client, iron):
    order = place((iron, 2))
    response = client.get(order_status_path(order))

    assert response.status_code == 200
    page = response.content.decode()
    assert f"Order #{order.number}" in page
    assert "Pending payment" in page
    assert "Please pay by <strong><time datetime=" in page and pay_by(order) in page
    bank = settings.BANK_TRANSFER_DETAILS
    assert bank["routing_number"] in page and bank["account_number"] in page
    assert "Please transfer <strong>$29.90</strong>" in page  # 2 × $14.95, free shipping
    assert f"Payment reference</dt><dd><strong>{order.number}</strong>" in page
    assert 'name="email"' not in page  # no email to type again


def test_guest_page_shows_lines_totals_and_address_the_us_way(client, iron, magnesium):
    order = place((iron, 2), (magnesium, 1))
    page = client.get(order_status_path(order)).content.decode()

    assert f'href="{iron.get_absolute_url()}"' in page
    assert f'href="{magnesium.get_absolute_url()}"' in page
    assert "$29.90" in page and "$14.95 each" in page  # 2 × $14.95
    assert "Subtotal (3 items)" in page and "$46.85" in page
    assert ">Total<" in page and "Shipping" in page
    for wording in OSCAR_WORDING:
        assert wording not in page
    assert "Ann Lee<br>" in page and "1 Main Street<br>" in page and "Apt 4B<br>" in page
    assert "Springfield, IL 62701" in page


def test_guest_page_keeps_the_medical_disclaimer_and_the_iron_warning(client, iron):
    page = client.get(order_status_path(place((iron, 1)))).content.decode()
    assert f'data-notice="{MEDICAL_ADVICE}"' in page
    assert f'data-notice="{IRON_WARNING}"' in page


def test_guest_page_is_never_cached_nor_indexed(client, iron):
    response = client.get(order_status_path(place((iron, 1))))
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert response["X-Robots-Tag"] == "noindex"
    page = response.content.decode()
    assert '<meta name="robots" content="noindex">' in page
    assert 'rel="canonical"' not in page  # the page's address is the guest's key
    assert "X-Page-Cache" not in response


def test_a_tampered_link_is_a_404(client, iron):
    order, other = place((iron, 1)), place((iron, 1))
    signed = order.verification_hash()
    number, signature = signed.split(":", 1)
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    for number_in_path, hash_in_path in [
        (order.number, f"{number}:{flipped}"),
        (order.number, other.verification_hash()),  # another order's valid signature
        (other.number, signed),
        (order.number, "not-a-signature"),
    ]:
        url = f"/accounts/order-status/{number_in_path}/{hash_in_path}/"
        assert client.get(url).status_code == 404, url


def test_an_account_order_is_not_reachable_by_the_guest_route(client, iron, customer):
    order = place((iron, 1), user=customer)
    url = f"/accounts/order-status/{order.number}/{order.verification_hash()}/"
    assert client.get(url).status_code == 404
    client.force_login(customer)
    assert client.get(url).status_code == 404


def test_oscars_email_form_step_goes_straight_to_the_status_page(client, iron):
    order = place((iron, 1))
    form_url = f"/accounts/order-status-form/{order.number}/{order.verification_hash()}/"
    response = client.get(form_url)
    assert response.status_code == 302 and response["Location"] == order_status_path(order)


def test_past_the_pay_by_date_is_flagged(client, iron):
    order = place((iron, 1), due_in=timedelta(days=-1))
    page = client.get(order_status_path(order)).content.decode()
    assert "Payment was due by" in page and pay_by(order) in page
    assert "This date has passed." in page
    assert "Please pay by" not in page


def test_an_old_order_without_a_deadline_shows_no_pay_by_date(client, iron):
    page = client.get(order_status_path(place((iron, 1), due_in=None))).content.decode()
    assert "Pending payment" in page and "Routing number" in page
    assert "Please pay by" not in page and "Payment was due" not in page


def test_a_shipped_order_shows_carrier_tracking_number_and_link(client, iron):
    order = place((iron, 1), status="Shipped")
    ship(order, carrier="ups", tracking_number="1Z999AA10123456784")
    page = client.get(order_status_path(order)).content.decode()

    assert "Your order is on its way." in page
    assert "UPS" in page and "1Z999AA10123456784" in page
    link = (
        '<a class="btn btn-primary track-package" '
        'href="https://www.ups.com/track?tracknum=1Z999AA10123456784" '
        'target="_blank" rel="noopener noreferrer">Track your package'
    )
    assert link in page
    assert "Routing number" not in page  # paid: no bank details any more


def test_a_shipped_order_without_tracking_says_so_plainly(client, iron):
    page = client.get(order_status_path(place((iron, 1), status="Shipped"))).content.decode()
    assert "Your order is on its way." in page and "Track your package" not in page


def test_a_cancelled_order_shows_the_reason(client, iron):
    reason = "We did not receive the bank transfer by the pay-by date."
    order = place((iron, 1), status="Cancelled", cancellation_reason=reason)
    page = client.get(order_status_path(order)).content.decode()
    assert "This order has been canceled" in page and 'order-status-name">Canceled<' in page
    assert f"<strong>Reason:</strong> {reason}" in page
    assert "Routing number" not in page and "Please pay by" not in page


def test_guest_page_queries_are_bounded(client, iron, django_assert_max_num_queries):
    """As many queries for four lines as for one: nothing is looked up line by line."""
    one, four = place((iron, 1), status="Shipped"), place(*several_products(), status="Shipped")
    ship(one), ship(four)
    client.get(order_status_path(one))  # warm the caches every page shares (notices, site)
    assert queries_of(client, order_status_path(four)) == queries_of(client, order_status_path(one))
    with django_assert_max_num_queries(10):
        assert client.get(order_status_path(four)).status_code == 200


# The account's order history and order page ----------------------------------------------------


def test_order_history_has_a_status_column_in_us_wording(client, iron, customer):
    paid = place((iron, 2), user=customer, status="Paid")
    pending = place((iron, 1), user=customer)
    client.force_login(customer)
    page = client.get("/accounts/orders/").content.decode()

    headers = ["Order number", "Date", "Items", "Total", "Status"]
    positions = [page.index(f">{header}</th>") for header in headers]
    assert positions == sorted(positions)
    assert f">{paid.number}</a>" in page and f">{pending.number}</a>" in page
    assert "status-paid" in page and "status-pending-payment" in page
    for wording in OSCAR_WORDING:
        assert wording not in page


def test_order_history_queries_do_not_grow_with_orders(
    client, iron, customer, django_assert_max_num_queries
):
    place((iron, 1), user=customer)
    client.force_login(customer)
    client.get("/accounts/orders/")
    with_one = queries_of(client, "/accounts/orders/")
    for _ in range(4):
        place(*several_products(), user=customer)
    assert queries_of(client, "/accounts/orders/") == with_one
    with django_assert_max_num_queries(10):
        assert client.get("/accounts/orders/").status_code == 200


def test_account_order_page_shows_status_lines_and_totals(client, iron, customer):
    order = place((iron, 2), user=customer)
    client.force_login(customer)
    response = client.get(f"/accounts/orders/{order.number}/")
    page = response.content.decode()

    assert response.status_code == 200
    assert "Order status: <span" in page and "Pending payment" in page
    assert pay_by(order) in page and "Routing number" in page
    assert f'href="{iron.get_absolute_url()}"' in page and "Buy again" in page
    assert "Subtotal (2 items)" in page and ">Total<" in page
    assert "Springfield, IL 62701" in page
    assert f'data-notice="{MEDICAL_ADVICE}"' in page
    for wording in OSCAR_WORDING:
        assert wording not in page
    assert "no-store" in response["Cache-Control"]


def test_account_order_page_shows_tracking_and_cancellation(client, iron, customer):
    shipped = place((iron, 1), user=customer, status="Shipped")
    ship(shipped, carrier="usps", tracking_number="9400111899223033005123")
    cancelled = place(
        (iron, 1), user=customer, status="Cancelled", cancellation_reason="At your request."
    )
    client.force_login(customer)

    page = client.get(f"/accounts/orders/{shipped.number}/").content.decode()
    assert "tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223033005123" in page
    assert 'target="_blank" rel="noopener noreferrer"' in page
    page = client.get(f"/accounts/orders/{cancelled.number}/").content.decode()
    assert "<strong>Reason:</strong> At your request." in page


def test_another_customers_order_page_is_a_404(client, iron, customer, django_user_model):
    other = django_user_model.objects.create_user(
        username="bob", email="bob@example.com", password="a-long-secret-9"
    )
    order = place((iron, 1), user=other)
    client.force_login(customer)
    assert client.get(f"/accounts/orders/{order.number}/").status_code == 404


def test_account_order_page_queries_are_bounded(
    client, iron, customer, django_assert_max_num_queries
):
    one = place((iron, 1), user=customer, status="Shipped")
    four = place(*several_products(), user=customer, status="Shipped")
    ship(one), ship(four)
    client.force_login(customer)
    client.get(f"/accounts/orders/{one.number}/")
    assert queries_of(client, f"/accounts/orders/{four.number}/") == queries_of(
        client, f"/accounts/orders/{one.number}/"
    )
    with django_assert_max_num_queries(16):
        assert client.get(f"/accounts/orders/{four.number}/").status_code == 200


def test_buy_again_puts_the_line_back_in_the_cart(client, iron, customer):
    order = place((iron, 2), user=customer)
    client.force_login(customer)
    line = order.lines.get()
    response = client.post(f"/accounts/orders/{order.number}/{line.pk}/", {"action": "reorder"})
    assert response.status_code == 302 and response["Location"] == "/basket/"


# The thank-you page ----------------------------------------------------------------------------


def test_thank_you_page_shows_the_pay_by_date_and_the_guest_status_link(client, iron):
    order = place((iron, 1))
    session = client.session
    session["checkout_order_id"] = order.pk
    session.save()
    page = client.get("/checkout/thank-you/").content.decode()

    assert "Please pay by" in page and pay_by(order) in page
    assert "Routing number" in page and "Payment reference" in page
    assert f'href="{order_status_path(order)}"' in page
    assert "Springfield, IL 62701" in page and "Subtotal (1 item)" in page
    for wording in OSCAR_WORDING:
        assert wording not in page
