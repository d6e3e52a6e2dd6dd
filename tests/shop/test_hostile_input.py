"""Bad and hostile input on every storefront form: a clear message, never a 5xx, nothing lost."""

import json

import pytest
from django.core import mail
from django.test import Client
from oscar.core.loading import get_model

from content.models import ContactMessage
from tests.conftest import US_ADDRESS
from tests.shop.checkout_steps import add_to_cart, checkout_to_preview, place_order

Order = get_model("order", "Order")
ProductAlert = get_model("customer", "ProductAlert")
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
            f"/accounts/orders/{order.number}/{order.lines.get().pk}/",
        ):
            assert client.get(path).status_code == 404, path

    def test_customers_never_reach_the_dashboard(self, client, customer, victim):
        order, _address, _wishlist = victim
        client.force_login(customer)
        for path in ("/dashboard/", f"/dashboard/orders/{order.number}/", "/admin/"):
            assert client.get(path).status_code in (302, 403), path


# Control characters: PostgreSQL refuses a NUL in any text, so each of these reached a query as a
# 500 there (SQLite let them through). The store answers 400 before anything reads them.

BAD_REQUEST_PAGE = "we could not read that request"


@pytest.mark.parametrize(
    "path",
    [
        "/search/?q=%00",
        "/search/?q=iron%00",
        "/search/?q%00=iron",
        "/search/?q=%1B%5B2J",  # ESC: a terminal escape for whoever reads the logs
        "/search/?q=%7F",  # DEL
        "/search/?q=%C2%85",  # NEL, one of the C1 controls
        "/wishlists/%00/",
        "/wishlists/abc%00def/",
        "/accounts/wishlists/%00/",
        "/accounts/orders/%00/",
        "/catalogue/%00/",
        "/catalogue/category/%09/",  # a tab is text, never part of a path
    ],
)
def test_control_characters_in_a_url_are_a_400(client, customer, path):
    client.force_login(customer)  # so views behind a sign-in get as far as their queries
    response = client.get(path)
    assert response.status_code == 400
    assert BAD_REQUEST_PAGE in response.content.decode()


CONTACT = {"name": "Ann", "email": "ann@example.com", "subject": "Hello", "message": "m" * 20}


@pytest.mark.parametrize(
    "path, data",
    [
        ("/contact/", {**CONTACT, "name": "Ann\x00"}),
        ("/contact/", {**CONTACT, "message": "long enough, and then\x00"}),
        ("/contact/", {**CONTACT, "subject\x00": "x"}),
        ("/checkout/", {"username": "guest\x00@example.com", "options": "anonymous"}),
        ("/accounts/login/", {"login-username": "ann@example.com\x00", "login-password": "x"}),
        ("/accounts/login/", {"registration-email": "\x00@example.com"}),
        ("/basket/add/{pk}/", {"quantity": "1\x00"}),
    ],
)
def test_control_characters_in_a_form_are_a_400_and_nothing_is_kept(client, iron, path, data):
    add_to_cart(client, iron)
    response = client.post(path.format(pk=iron.pk), data)
    assert response.status_code == 400
    assert BAD_REQUEST_PAGE in response.content.decode()
    assert not ContactMessage.objects.exists() and not mail.outbox
    assert client.get("/basket/").context["basket"].num_items == 1


def test_a_control_character_in_a_cookie_is_a_400(client):
    client.cookies["sessionid"] = "abcdefgh12345678\x00"  # sent as "abcdefgh12345678\\000"
    response = client.get("/")
    assert response.status_code == 400


def test_tabs_and_line_breaks_are_text_and_stay_allowed(client):
    message = "First line,\r\n\tthen an indented second one."
    response = client.post("/contact/", {**CONTACT, "message": message})
    assert response.status_code == 302
    assert ContactMessage.objects.get().message == message.strip()
    assert client.get("/search/", {"q": "iron\tmagnesium"}).status_code == 200


# Email addresses: 254 characters is the most an address can have (RFC 5321's path limit), and
# what the database columns hold. Longer ones are refused where they are typed.


def email_of_length(length):
    domain = "@example.com"
    return "a" * (length - len(domain)) + domain


LONGEST_EMAIL = email_of_length(254)
TOO_LONG_EMAIL = email_of_length(255)


def test_the_longest_email_address_goes_all_the_way_to_an_order(client, iron):
    add_to_cart(client, iron)
    checkout_to_preview(client, guest_email=LONGEST_EMAIL)
    assert place_order(client).status_code == 302
    assert Order.objects.get().guest_email == LONGEST_EMAIL


