"""The US address form wherever an address is entered (shop/addresses.py)."""

import pytest
from django.template import Context, Template
from oscar.core.loading import get_class, get_model

from shop.addresses import (
    STATE_CHOICE_MESSAGE,
    US_ONLY_MESSAGE,
    US_STATES,
    ZIP_MESSAGE,
    normalise_state,
    normalise_zip,
    us_address_lines,
)
from shop.checkout.forms import ShippingAddressForm
from tests.conftest import US_ADDRESS
from tests.shop.checkout_steps import add_to_cart, checkout_to_preview, place_order

Order = get_model("order", "Order")
UserAddress = get_model("address", "UserAddress")
Country = get_model("address", "Country")

pytestmark = pytest.mark.django_db

LABELS = (
    "Address line 1",
    "Address line 2 (optional)",
    "City",
    "State",
    "ZIP code",
    "Phone number (optional, for delivery questions)",
)
BRITISH = ("First line of address", "Second line of address", "Third line of address")
BRITISH += ("State/County", "Post/Zip-code")


def at_shipping_address(client, product):
    add_to_cart(client, product)
    response = client.post("/checkout/", {"username": "guest@example.com", "options": "anonymous"})
    assert response.status_code == 302


def post_address(client, **changes):
    return client.post("/checkout/shipping-address/", {**US_ADDRESS, **changes})


def assert_us_form(page):
    for label in LABELS:
        assert f"{label}\n" in page or f"{label}<" in page, label
    for label in BRITISH:
        assert label not in page
    assert '<select name="state"' in page
    assert '<option value="IL">Illinois</option>' in page
    assert '<option value="DC">District of Columbia</option>' in page
    assert '<option value="PR">Puerto Rico</option>' in page
    assert 'name="line3"' not in page and 'name="title"' not in page
    assert 'name="country"' not in page
    assert 'type="tel" name="phone_number"' in page


def test_checkout_shipping_address_page_is_a_us_form(client, iron):
    at_shipping_address(client, iron)
    page = client.get("/checkout/shipping-address/").content.decode()
    assert_us_form(page)
    # The autocomplete tokens of the checkout's "shipping" section are kept.
    assert 'autocomplete="shipping address-level1"' in page
    assert 'autocomplete="shipping postal-code"' in page
    assert 'autocomplete="shipping address-line1"' in page
    assert 'autocomplete="shipping tel"' in page


@pytest.mark.parametrize("state", ["ZZ", "Narnia", "British Columbia", "I L", "x" * 300])
def test_a_state_not_in_the_list_is_refused(client, iron, state):
    at_shipping_address(client, iron)
    response = post_address(client, state=state)
    assert response.status_code == 200
    assert STATE_CHOICE_MESSAGE in response.content.decode()


@pytest.mark.parametrize(
    "postcode", ["6270", "627011", "62701-12", "ABCDE", "62701-12345", "٦٢٧٠١", "<b>1</b>"]
)
def test_an_invalid_zip_is_refused_and_the_typed_fields_are_kept(client, iron, postcode):
    at_shipping_address(client, iron)
    response = post_address(client, postcode=postcode, line2="Apt 4", phone_number="217 555 0123")
    assert response.status_code == 200
    page = response.content.decode()
    assert ZIP_MESSAGE in page
    assert page.count(ZIP_MESSAGE) == 1 and "require a valid postcode" not in page
    for value in ("Ann", "Lee", "1 Main Street", "Apt 4", "Springfield", "217 555 0123"):
        assert f'value="{value}"' in page
    assert '<option value="IL" selected>Illinois</option>' in page


def test_a_missing_state_and_zip_are_required(client, iron):
    at_shipping_address(client, iron)
    page = post_address(client, state="", postcode="").content.decode()
    assert page.count("This field is required") == 2
    assert "require a valid postcode" not in page


