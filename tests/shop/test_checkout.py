from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone
from oscar.apps.checkout.calculators import OrderTotalCalculator
from oscar.apps.partner.strategy import Selector
from oscar.apps.shipping.methods import Free
from oscar.core.loading import get_model
from oscar.test import factories

from shop.checkout.views import PaymentDetailsView
from shop.order.utils import InsufficientStock, OrderCreator
from tests.shop.checkout_steps import add_to_cart, checkout_to_preview, place_order

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def test_guest_checkout_places_pending_order_with_bank_details_and_email(
    client, iron, django_capture_on_commit_callbacks
):
    add_to_cart(client, iron, 2)
    preview = checkout_to_preview(client, guest_email="guest@example.com")
    assert preview.status_code == 200
    assert b"Bank transfer" in preview.content

    with django_capture_on_commit_callbacks(execute=True):  # the email goes once it commits
        response = place_order(client)
    assert response.status_code == 302 and response["Location"] == "/checkout/thank-you/"

    order = Order.objects.get()
    assert order.guest_email == "guest@example.com"
    assert order.status == "Pending payment"
    assert order.lines.get().quantity == 2
    # 2 × $14.95 = $29.90 is under $50, so Standard shipping costs $4.95
    assert order.shipping_incl_tax == Decimal("4.95")
    assert order.total_incl_tax == Decimal("34.85")
    assert order.sources.get().reference == order.number

    thanks = client.get("/checkout/thank-you/").content.decode()
    assert order.number in thanks
    assert "Payment reference" in thanks and "Routing number" in thanks

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["guest@example.com"]
    assert order.number in email.subject or order.number in email.body
    assert "Payment reference: " + order.number in email.body
    assert "Account number" in email.body

    stock = StockRecord.objects.get(product=iron)
    assert stock.num_allocated == 2


def test_standard_shipping_is_free_over_fifty_dollars(client, magnesium):
    add_to_cart(client, magnesium, 3)  # 3 × $16.95 = $50.85
    checkout_to_preview(client, guest_email="guest@example.com")
    place_order(client)
    assert Order.objects.get().shipping_incl_tax == Decimal("0.00")


def test_express_shipping(client, iron):
    add_to_cart(client, iron)
    checkout_to_preview(client, guest_email="guest@example.com", method="express")
    place_order(client)
    assert Order.objects.get().shipping_incl_tax == Decimal("12.95")


def test_signed_in_customer_checks_out_and_sees_order_in_history(
    client, customer, iron, django_capture_on_commit_callbacks
):
    client.force_login(customer)
    add_to_cart(client, iron)
    checkout_to_preview(client)
    with django_capture_on_commit_callbacks(execute=True):  # the email goes once it commits
        response = place_order(client)
    assert response.status_code == 302
    order = Order.objects.get()
    assert order.user == customer
    history = client.get("/accounts/orders/").content.decode()
    assert order.number in history
    assert mail.outbox[0].to == ["ann@example.com"]


def test_stock_sold_out_before_place_order_sends_customer_back_with_cart_intact(client, iron):
    add_to_cart(client, iron, 3)
    checkout_to_preview(client, guest_email="guest@example.com")
    # Someone else buys most of the stock while this customer is on the preview page.
    StockRecord.objects.filter(product=iron).update(num_in_stock=2, num_allocated=0)

    response = place_order(client)

    assert response.status_code == 302 and response["Location"] == "/basket/"
    basket_page = client.get("/basket/")
    assert "a maximum of 2 can be bought" in basket_page.content.decode()
    assert basket_page.context["basket"].num_items == 3
    assert not Order.objects.exists()
    assert StockRecord.objects.get(product=iron).num_allocated == 0


def test_order_creator_refuses_to_allocate_more_than_is_free(iron):
    """The race the basket check cannot see: stock taken between the check and the write."""
    basket = factories.create_basket(empty=True)
    basket.strategy = Selector().strategy()
    basket.add_product(iron, 3)
    StockRecord.objects.filter(product=iron).update(num_in_stock=5, num_allocated=3)

    with pytest.raises(InsufficientStock, match="only have 2 of 'Iron Bisglycinate 25 mg' left"):
        OrderCreator().place_order(
            basket=basket,
            total=OrderTotalCalculator().calculate(basket, Free().calculate(basket)),
            shipping_method=Free(),
            shipping_charge=Free().calculate(basket),
            order_number="RACE-1",
        )

    assert not Order.objects.filter(number="RACE-1").exists()
    assert StockRecord.objects.get(product=iron).num_allocated == 3


