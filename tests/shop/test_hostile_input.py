"""Bad and hostile input on every storefront form: a clear message, never a 5xx, nothing lost."""

import pytest
from django.test import Client
from oscar.core.loading import get_model

from tests.conftest import US_ADDRESS
from tests.shop.checkout_steps import add_to_cart, checkout_to_preview, place_order

Order = get_model("order", "Order")
UserAddress = get_model("address", "UserAddress")
WishList = get_model("wishlists", "WishList")

pytestmark = pytest.mark.django_db

LONG = "x" * 5000
UNICODE = "鉄 Ñandú 🧪 \u202e ‮ <script>alert(1)</script> ' OR 1=1 --"


@pytest.mark.parametrize("quantity", ["abc", "-1", "0", "1e3", "99999999", "", "2.5", UNICODE])
def test_cart_quantities(client, iron, quantity):
    response = client.post(f"/basket/add/{iron.pk}/", {"quantity": quantity}, follow=True)
    assert response.status_code == 200
    assert client.get("/basket/").context["basket"].num_items == 0


@pytest.mark.parametrize("query", [LONG, UNICODE, "%", "_", "\\", "' OR 1=1 --", "   "])
def test_search_queries(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize(
    "field, value",
    [
        ("first_name", LONG),
        ("line1", LONG),
        ("postcode", "<script>alert(1)</script>"),
        ("state", LONG),
        ("phone_number", "not a phone"),
    ],
)
def test_overlong_or_malformed_address_fields(client, iron, field, value):
    add_to_cart(client, iron)
    client.post("/checkout/", {"username": "guest@example.com", "options": "anonymous"})
    response = client.post("/checkout/shipping-address/", {**US_ADDRESS, field: value})
    assert response.status_code == 200  # the form again, with its error
    page = response.content.decode()
    assert "error" in page.lower() and "<script>alert(1)</script>" not in page
    assert client.get("/basket/").context["basket"].num_items == 1


def test_unicode_and_markup_in_an_address_are_kept_and_escaped(client, iron):
    add_to_cart(client, iron)
    address = {**US_ADDRESS, "first_name": "Ñandú 🧪", "line1": "<script>alert(1)</script>"}
    checkout_to_preview(client, guest_email="guest@example.com", address=address)
    page = client.get("/checkout/preview/").content.decode()
    assert "Ñandú 🧪" in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)</script>" not in page


@pytest.mark.parametrize("email", ["not-an-email", "a@b", "@example.com", LONG + "@example.com"])
def test_malformed_emails_at_the_gateway_and_registration(client, iron, email):
    add_to_cart(client, iron)
    response = client.post("/checkout/", {"username": email, "options": "anonymous"})
    assert response.status_code == 200 and "email" in response.content.decode().lower()
    response = client.post(
        "/accounts/login/",
        {
            "registration-email": email,
            "registration-password1": "a-long-secret-9",
            "registration-password2": "a-long-secret-9",
            "registration_submit": "Register",
        },
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path, data",
    [
        ("/basket/add/{pk}/", {"quantity": 1}),
        ("/contact/", {"name": "A", "email": "a@example.com", "subject": "s", "message": "m" * 20}),
        ("/accounts/login/", {"login-username": "a@example.com", "login-password": "x"}),
        ("/checkout/", {"username": "a@example.com", "options": "anonymous"}),
    ],
)
def test_posts_without_a_csrf_token_are_refused_politely(iron, path, data):
    client = Client(enforce_csrf_checks=True)
    response = client.post(path.format(pk=iron.pk), data)
    assert response.status_code == 403


def test_customer_text_is_escaped_where_staff_read_it(client, staff):
    client.post(
        "/contact/",
        {
            "name": "<img src=x onerror=alert(1)>",
            "email": "a@example.com",
            "subject": "<b>hi</b>",
            "message": "<script>alert(1)</script> long enough",
        },
    )
    client.force_login(staff)
    page = client.get("/dashboard/content/messages/").content.decode()
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page


def test_a_failure_while_placing_leaves_no_half_order(client, iron, monkeypatch):
    from shop.checkout import views

    def explode(*args, **kwargs):
        raise RuntimeError("database went away halfway")

    monkeypatch.setattr(views, "notice_records", explode)  # after the order rows are written
    add_to_cart(client, iron)
    checkout_to_preview(client, guest_email="guest@example.com")
    response = place_order(client)
    assert response.status_code == 200
    assert "A problem occurred while placing this order" in response.content.decode()
    assert not Order.objects.exists()
    assert client.get("/basket/").context["basket"].num_items == 1


class TestOtherCustomersDataIsOutOfReach:
    @pytest.fixture
    def victim(self, django_user_model, iron):
        victim = django_user_model.objects.create_user(
            username="vic", email="vic@example.com", password="a-long-secret-9"
        )
        victim_client = Client()
        victim_client.force_login(victim)
        add_to_cart(victim_client, iron)
        checkout_to_preview(victim_client)
        place_order(victim_client)
        address = UserAddress.objects.get(user=victim)  # saved by the checkout
        wishlist = WishList.objects.create(owner=victim, name="Mine")
        return Order.objects.get(user=victim), address, wishlist

    def test_orders_addresses_and_wishlists_are_404(self, client, customer, victim):
        order, address, wishlist = victim
        client.force_login(customer)
        for path in (
            f"/accounts/orders/{order.number}/",
            f"/accounts/addresses/{address.pk}/",
            f"/accounts/addresses/{address.pk}/delete/",
            f"/accounts/wishlists/{wishlist.key}/",
        ):
            assert client.get(path).status_code == 404, path

    def test_customers_never_reach_the_dashboard(self, client, customer, victim):
        order, _address, _wishlist = victim
        client.force_login(customer)
        for path in ("/dashboard/", f"/dashboard/orders/{order.number}/", "/admin/"):
            assert client.get(path).status_code in (302, 403), path