@pytest.mark.parametrize(
    "path, data",
    [
        ("/checkout/", {"username": TOO_LONG_EMAIL, "options": "anonymous"}),
        ("/checkout/", {"username": TOO_LONG_EMAIL, "options": "new"}),
        ("/accounts/login/", {"registration-email": TOO_LONG_EMAIL, "registration_submit": "1"}),
        ("/accounts/register/", {"email": TOO_LONG_EMAIL}),
        ("/password-reset/", {"email": TOO_LONG_EMAIL}),
        ("/contact/", {**CONTACT, "email": TOO_LONG_EMAIL}),
    ],
)
def test_an_email_over_254_characters_is_refused_where_it_is_entered(
    client, django_user_model, iron, path, data
):
    add_to_cart(client, iron)
    users = django_user_model.objects.count()
    response = client.post(path.format(pk=iron.pk), data)
    assert response.status_code == 200
    assert "at most 254 characters" in response.content.decode()
    assert not ContactMessage.objects.exists() and not ProductAlert.objects.exists()
    assert django_user_model.objects.count() == users and not mail.outbox
    assert client.get("/checkout/preview/").status_code == 302  # no email step passed


def test_a_stock_alert_for_an_email_over_254_characters_is_not_kept(client, iron):
    """Oscar's alert URL stays reachable though the store's product page shows no alert form."""
    response = client.post(f"/accounts/alerts/create/{iron.pk}/", {"email": TOO_LONG_EMAIL})
    assert response.status_code == 200
    assert not ProductAlert.objects.exists() and not mail.outbox
    client.post(f"/accounts/alerts/create/{iron.pk}/", {"email": LONGEST_EMAIL})
    assert ProductAlert.objects.get().email == LONGEST_EMAIL  # the canary: the URL does keep one


@pytest.mark.parametrize("options", ["existing", "anonymous"])
def test_signing_in_with_an_email_over_254_characters_is_only_a_failed_sign_in(
    client, iron, options
):
    response = client.post(
        "/accounts/login/",
        {
            "login-username": TOO_LONG_EMAIL,
            "login-password": "a-long-secret-9",
            "login_submit": "1",
        },
    )
    assert response.status_code == 200
    add_to_cart(client, iron)
    response = client.post(
        "/checkout/", {"username": TOO_LONG_EMAIL, "password": "x", "options": options}
    )
    assert response.status_code == 200


# The customer's order-line URL: the target of a line's "Re-order" button. Oscar has no page for
# it, so a GET leads to the order's page; a line that is not on the order is a 404.


@pytest.fixture
def placed_order(client, customer, iron):
    client.force_login(customer)
    add_to_cart(client, iron)
    checkout_to_preview(client)
    place_order(client)
    return Order.objects.get(user=customer)


def test_an_order_line_url_leads_to_its_order(client, placed_order):
    line = placed_order.lines.get()
    order_page = f"/accounts/orders/{placed_order.number}/"
    assert f'action="{order_page}{line.pk}/"' in client.get(order_page).content.decode()
    response = client.get(f"{order_page}{line.pk}/")
    assert response.status_code == 302 and response["Location"] == order_page
    assert client.get(f"{order_page}{line.pk}/", follow=True).status_code == 200


@pytest.mark.parametrize("line_id", ["999999", "0"])
def test_an_order_line_not_on_the_order_is_a_404(client, placed_order, line_id):
    path = f"/accounts/orders/{placed_order.number}/{line_id}/"
    assert client.get(path).status_code == 404
    assert client.post(path, {"action": "reorder"}).status_code == 404


def test_re_ordering_one_line_still_fills_the_cart(client, placed_order):
    line = placed_order.lines.get()
    path = f"/accounts/orders/{placed_order.number}/{line.pk}/"
    response = client.post(path, {"action": "reorder"})
    assert response.status_code == 302 and response["Location"] == "/basket/"
    assert client.get("/basket/").context["basket"].num_items == line.quantity
    response = client.post(path, {"action": "no-such-action"})
    assert response.status_code == 302  # Oscar's "Invalid form submission", then the order


# The cart's formset: Oscar reads the management form's four fields as it pleases, and one
# missing was a 500. An incomplete update is refused with a message, the cart as it was.

MANAGEMENT_FIELDS = ["TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"]
INCOMPLETE = "Your cart was not updated"


def cart_update(client, **changes):
    line = client.get("/basket/").context["basket"].all_lines()[0]
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-id": str(line.pk),
        "form-0-quantity": "3",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


@pytest.mark.parametrize("delete", [False, True])
@pytest.mark.parametrize("field", MANAGEMENT_FIELDS)
@pytest.mark.parametrize("value", [None, "x"])  # missing, or not a number
def test_a_cart_update_with_a_broken_management_form_changes_nothing(
    client, iron, field, value, delete
):
    add_to_cart(client, iron)
    data = cart_update(client, **{f"form-{field}": value})
    if delete:
        data["form-0-DELETE"] = "on"
    response = client.post("/basket/", data, follow=True)
    assert response.status_code == 200
    assert INCOMPLETE in response.content.decode()
    assert response.context["basket"].num_items == 1


