"""High-dose products need the customer's acknowledgement; every order keeps what it was shown."""

from html import unescape

import pytest
from django.core import mail
from oscar.core.loading import get_model

from content.models import Notice
from tests.shop.checkout_steps import add_to_cart, checkout_to_preview, place_order

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")
Product = get_model("catalogue", "Product")
OrderNoticeRecord = get_model("order", "OrderNoticeRecord")

pytestmark = pytest.mark.django_db

ACKNOWLEDGEMENT = "I am taking this on my doctor's advice"


@pytest.fixture
def iron_65(db):
    return Product.objects.get(upc="RLV-IRON-65")


def place_order_with_acknowledgement(client, *products):
    key = ",".join(str(p.pk) for p in sorted(products, key=lambda p: p.pk))
    return client.post("/checkout/preview/", {"action": "place_order", "doctors_advice": key})


def text_of(response):
    """The page as the customer reads it: entities such as &#x27; decoded."""
    return unescape(response.content.decode())


def records(order, kind=None):
    rows = order.notice_records.all()
    return list(rows.filter(kind=kind) if kind else rows)


def test_preview_asks_for_the_acknowledgement_naming_the_product(client, iron_65):
    add_to_cart(client, iron_65)
    preview = text_of(checkout_to_preview(client, guest_email="guest@example.com"))
    assert ACKNOWLEDGEMENT in preview
    assert 'name="doctors_advice"' in preview and "required" in preview
    assert "<strong>Iron (Ferrous Sulfate) 65 mg</strong>" in preview


def test_no_acknowledgement_is_asked_for_ordinary_products(client, iron):
    add_to_cart(client, iron)
    preview = text_of(checkout_to_preview(client, guest_email="guest@example.com"))
    assert ACKNOWLEDGEMENT not in preview
    assert place_order(client).status_code == 302
    assert not records(Order.objects.get(), OrderNoticeRecord.ACKNOWLEDGEMENT)


@pytest.mark.parametrize("ticked", [None, "", "999", "not-a-number"])
def test_order_without_the_acknowledgement_is_refused_and_the_cart_kept(client, iron_65, ticked):
    add_to_cart(client, iron_65, 2)
    checkout_to_preview(client, guest_email="guest@example.com")
    data = {"action": "place_order"}
    if ticked is not None:
        data["doctors_advice"] = ticked

    response = client.post("/checkout/preview/", data)

    assert response.status_code == 200
    page = text_of(response)
    assert "Please tick “I am taking this on my doctor's advice” for Iron (Ferrous Sulfate)" in page
    assert "Your cart is unchanged" in page
    assert 'id="place_order_form"' in page  # the preview again, ready to tick and retry
    assert not Order.objects.exists()
    basket = client.get("/basket/").context["basket"]
    assert basket.num_items == 2 and basket.status == Basket.OPEN


def test_a_cart_changed_after_ticking_asks_again(client, iron, iron_65):
    add_to_cart(client, iron_65)
    checkout_to_preview(client, guest_email="guest@example.com")
    high_dose_bisglycinate = Product.objects.filter(pk=iron.pk)
    high_dose_bisglycinate.update(requires_doctors_advice=True)
    add_to_cart(client, iron)  # in another tab, after the preview was shown

    response = place_order_with_acknowledgement(client, iron_65)

    assert response.status_code == 200
    assert "Iron (Ferrous Sulfate) 65 mg, Iron Bisglycinate 25 mg" in text_of(response)
    assert not Order.objects.exists()


def test_acknowledged_order_is_placed_and_records_it_with_the_time(client, iron_65):
    add_to_cart(client, iron_65)
    checkout_to_preview(client, guest_email="guest@example.com")

    response = place_order_with_acknowledgement(client, iron_65)

    assert response.status_code == 302 and response["Location"] == "/checkout/thank-you/"
    order = Order.objects.get()
    [ack] = records(order, OrderNoticeRecord.ACKNOWLEDGEMENT)
    assert ack.text == f"{ACKNOWLEDGEMENT}: Iron (Ferrous Sulfate) 65 mg."
    assert ack.shown_at <= order.date_placed


