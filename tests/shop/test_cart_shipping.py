"""Issue 13, parts 5 and 10: the cart's free-shipping progress, shipping copy true for the cart,
quantity steppers without JavaScript, checkout links, and American English."""

import re
from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from tests.shop.checkout_steps import add_to_cart, checkout_to_preview

OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def text(response):
    """The page's visible words, tags dropped and spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def messages_of(response):
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", str(m))).strip()
        for m in response.context["messages"]
    ]


def cart_form(page, product, **changes):
    """The cart's one form as a browser posts it, with one line's fields changed."""
    formset = page.context["formset"]
    data = {
        f"{formset.prefix}-TOTAL_FORMS": formset.total_form_count(),
        f"{formset.prefix}-INITIAL_FORMS": formset.initial_form_count(),
        f"{formset.prefix}-MIN_NUM_FORMS": 0,
        f"{formset.prefix}-MAX_NUM_FORMS": 1000,
    }
    line_form = None
    for form in formset.forms:
        data[f"{form.prefix}-id"] = form.instance.pk
        data[f"{form.prefix}-quantity"] = form.instance.quantity
        if form.instance.product_id == product.pk:
            line_form = form
    data.update(changes)
    return data, line_form


def step(client, product, delta):
    page = client.get("/basket/")
    data, form = cart_form(page, product)
    data["quantity-step"] = f"{form.prefix}:{delta}"
    return client.post("/basket/", data, follow=True)


def quantity_in_cart(client, product):
    basket = client.get("/basket/").context["basket"]
    return sum(line.quantity for line in basket.all_lines() if line.product_id == product.pk)


def set_standard_threshold(amount):
    standard = OrderAndItemCharges.objects.get(code="standard")
    standard.free_shipping_threshold = amount
    standard.save()  # a save clears the cached methods


# 1. Free-shipping progress


def test_cart_under_the_threshold_says_how_much_more(client, iron):
    add_to_cart(client, iron, 2)  # 2 × $14.95 = $29.90
    page = client.get("/basket/")
    words = text(page)
    assert "Add $20.10 more for free standard shipping" in words
    assert "You get free standard shipping" not in words
    html = page.content.decode()
    assert '<progress class="free-shipping-bar" max="100" value="59"' in html
    assert 'aria-labelledby="free-shipping-text"' in html


def test_cart_over_the_threshold_gets_free_shipping(client, magnesium):
    add_to_cart(client, magnesium, 3)  # $50.85
    words = text(client.get("/basket/"))
    assert "You get free standard shipping." in words
    assert "more for free standard shipping" not in words
    assert re.search(
        r"Standard \(3-5 business days\) Free: your order is \$50\.00 or more\. Free", words
    )


def test_exactly_the_threshold_is_free_as_the_method_charges_nothing(client, iron):
    """Oscar's rule is "or more" (>=): a cart of exactly the threshold ships free."""
    set_standard_threshold(Decimal("29.90"))
    add_to_cart(client, iron, 2)
    words = text(client.get("/basket/"))
    assert "You get free standard shipping." in words
    set_standard_threshold(Decimal("29.91"))
    words = text(client.get("/basket/"))
    assert "Add $0.01 more for free standard shipping" in words


def test_the_threshold_comes_from_the_shipping_method(client, iron):
    set_standard_threshold(Decimal("75.00"))
    add_to_cart(client, iron, 2)
    words = text(client.get("/basket/"))
    assert "Add $45.10 more for free standard shipping (orders of $75.00 or more)." in words


def test_no_threshold_no_progress(client, iron):
    set_standard_threshold(None)
    add_to_cart(client, iron)
    words = text(client.get("/basket/"))
    assert "free standard shipping" not in words


def test_empty_cart_is_in_american_english_without_progress(client):
    words = text(client.get("/basket/"))
    assert "Your cart is empty." in words
    assert "basket" not in words.lower()
    assert "free standard shipping" not in words