def test_the_address_is_stored_normalised(client, iron):
    add_to_cart(client, iron)
    address = {
        **US_ADDRESS,
        "state": " illinois ",
        "postcode": "627011234",
        "phone_number": "(217) 555-0123",
    }
    checkout_to_preview(client, guest_email="guest@example.com", address=address)
    assert place_order(client).status_code == 302
    shipping = Order.objects.get().shipping_address
    assert (shipping.state, shipping.postcode) == ("IL", "62701-1234")
    assert shipping.country_id == "US"
    assert str(shipping.phone_number) == "+12175550123"


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("il", "IL"),
        ("IL", "IL"),
        ("illinois", "IL"),
        ("Illinois", "IL"),
        ("ILLINOIS", "IL"),
        ("New York", "NY"),
        ("district of columbia", "DC"),
        ("Washington, D.C.", "DC"),
        ("Puerto Rico", "PR"),
        ("ae", "AE"),
    ],
)
def test_state_codes_in_any_case_and_state_names_are_accepted(typed, stored):
    form = ShippingAddressForm(data={**US_ADDRESS, "state": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["state"] == stored
    assert form.instance.state == stored


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("62701", "62701"),
        (" 62701 ", "62701"),
        ("62701-1234", "62701-1234"),
        ("627011234", "62701-1234"),
        ("00501", "00501"),
    ],
)
def test_zip_codes_are_normalised(typed, stored):
    form = ShippingAddressForm(data={**US_ADDRESS, "postcode": typed})
    assert form.is_valid(), form.errors
    assert form.instance.postcode == stored


@pytest.mark.parametrize("phone", ["(217) 555-0123", "217-555-0123", "+1 217 555 0123", ""])
def test_a_us_phone_number_is_read_as_a_us_number(phone):
    form = ShippingAddressForm(data={**US_ADDRESS, "phone_number": phone})
    assert form.is_valid(), form.errors


def test_a_non_us_country_is_refused(client, iron):
    at_shipping_address(client, iron)
    Country.objects.create(iso_3166_1_a2="CA", name="Canada", is_shipping_country=True)
    response = post_address(client, country="CA", state="IL")
    assert response.status_code == 200
    assert US_ONLY_MESSAGE in response.content.decode()
    assert post_address(client, country="us").status_code == 302  # what the old form sent
    form = ShippingAddressForm(data={k: v for k, v in US_ADDRESS.items() if k != "country"})
    assert form.is_valid() and form.instance.country_id == "US"


def test_the_address_book_uses_the_same_rules(client, customer):
    client.force_login(customer)
    page = client.get("/accounts/addresses/add/").content.decode()
    assert_us_form(page)
    assert 'autocomplete="address-level1"' in page

    page = client.post(
        "/accounts/addresses/add/", {**US_ADDRESS, "state": "ZZ", "postcode": "1234"}
    ).content.decode()
    assert STATE_CHOICE_MESSAGE in page and ZIP_MESSAGE in page
    assert 'value="1 Main Street"' in page and 'value="Springfield"' in page
    assert not UserAddress.objects.exists()

    address = {**US_ADDRESS, "state": "Illinois", "postcode": "627011234"}
    response = client.post("/accounts/addresses/add/", {**address, "country": "US"})
    assert response.status_code == 302
    saved = UserAddress.objects.get(user=customer)
    assert (saved.state, saved.postcode, saved.country_id) == ("IL", "62701-1234", "US")


def test_the_address_book_form_is_oscars_useraddressform(customer):
    UserAddressForm = get_class("address.forms", "UserAddressForm")
    form = UserAddressForm(customer, data={**US_ADDRESS, "state": "il", "postcode": "62701 "})
    assert form.is_valid(), form.errors
    assert (form.instance.state, form.instance.postcode) == ("IL", "62701")
    assert not UserAddressForm(customer, data={**US_ADDRESS, "state": "Narnia"}).is_valid()


