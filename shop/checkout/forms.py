"""Oscar's checkout forms: a US shipping address (shop/addresses.py) with autocomplete tokens, so
browsers and password managers can fill the address and email in for the customer (WCAG 2.2,
1.3.5 Identify Input Purpose), and an email step that refuses an address longer than an order can
store."""

from django import forms as django_forms
from oscar.apps.checkout import forms
from oscar.core.loading import get_model

from shop.addresses import USAddressFormMixin
from shop.auth import SIGN_IN_FAILED

Order = get_model("order", "Order")

# The guest's email goes onto the order: refuse at the email step what the order cannot hold.
EMAIL_MAX_LENGTH = Order._meta.get_field("guest_email").max_length

ADDRESS_AUTOCOMPLETE = {
    "first_name": "shipping given-name",
    "last_name": "shipping family-name",
    "line1": "shipping address-line1",
    "line2": "shipping address-line2",
    "line3": "shipping address-line3",
    "line4": "shipping address-level2",
    "state": "shipping address-level1",
    "postcode": "shipping postal-code",
    "country": "shipping country",
    "phone_number": "shipping tel",
}


class ShippingAddressForm(USAddressFormMixin, forms.ShippingAddressForm):
    """Oscar's shipping address as a US address: labels, state list, ZIP code, US phone."""

    autocomplete_tokens = ADDRESS_AUTOCOMPLETE


class GatewayForm(forms.GatewayForm):
    username = django_forms.EmailField(
        label="My email address is",
        max_length=EMAIL_MAX_LENGTH,
        error_messages={
            "max_length": "An email address can have at most %(limit_value)d characters."
        },
    )

    error_messages = {**forms.GatewayForm.error_messages, "invalid_login": SIGN_IN_FAILED}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["autocomplete"] = "email"

    def clean(self):
        if self.is_new_account_checkout():
            # Oscar refuses an address with an account here ("A user with that email address
            # already exists"); registration deals with it without saying so (shop.customer).
            self.errors.pop("password", None)
            return self.cleaned_data
        return super().clean()