# 2. Shipping step and preview describe the price that applies


def to_shipping_step(client):
    client.post("/checkout/", {"username": "guest@example.com", "options": "anonymous"})
    from tests.conftest import US_ADDRESS

    client.post("/checkout/shipping-address/", US_ADDRESS)
    return client.get("/checkout/shipping-method/")


def test_shipping_step_under_the_threshold(client, iron):
    add_to_cart(client, iron)
    words = text(to_shipping_step(client))
    assert "$4.95 — free on orders of $50.00 or more." in words
    assert "over $50" not in words
    assert "Tracked; ships the next business day." in words


def test_shipping_step_over_the_threshold_says_free(client, magnesium):
    add_to_cart(client, magnesium, 3)
    page = to_shipping_step(client)
    words = text(page)
    assert "Free: your order is $50.00 or more." in words
    assert '<p class="shipping-price">Free</p>' in page.content.decode()
    assert "$4.95" not in words
    assert "over $50" not in words


def test_shipping_step_links_the_shipping_policy(client, iron):
    add_to_cart(client, iron)
    assert (
        '<a href="/shipping/">our shipping policy</a>' in to_shipping_step(client).content.decode()
    )


def test_preview_describes_the_shipping_that_applies(client, iron, magnesium):
    add_to_cart(client, iron)
    words = text(checkout_to_preview(client, guest_email="guest@example.com"))
    assert "$4.95 — free on orders of $50.00 or more." in words
    assert "Cart total" in words and "Basket" not in words


def test_preview_free_shipping_says_free(client, magnesium):
    add_to_cart(client, magnesium, 3)
    words = text(checkout_to_preview(client, guest_email="guest@example.com"))
    assert re.search(
        r"Standard \(3-5 business days\) Free: your order is \$50\.00 or more\. Free", words
    )


# 3. Quantity steppers without JavaScript


def test_steppers_are_labeled_submit_buttons(client, iron):
    add_to_cart(client, iron, 2)
    html = client.get("/basket/").content.decode()
    title = iron.get_title()
    assert f'aria-label="Decrease quantity of {title}"' in html
    assert f'aria-label="Increase quantity of {title}"' in html
    assert 'type="submit" name="quantity-step" value="form-0:-1"' in html
    assert 'type="submit" name="quantity-step" value="form-0:+1"' in html


def test_plus_and_minus_step_the_quantity(client, iron):
    add_to_cart(client, iron, 2)
    response = step(client, iron, "+1")
    assert quantity_in_cart(client, iron) == 3
    assert f"{iron.get_title()}: quantity is now 3." in messages_of(response)
    assert "Your cart total is now $44.85." in " ".join(messages_of(response))

    response = step(client, iron, "-1")
    assert quantity_in_cart(client, iron) == 2
    assert f"{iron.get_title()}: quantity is now 2." in messages_of(response)


def test_minus_at_one_removes_the_line(client, iron, magnesium):
    add_to_cart(client, iron, 1)
    add_to_cart(client, magnesium, 1)
    assert (
        f'aria-label="Remove {iron.get_title()} from your cart"'
        in client.get("/basket/").content.decode()
    )
    response = step(client, iron, "-1")
    assert quantity_in_cart(client, iron) == 0
    assert quantity_in_cart(client, magnesium) == 1
    assert f"{iron.get_title()} was removed from your cart." in messages_of(response)


def test_plus_is_disabled_at_the_stock_limit_and_refused_past_it(client, iron):
    StockRecord.objects.filter(product=iron).update(num_in_stock=3, num_allocated=0)
    add_to_cart(client, iron, 3)
    html = client.get("/basket/").content.decode()
    assert re.search(r'value="form-0:\+1"\s+aria-label="Increase quantity of [^"]+" disabled', html)
    assert "The most you can buy is 3." in text(client.get("/basket/"))

    response = step(client, iron, "+1")  # posted anyway
    assert quantity_in_cart(client, iron) == 3
    words = text(response)
    assert "Available stock is only 3" in words
    assert "Your cart was not updated. Please correct the quantity shown below." in words