def test_an_old_address_book_entry_shows_its_state_chosen(client, customer):
    old = UserAddress.objects.create(
        user=customer,
        first_name="Ann",
        last_name="Lee",
        line1="1 Main Street",
        line4="Springfield",
        state="Illinois",
        postcode="62701",
        country_id="US",
    )
    client.force_login(customer)
    page = client.get(f"/accounts/addresses/{old.pk}/").content.decode()
    assert '<option value="IL" selected>Illinois</option>' in page


def test_the_admin_checks_user_addresses_too(client, customer, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.com", "x-9-long-pw")
    client.force_login(admin)
    url = "/admin/address/useraddress/add/"
    page = client.get(url).content.decode()
    assert "ZIP code" in page and '<select name="state"' in page and 'name="line3"' not in page
    data = {
        **US_ADDRESS,
        "user": customer.pk,
        "num_orders_as_shipping_address": 0,
        "num_orders_as_billing_address": 0,
    }
    page = client.post(url, {**data, "state": "Narnia", "postcode": "1"}).content.decode()
    assert STATE_CHOICE_MESSAGE in page and ZIP_MESSAGE in page
    response = client.post(url, {**data, "state": "il", "phone_number": "(217) 555-0123"})
    assert response.status_code == 302
    saved = UserAddress.objects.get(user=customer)
    assert (saved.state, saved.country_id, str(saved.phone_number)) == ("IL", "US", "+12175550123")


def test_the_state_list():
    codes = [code for code, _name in US_STATES]
    assert len(codes) == len(set(codes)) == 50 + 1 + 5 + 3
    for code in ("DC", "AS", "GU", "MP", "PR", "VI", "AA", "AE", "AP"):
        assert code in codes
    assert normalise_state("Narnia") is None and normalise_state(None) is None
    assert normalise_zip("12345-678") is None and normalise_zip("123456789") == "12345-6789"


class Address:
    def __init__(self, **fields):
        self.__dict__.update(fields)


def test_us_address_lines():
    address = Address(
        first_name="Ann",
        last_name="Smith",
        line1="12 Main St",
        line2="Apt 4",
        line3="",
        line4="Springfield",
        state="IL",
        postcode="62704",
    )
    assert us_address_lines(address) == [
        "Ann Smith",
        "12 Main St",
        "Apt 4",
        "Springfield, IL 62704",
    ]
    mapping = {"first_name": "Ann", "line1": "1 Elm St", "line4": "Boston", "state": "ma"}
    assert us_address_lines({**mapping, "postcode": "021081234", "country": "US"}) == [
        "Ann",
        "1 Elm St",
        "Boston, MA 02108-1234",
    ]
    assert us_address_lines({**mapping, "country": "CA"})[-1] == "CA"
    assert us_address_lines(None) == [] and us_address_lines({}) == []


def test_us_address_lines_of_a_placed_order(client, iron):
    add_to_cart(client, iron)
    address = {**US_ADDRESS, "line2": "Apt 4", "postcode": "62701-1234"}
    checkout_to_preview(client, guest_email="guest@example.com", address=address)
    place_order(client)
    assert us_address_lines(Order.objects.get().shipping_address) == [
        "Ann Lee",
        "1 Main Street",
        "Apt 4",
        "Springfield, IL 62701-1234",
    ]


def test_the_us_address_tag_escapes_every_line():
    template = Template("{% load us_address %}{% us_address address %}")
    address = {"first_name": "<b>Ann</b>", "line1": "12 Main St", "line4": "Springfield"}
    html = template.render(Context({"address": {**address, "state": "IL", "postcode": "62704"}}))
    assert html == (
        "<address>&lt;b&gt;Ann&lt;/b&gt;<br>12 Main St<br>Springfield, IL 62704</address>"
    )
    assert template.render(Context({"address": None})) == ""
    lines = Template("{% load us_address %}{{ address|us_address_lines|join:' / ' }}")
    assert (
        lines.render(Context({"address": address}))
        == "&lt;b&gt;Ann&lt;/b&gt; / 12 Main St / Springfield"
    )
