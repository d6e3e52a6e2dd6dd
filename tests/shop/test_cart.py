import pytest
from oscar.core.loading import get_model

from tests.shop.checkout_steps import add_to_cart

StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def cart_count(client):
    return client.get("/basket/").context["basket"].num_items


def formset_data(basket_page, quantity, delete=False, product=None):
    """The cart page's line formset as the browser posts it, changing one product's line."""
    formset = basket_page.context["formset"]
    data = {
        f"{formset.prefix}-TOTAL_FORMS": formset.total_form_count(),
        f"{formset.prefix}-INITIAL_FORMS": formset.initial_form_count(),
        f"{formset.prefix}-MIN_NUM_FORMS": 0,
        f"{formset.prefix}-MAX_NUM_FORMS": 1000,
    }
    form = next(f for f in formset.forms if product is None or f.instance.product_id == product.pk)
    data[f"{form.prefix}-id"] = form.instance.pk
    data[f"{form.prefix}-quantity"] = quantity
    if delete:
        data[f"{form.prefix}-DELETE"] = "on"
    return data


def test_add_update_remove_and_header_count_follows(client, iron, magnesium):
    add_to_cart(client, iron, 2)
    add_to_cart(client, magnesium, 1)
    page = client.get("/basket/")
    assert 'id="cart-count" aria-live="polite">3<' in page.content.decode()

    page = client.get("/basket/")
    client.post("/basket/", formset_data(page, 4, product=magnesium))
    assert cart_count(client) == 6

    page = client.get("/basket/")
    client.post("/basket/", formset_data(page, 4, delete=True, product=magnesium))
    assert cart_count(client) == 2


@pytest.mark.parametrize("quantity", ["abc", "-1", "0", "1e3", "2.5", "", "99999999"])
def test_bad_quantities_on_add_get_a_message_and_change_nothing(client, iron, quantity):
    response = add_to_cart(client, iron, quantity)
    assert response.status_code == 302
    page = client.get(response["Location"], follow=True)
    assert page.status_code == 200
    messages = [str(m) for m in page.context["messages"]]
    assert messages, f"no message for quantity {quantity!r}"
    assert cart_count(client) == 0


def test_more_than_in_stock_is_refused_with_the_number_left(client, iron):
    StockRecord.objects.filter(product=iron).update(num_in_stock=4, num_allocated=0)
    response = add_to_cart(client, iron, 5)
    page = client.get(response["Location"], follow=True)
    assert "a maximum of 4 can be bought" in page.content.decode()
    assert cart_count(client) == 0


@pytest.mark.parametrize("quantity", ["abc", "-3", "99999999"])
def test_bad_quantities_on_cart_update_keep_the_line(client, iron, quantity):
    add_to_cart(client, iron, 2)
    page = client.get("/basket/")
    response = client.post("/basket/", formset_data(page, quantity))
    assert response.status_code in (200, 302)
    assert cart_count(client) == 2
