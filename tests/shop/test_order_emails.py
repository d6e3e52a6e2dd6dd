"""The emails an order sends: confirmation, paid, shipped, delivered, canceled (issue 12).

Orders are made with Oscar's factories (make_order). The checkouts through HTTP use the seeded
iron product: a visitor can only buy a published product, which needs an article and
Supplement Facts.
"""

import re
from datetime import timedelta
from decimal import Decimal
from html import unescape

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_model
from oscar.test import factories

from content.models import Notice
from mail import outbox
from mail.models import OutboundEmail
from shop.links import order_status_path
from shop.order.emails import render, send_order_email
from shop.order.models import CANCELLED, DELIVERED, PAID, SHIPPED
from shop.order.processing import EventHandler, TrackingRequired
from tests.shop.checkout_steps import add_to_cart, checkout_to_preview, place_order

Order = get_model("order", "Order")
CommunicationEvent = get_model("order", "CommunicationEvent")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

STORE_URL = "https://shop.example.com"
CODES = [
    "ORDER_PLACED",
    "ORDER_PAID",
    "ORDER_SHIPPED",
    "ORDER_DELIVERED",
    "ORDER_CANCELLED",
    "PAYMENT_REMINDER",
]


def make_order(*, user=None, guest_email="guest@example.com", quantity=2):
    """A bank-transfer order of a factory product ($12.50 each, 10 in stock), Pending payment."""
    product = factories.create_product(
        title="Magnesium Glycinate 120", is_public=False, price=Decimal("12.50"), num_in_stock=10
    )
    basket = factories.create_basket(empty=True)
    basket.strategy = Selector().strategy()
    basket.add_product(product, quantity)
    order = factories.create_order(
        basket=basket,
        user=user,
        guest_email="" if user else guest_email,
        shipping_address=factories.ShippingAddressFactory(),
    )
    return Order.objects.get(pk=order.pk)  # as stored: the number a string


def long_date(value):
    return format_date(timezone.localtime(value), "l, F j, Y")


def html_of(email):
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    return html