@pytest.mark.parametrize("field", ["MIN_NUM_FORMS", "MAX_NUM_FORMS"])
def test_removing_a_line_beside_a_mistyped_quantity_without_a_management_field_is_no_500(
    client, iron, magnesium, field
):
    """Oscar redisplays such a cart by copying all four fields: the case that answered 500."""
    add_to_cart(client, iron)
    add_to_cart(client, magnesium)
    lines = client.get("/basket/").context["basket"].all_lines()
    data = cart_update(client, **{"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2"})
    data.update({"form-0-DELETE": "on", "form-1-id": str(lines[1].pk), "form-1-quantity": "abc"})
    del data[f"form-{field}"]
    response = client.post("/basket/", data, follow=True)
    assert response.status_code == 200
    assert INCOMPLETE in response.content.decode()
    assert response.context["basket"].num_lines == 2


def test_an_ajax_cart_update_with_a_broken_management_form_gets_the_cart_back(client, iron):
    add_to_cart(client, iron)
    data = cart_update(client, **{"form-MIN_NUM_FORMS": None, "form-0-DELETE": "on"})
    response = client.post("/basket/", data, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200
    payload = json.loads(response.content)
    assert any(
        INCOMPLETE in message for messages in payload["messages"].values() for message in messages
    )
    assert 'name="form-0-quantity" value="1"' in payload["content_html"].replace("  ", " ")
    assert client.get("/basket/").context["basket"].num_items == 1


def test_a_complete_cart_update_still_works(client, iron):
    add_to_cart(client, iron)
    response = client.post("/basket/", cart_update(client), follow=True)
    assert INCOMPLETE not in response.content.decode()
    assert response.context["basket"].num_items == 3


@pytest.mark.parametrize(
    "changes, quantity",
    [
        ({"form-0-id": None}, 1),
        ({"form-0-id": "999999"}, 1),  # no line of this cart
        ({"form-0-id": "abc"}, 1),
        ({"form-INITIAL_FORMS": "0"}, 1),  # the line posted as a new one
        ({"form-TOTAL_FORMS": "-1"}, 1),
        ({"form-TOTAL_FORMS": "100000", "form-INITIAL_FORMS": "100000"}, 1),
        ({"form-TOTAL_FORMS": "2"}, 3),  # the cart's own line is still updated
        ({"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2", "form-1-quantity": "2"}, 3),
    ],
)
def test_cart_forms_without_a_line_of_the_cart_are_ignored(client, iron, changes, quantity):
    """Oscar's cart formset takes a form with none of the cart's lines behind it for a line
    removed meanwhile (in another tab): it is skipped, and nothing is invented or lost."""
    add_to_cart(client, iron)
    response = client.post("/basket/", cart_update(client, **changes), follow=True)
    assert response.status_code == 200
    basket = response.context["basket"]
    assert basket.num_lines == 1 and basket.num_items == quantity


@pytest.fixture
def saved_line(client, customer, iron):
    client.force_login(customer)
    add_to_cart(client, iron)
    client.post("/basket/", cart_update(client, **{"form-0-save_for_later": "on"}))
    return client.get("/basket/").context["saved_formset"].forms[0].instance


def saved_update(line_pk, **changes):
    data = {
        "saved-TOTAL_FORMS": "1",
        "saved-INITIAL_FORMS": "1",
        "saved-MIN_NUM_FORMS": "0",
        "saved-MAX_NUM_FORMS": "1000",
        "saved-0-id": str(line_pk),
        "saved-0-move_to_basket": "on",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


@pytest.mark.parametrize(
    "changes",
    [
        *({f"saved-{field}": None} for field in MANAGEMENT_FIELDS),
        {"saved-0-id": None},
        {"saved-0-id": "999999"},
        {"saved-0-id": "abc"},
        {"saved-INITIAL_FORMS": "0"},
        {"saved-TOTAL_FORMS": "2"},
        {"saved-0-DELETE": "on", "saved-0-id": None},
    ],
)
def test_a_saved_for_later_update_that_does_not_match_changes_nothing(client, saved_line, changes):
    response = client.post("/basket/saved/", saved_update(saved_line.pk, **changes), follow=True)
    assert response.status_code == 200
    assert INCOMPLETE in response.content.decode()
    assert response.context["basket"].num_items == 0
    assert response.context["saved_formset"].forms[0].instance == saved_line


def test_moving_a_saved_line_to_the_cart_still_works(client, saved_line):
    response = client.post("/basket/saved/", saved_update(saved_line.pk), follow=True)
    assert INCOMPLETE not in response.content.decode()
    assert response.context["basket"].num_items == saved_line.quantity


def test_a_saved_for_later_update_without_a_saved_basket_changes_nothing(client, customer):
    client.force_login(customer)
    response = client.post("/basket/saved/", saved_update(1), follow=True)
    assert response.status_code == 200 and INCOMPLETE in response.content.decode()