def test_failing_confirmation_email_still_places_the_order(
    client, iron, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.shop.failing_email.FailingBackend"
    add_to_cart(client, iron)
    checkout_to_preview(client, guest_email="guest@example.com")
    with django_capture_on_commit_callbacks(execute=True):  # the email is tried, and fails
        response = place_order(client)
    assert response.status_code == 302 and response["Location"] == "/checkout/thank-you/"
    assert Order.objects.count() == 1


def assert_one_order_shown_to(clients, responses, product):
    """Every submission landed on the thank-you page of the one order the basket placed."""
    assert [(r.status_code, r.get("Location")) for r in responses] == [
        (302, "/checkout/thank-you/")
    ] * len(responses)
    order = Order.objects.get()
    assert order.lines.get().quantity == 1 and order.basket.status == "Submitted"
    assert StockRecord.objects.get(product=product).num_allocated == 1
    for client in clients:
        assert client.get("/checkout/thank-you/").context["order"] == order
    return order


def test_placing_the_same_order_twice_shows_the_one_order_twice(client, iron):
    """The second click arrives after the first has placed the order and emptied the cart."""
    add_to_cart(client, iron)
    checkout_to_preview(client, guest_email="guest@example.com")
    first = place_order(client)
    again = place_order(client)
    assert_one_order_shown_to([client], [first, again], iron)


def test_a_resubmitted_place_order_after_the_thank_you_page_shows_that_order(client, iron):
    """The thank-you page drops the basket cookie: the session still knows the order."""
    add_to_cart(client, iron)
    checkout_to_preview(client, guest_email="guest@example.com")
    first = place_order(client)
    client.get("/checkout/thank-you/")
    assert settings.OSCAR_BASKET_COOKIE_OPEN not in client.cookies or not (
        client.cookies[settings.OSCAR_BASKET_COOKIE_OPEN].value
    )
    again = place_order(client)
    assert_one_order_shown_to([client], [first, again], iron)


def test_a_signed_in_customers_second_click_shows_their_order(client, customer, iron):
    client.force_login(customer)
    add_to_cart(client, iron)
    checkout_to_preview(client)
    first = place_order(client)
    again = place_order(client)
    assert assert_one_order_shown_to([client], [first, again], iron).user == customer


def test_a_second_click_that_read_the_cart_before_the_first_placed_the_order(
    client, iron, monkeypatch
):
    """The double-submit guard itself, sequentially: the second submission has loaded the cart
    (still open) and passed Oscar's checks when the first one places the order; it must then
    find that order rather than place the basket again."""
    add_to_cart(client, iron)
    checkout_to_preview(client, guest_email="guest@example.com")
    twin = Client()
    twin.cookies = client.cookies  # the same browser: same session, same basket
    first = []
    build_submission = PaymentDetailsView.build_submission

    def first_click_lands_meanwhile(view, **kwargs):
        if not first:
            first.append(None)
            first[0] = place_order(client)
        return build_submission(view, **kwargs)

    monkeypatch.setattr(PaymentDetailsView, "build_submission", first_click_lands_meanwhile)
    second = place_order(twin)

    assert_one_order_shown_to([client, twin], [first[0], second], iron)


def test_an_old_order_is_not_shown_for_a_stale_preview_with_an_empty_cart(client, iron):
    add_to_cart(client, iron)
    checkout_to_preview(client, guest_email="guest@example.com")
    place_order(client)
    Order.objects.update(date_placed=timezone.now() - timedelta(hours=1))
    again = place_order(client)
    assert again.status_code == 302 and again["Location"] == "/basket/"


def test_another_browser_is_never_shown_someone_elses_order(client, iron):
    add_to_cart(client, iron)
    checkout_to_preview(client, guest_email="guest@example.com")
    place_order(client)
    stranger = Client()
    basket_id = Order.objects.get().basket_id
    stranger.cookies[settings.OSCAR_BASKET_COOKIE_OPEN] = f"{basket_id}:forged-signature"
    response = place_order(stranger)
    assert response.status_code == 302 and response["Location"] == "/basket/"