def text_of_html(html):
    """What a reader of the HTML email sees, tags removed and entities decoded."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def links(email_text):
    """The links a reader can follow: every URL of a text body, every href of an HTML one."""
    if email_text.lstrip().startswith("<"):
        return re.findall(r'href="([^"]*)"', email_text)
    return re.findall(r"https?://\S+", email_text)


@pytest.fixture
def store_url(settings):
    settings.STORE_URL = STORE_URL
    return STORE_URL


@pytest.fixture
def medical():
    return Notice.objects.get(slug="medical-advice").text


# --- Confirmation ------------------------------------------------------------------------------


def test_checkout_confirms_after_commit_with_the_pay_by_date(
    client, iron, store_url, medical, django_capture_on_commit_callbacks
):
    add_to_cart(client, iron, 2)
    checkout_to_preview(client, guest_email="guest@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        response = place_order(client)
        assert response.status_code == 302
        assert mail.outbox == []  # queued for once the order has committed, not sent inside it

    order = Order.objects.get()
    assert order.payment_due_at == order.date_placed + timedelta(days=7)
    [email] = mail.outbox
    assert email.to == ["guest@example.com"]
    due = long_date(order.payment_due_at)
    assert due in email.subject and order.number in email.subject
    html = html_of(email)
    for body in (email.body, text_of_html(html)):
        assert f"please pay $34.85 by {due}" in body
        assert "waits for your bank transfer" in body
        assert "processed shortly" not in body
        assert "Payment reference" in body and order.number in body
        assert "Account number" in body and "000123456789" in body
        assert medical in body
    assert "Payment reference: " + order.number in email.body
    # Every link is on the store's public address; the guest's leads to the order by itself.
    status_url = store_url + order_status_path(order)
    for body in (email.body, html):
        assert links(body) and all(link.startswith(store_url + "/") for link in links(body))
        assert status_url in body
    event = CommunicationEvent.objects.get(order=order)
    assert event.event_type.code == "ORDER_PLACED"


def test_a_customers_email_goes_to_their_account_with_their_order_page(
    customer, store_url, django_capture_on_commit_callbacks
):
    order = make_order(user=customer)
    with django_capture_on_commit_callbacks(execute=True):
        EventHandler().handle_order_status_change(order, PAID)
    [email] = mail.outbox
    assert email.to == [customer.email]
    status_url = store_url + reverse("customer:order", kwargs={"order_number": order.number})
    assert status_url in email.body
    assert f'href="{status_url}"' in html_of(email)


@pytest.mark.parametrize("code", CODES)
def test_every_order_email_carries_the_notices_and_says_the_same_in_text_and_html(
    code, store_url, medical
):
    order = make_order()
    if code in ("ORDER_SHIPPED", "ORDER_DELIVERED"):
        EventHandler().handle_order_status_change(order, PAID)
        EventHandler().ship(order, carrier="usps", tracking_number="9400100000000000000000")
    messages = render(order, code)
    assert messages["subject"] and order.number in messages["subject"]
    html = text_of_html(messages["html"])
    for body in (messages["body"], html):
        assert medical in body
        assert order.number in body and "Magnesium Glycinate 120" in body
    for body in (messages["body"], messages["html"]):
        assert all(
            link.startswith(store_url + "/") or link.startswith("https://tools.usps.com/")
            for link in links(body)
        )
    # The same sentences, whatever the markup: each paragraph of the text is in the HTML.
    message = messages["body"].split("\n\n")[1]
    assert " ".join(message.split()) in html


# --- Status changes ----------------------------------------------------------------------------


def test_each_status_change_sends_exactly_one_email(django_capture_on_commit_callbacks):
    order = make_order()
    handler = EventHandler()

    with django_capture_on_commit_callbacks(execute=True):
        handler.handle_order_status_change(order, PAID)
    [paid] = mail.outbox
    assert "we're packing it" in paid.subject
    for body in (paid.body, text_of_html(html_of(paid))):
        assert "your payment of $25.00 for order" in body and "We're packing your order" in body
        assert "Account number" not in body  # no bank details once paid

    with django_capture_on_commit_callbacks(execute=True):
        handler.ship(order, carrier="ups", tracking_number="1Z999AA10123456784")
    assert len(mail.outbox) == 2
    shipped = mail.outbox[1]
    assert shipped.subject == f"Your order {order.number} has shipped with UPS"
    tracking_url = "https://www.ups.com/track?tracknum=1Z999AA10123456784"
    for body in (shipped.body, text_of_html(html_of(shipped))):
        assert "has shipped with UPS" in body
        assert "Tracking number: 1Z999AA10123456784" in body
        assert tracking_url in body
    assert f'href="{tracking_url}"' in html_of(shipped)

    with django_capture_on_commit_callbacks(execute=True):
        handler.handle_order_status_change(order, DELIVERED)
    assert len(mail.outbox) == 3
    assert "has been delivered" in mail.outbox[2].subject

    codes = CommunicationEvent.objects.filter(order=order).values_list(
        "event_type__code", flat=True
    )
    assert sorted(codes) == ["ORDER_DELIVERED", "ORDER_PAID", "ORDER_SHIPPED"]

    with django_capture_on_commit_callbacks(execute=True):
        handler.handle_order_status_change(order, DELIVERED)  # no change: no email
    assert len(mail.outbox) == 3


def test_shipped_without_tracking_is_refused_and_sends_nothing(
    django_capture_on_commit_callbacks,
):
    order = make_order()
    with django_capture_on_commit_callbacks(execute=True):
        EventHandler().handle_order_status_change(order, PAID)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(TrackingRequired):
            EventHandler().handle_order_status_change(order, SHIPPED)
        with pytest.raises(TrackingRequired):
            EventHandler().ship(order, carrier="ups", tracking_number="  ")
    order.refresh_from_db()
    assert order.status == PAID and mail.outbox == []


def test_cancelling_an_unpaid_order_says_nothing_is_owed(django_capture_on_commit_callbacks):
    order = make_order()
    with django_capture_on_commit_callbacks(execute=True):
        EventHandler().handle_order_status_change(order, CANCELLED)
    [email] = mail.outbox
    assert email.subject == f"Your order {order.number} has been canceled"
    for body in (email.body, text_of_html(html_of(email))):
        assert "you owe nothing" in body and "refund the" not in body


def test_cancelling_a_paid_order_says_what_is_refunded_and_how(
    django_capture_on_commit_callbacks,
):
    order = make_order()
    EventHandler().handle_order_status_change(order, PAID)
    Order.objects.filter(pk=order.pk).update(cancellation_reason="The product was recalled.")
    order.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        EventHandler().handle_order_status_change(order, CANCELLED)
    [email] = mail.outbox
    for body in (email.body, text_of_html(html_of(email))):
        assert "The product was recalled." in body
        assert "We'll refund the $25.00 the way you paid: by bank transfer" in body
        assert "within 5 business days" in body and "Our staff make bank refunds by hand" in body
        assert "owe nothing" not in body


def test_an_email_for_an_order_without_an_address_is_skipped():
    order = make_order()
    Order.objects.filter(pk=order.pk).update(guest_email="")
    assert send_order_email(order.pk, "ORDER_PAID") is False
    assert send_order_email(0, "ORDER_PAID") is False
    assert mail.outbox == []


# --- Mail server down --------------------------------------------------------------------------


def test_with_the_mail_server_down_the_order_completes_and_its_email_follows(
    client, iron, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "mail.backends.OutboxBackend"
    settings.EMAIL_DELIVERY_BACKEND = "tests.shop.failing_email.FailingBackend"
    add_to_cart(client, iron)
    checkout_to_preview(client, guest_email="guest@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        response = place_order(client)
    assert (response.status_code, response["Location"]) == (302, "/checkout/thank-you/")
    order = Order.objects.get()
    assert StockRecord.objects.get(product=iron).num_allocated == 1
    stored = OutboundEmail.objects.get()
    assert stored.status == OutboundEmail.QUEUED and stored.recipients == "guest@example.com"
    assert order.number in stored.subject
    assert mail.outbox == []

    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    outbox.retry_due(now=stored.next_attempt_at)
    [email] = mail.outbox
    assert email.to == ["guest@example.com"]
    assert long_date(order.payment_due_at) in email.body
    assert long_date(order.payment_due_at) in html_of(email)
    stored.refresh_from_db()
    assert stored.status == OutboundEmail.SENT
