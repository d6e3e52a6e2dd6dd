"""Oscar's checkout forms with autocomplete tokens, so browsers and password managers can fill
the address and email in for the customer (WCAG 2.2, 1.3.5 Identify Input Purpose)."""

from oscar.apps.checkout import forms

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


class ShippingAddressForm(forms.ShippingAddressForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, token in ADDRESS_AUTOCOMPLETE.items():
            if name in self.fields:
                self.fields[name].widget.attrs["autocomplete"] = token


class GatewayForm(forms.GatewayForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["autocomplete"] = "email"