@pytest.mark.parametrize("value", ["form-0:+2", "form-9:+1", "nonsense", ":+1", "form-0"])
def test_a_bad_step_changes_nothing(client, iron, value):
    add_to_cart(client, iron, 2)
    page = client.get("/basket/")
    data, _form = cart_form(page, iron)
    data["quantity-step"] = value
    response = client.post("/basket/", data, follow=True)
    assert response.status_code == 200
    assert quantity_in_cart(client, iron) == 2
    assert messages_of(response)


def test_step_of_a_line_another_tab_removed(client, iron):
    add_to_cart(client, iron, 2)
    page = client.get("/basket/")
    data, form = cart_form(page, iron)
    data["quantity-step"] = f"{form.prefix}:+1"
    data[f"{form.prefix}-id"] = form.instance.pk + 1000
    response = client.post("/basket/", data, follow=True)
    assert "that item is no longer in your cart" in " ".join(messages_of(response))
    assert quantity_in_cart(client, iron) == 2


# 4. Proceed to checkout at the top on phones


def test_a_second_checkout_link_above_the_lines_for_phones(client, iron):
    add_to_cart(client, iron)
    html = client.get("/basket/").content.decode()
    top = html.index('class="cart-checkout-top d-sm-none"')
    assert top < html.index('id="basket_formset"')
    assert html.count('href="/checkout/"') >= 2


# 5. Checkout links


def test_preview_links_terms_and_privacy_by_the_place_order_button(client, iron):
    add_to_cart(client, iron)
    preview = checkout_to_preview(client, guest_email="guest@example.com")
    html = preview.content.decode()
    assert "By placing your order you agree to our Terms and Conditions and Privacy Policy" in text(
        preview
    )
    assert '<a href="/terms/">Terms and Conditions</a>' in html
    assert '<a href="/privacy/">Privacy Policy</a>' in html
    assert 'aria-describedby="place-order-terms"' in html


# 6. American English


def test_add_to_cart_message_is_american(client, iron):
    response = client.post(f"/basket/add/{iron.pk}/", {"quantity": 2}, follow=True)
    said = " ".join(messages_of(response))
    assert f"2 × {iron.get_title()} have been added to your cart." in said
    assert "basket" not in said.lower() and "copies" not in said

    response = client.post(f"/basket/add/{iron.pk}/", {"quantity": 1}, follow=True)
    assert f"{iron.get_title()} has been added to your cart." in " ".join(messages_of(response))


def test_cart_and_checkout_pages_say_cart_not_basket(client, iron):
    add_to_cart(client, iron, 2)
    words = text(client.get("/basket/"))
    assert "Cart total" in words
    assert "basket" not in words.lower()
    shipping = text(to_shipping_step(client))
    assert "basket" not in shipping.lower()
    preview = text(checkout_to_preview(client))
    assert "basket" not in preview.lower()
    for british in ("working day", "dispatch", "Post/Zip"):
        assert british not in words and british not in shipping and british not in preview


def test_an_invalid_update_warns_in_american_english(client, iron):
    StockRecord.objects.filter(product=iron).update(num_in_stock=3, num_allocated=0)
    add_to_cart(client, iron, 1)
    page = client.get("/basket/")
    data, form = cart_form(page, iron, **{"form-0-quantity": 5})
    words = text(client.post("/basket/", data, follow=True))
    assert "Your cart was not updated. Please correct the quantity shown below." in words
    assert "basket" not in words.lower()


def test_cart_lines_say_in_stock_not_the_exact_count(client, iron):
    from tests.shop.checkout_steps import add_to_cart

    add_to_cart(client, iron)
    page = client.get("/basket/").content.decode()
    assert "In stock" in page and " available)" not in page