def test_order_records_the_notices_that_applied_as_copies(client, iron, iron_65):
    add_to_cart(client, iron)
    add_to_cart(client, iron_65)
    checkout_to_preview(client, guest_email="guest@example.com")
    place_order_with_acknowledgement(client, iron_65)
    order = Order.objects.get()

    notices = {r.slug: r for r in records(order, OrderNoticeRecord.NOTICE)}
    assert list(notices) == ["medical-advice", "fda-statement", "iron-warning", "pregnancy-nursing"]
    for slug, record in notices.items():
        live = Notice.objects.get(slug=slug)
        assert (record.version, record.text) == (live.version, live.text)
        assert record.title.startswith(live.title)
    # One iron warning for the order, naming both iron products.
    assert notices["iron-warning"].title == f"Iron warning ({iron.title}, {iron_65.title})"

    [dose] = records(order, OrderNoticeRecord.DOSE)
    assert dose.slug == "iron"
    assert "give 90 mg of iron a day, above the adult upper limit of 45 mg a day" in dose.text
    assert [r.kind for r in records(order)][-1] == OrderNoticeRecord.ACKNOWLEDGEMENT


def test_nutrient_warnings_follow_the_facts(client, magnesium):
    add_to_cart(client, magnesium)
    checkout_to_preview(client, guest_email="guest@example.com")
    place_order(client)
    slugs = [r.slug for r in records(Order.objects.get())]
    assert "magnesium-warning" in slugs and "iron-warning" not in slugs
    assert not records(Order.objects.get(), OrderNoticeRecord.DOSE)


def test_a_later_notice_edit_leaves_the_record_alone(client, staff, iron):
    add_to_cart(client, iron)
    checkout_to_preview(client, guest_email="guest@example.com")
    place_order(client)
    order = Order.objects.get()
    shown = order.notice_records.get(slug="medical-advice")
    original = shown.text

    notice = Notice.objects.get(slug="medical-advice")  # editable, unlike the iron warning
    notice.text = "An edited disclaimer."
    notice.save()
    assert notice.version == shown.version + 1

    shown.refresh_from_db()
    assert shown.text == original
    client.force_login(staff)
    page = text_of(client.get(f"/dashboard/orders/{order.number}/"))
    assert original in page and "An edited disclaimer." not in page


def test_staff_see_the_notices_shown_on_the_order_page(client, staff, iron, iron_65):
    add_to_cart(client, iron)
    add_to_cart(client, iron_65)
    checkout_to_preview(client, guest_email="guest@example.com")
    place_order_with_acknowledgement(client, iron_65)
    order = Order.objects.get()

    client.force_login(staff)
    page = text_of(client.get(f"/dashboard/orders/{order.number}/"))

    assert "Notices shown" in page
    assert Notice.objects.get(slug="medical-advice").text in page
    assert "Iron: above the daily upper limit" in page
    assert f"{ACKNOWLEDGEMENT}: Iron (Ferrous Sulfate) 65 mg." in page


def test_confirmation_email_repeats_the_recorded_notices(
    client, iron, iron_65, django_capture_on_commit_callbacks
):
    add_to_cart(client, iron)
    add_to_cart(client, iron_65)
    checkout_to_preview(client, guest_email="guest@example.com")
    with django_capture_on_commit_callbacks(execute=True):  # the email goes once it commits
        place_order_with_acknowledgement(client, iron_65)
    order = Order.objects.get()

    [email] = mail.outbox
    [(html, _mimetype)] = email.alternatives
    for body in (email.body, unescape(html)):
        for record in records(order):
            assert record.text in body, record.slug
        assert "You confirmed on" in body
