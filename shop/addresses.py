"""US addresses: the one home for the store's address rules.

The store ships to US addresses only, so every address form speaks American: "Address line 1",
"Address line 2 (optional)", "City", "State" (a list of the USPS codes), "ZIP code" and an
optional phone number read as a US number. This module holds:

- ``US_STATES``: the 50 states, the District of Columbia, the five inhabited territories and the
  three military "states" of APO/FPO/DPO mail, with their USPS codes;
- ``normalise_state`` / ``normalise_zip``: what a customer, an old form or browser autofill sends
  ("il", "Illinois", "123456789") turned into what is stored ("IL", "12345-6789"), or ``None``;
- ``validate_us_state`` / ``validate_zip``: the same rules as Django validators;
- ``USStateField`` / ``ZIPCodeField`` and ``USAddressFormMixin``, which reshape one of Oscar's
  address forms into a US one;
- ``us_address_lines``: an address as the lines of a US envelope, for pages and emails (the
  ``{% us_address %}`` tag in shop/templatetags/us_address.py prints them).

Why the rules live on the forms, not on the models: Oscar's address models are not forked here
(the shipping and billing addresses belong to the order app, the address book to the address
app, and forking them only to attach validators means migrations across apps for no change in
the database), and a model validator can only refuse, while a form can also put "illinois" right
("IL"). So every form an address comes in through uses ``USAddressFormMixin``: the checkout's
shipping address (shop/checkout/forms.py), the account's address book and the checkout's "edit
a saved address" page (shop/address/forms.py, Oscar's ``UserAddressForm``), and the Django
admin's user addresses (shop/address/admin.py). Any other form that takes an address (the
dashboard's "edit the order's shipping address" for instance) should put the mixin first in its
bases; the validators are there for a model field should one ever be forked.
"""

import re
from collections.abc import Mapping

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

US = "US"

US_STATES = (
    ("AL", "Alabama"),
    ("AK", "Alaska"),
    ("AS", "American Samoa"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("DC", "District of Columbia"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("GU", "Guam"),
    ("HI", "Hawaii"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("IA", "Iowa"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("ME", "Maine"),
    ("MD", "Maryland"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MS", "Mississippi"),
    ("MO", "Missouri"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("MP", "Northern Mariana Islands"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("PR", "Puerto Rico"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VT", "Vermont"),
    ("VI", "U.S. Virgin Islands"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
    # Military mail (APO/FPO/DPO): the "city" is APO, FPO or DPO.
    ("AA", "Armed Forces Americas (AA)"),
    ("AE", "Armed Forces Europe, Middle East, Africa, Canada (AE)"),
    ("AP", "Armed Forces Pacific (AP)"),
)
US_STATE_CODES = frozenset(code for code, _name in US_STATES)

STATE_CHOICE_MESSAGE = "Choose your state from the list."
ZIP_MESSAGE = "Enter a 5-digit ZIP code (or ZIP+4, like 12345-6789)."
US_ONLY_MESSAGE = "We ship to addresses in the United States only."

LABELS = {
    "line1": "Address line 1",
    "line2": "Address line 2 (optional)",
    "line4": "City",
    "state": "State",
    "postcode": "ZIP code",
    "phone_number": "Phone number (optional, for delivery questions)",
}
# Oscar's fields a US address has no use for: a title (Mr/Mrs), a third street line, and the
# country, which is always the United States.
HIDDEN_FIELDS = ("title", "line3", "country")

# Autocomplete tokens (WCAG 2.2, 1.3.5 Identify Input Purpose); the checkout adds its "shipping"
# section to them (shop/checkout/forms.py).
AUTOCOMPLETE = {
    "first_name": "given-name",
    "last_name": "family-name",
    "line1": "address-line1",
    "line2": "address-line2",
    "line4": "address-level2",
    "state": "address-level1",
    "postcode": "postal-code",
    "phone_number": "tel",
}

ZIP_RE = re.compile(r"([0-9]{5})(?:-?([0-9]{4}))?", re.ASCII)


def _name_key(text):
    """A state's name made comparable: "Washington, D.C." → "washington dc"."""
    return " ".join(re.sub(r"[^a-z ]", "", text.lower().replace("-", " ")).split())


STATE_NAMES = {_name_key(name): code for code, name in US_STATES}
STATE_NAMES.update(
    {
        _name_key(name): code
        for name, code in (
            ("Washington DC", "DC"),
            ("Washington D.C.", "DC"),
            ("Virgin Islands", "VI"),
            ("United States Virgin Islands", "VI"),
            ("Virgin Islands of the United States", "VI"),
            ("Commonwealth of the Northern Mariana Islands", "MP"),
            ("Armed Forces Americas", "AA"),
            ("Armed Forces Europe", "AE"),
            ("Armed Forces Pacific", "AP"),
        )
    }
)


def normalise_state(value):
    """The USPS code for a state given as a code in any case or by name, else None.

    >>> normalise_state("il"), normalise_state(" Illinois "), normalise_state("Narnia")
    ('IL', 'IL', None)
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.upper() in US_STATE_CODES:
        return text.upper()
    return STATE_NAMES.get(_name_key(text))


def normalise_zip(value):
    """A ZIP code as "12345" or "12345-6789" (from "123456789" too), else None."""
    if not isinstance(value, str):
        return None
    match = ZIP_RE.fullmatch(value.strip())
    if not match:
        return None
    five, four = match.groups()
    return f"{five}-{four}" if four else five


def state_name(code):
    """The name of a state as listed (IL: "Illinois"), else the value as given."""
    return dict(US_STATES).get(code, code)


def validate_us_state(value):
    """A validator: the value must be one of the USPS codes in US_STATES, as stored."""
    if value not in US_STATE_CODES:
        raise ValidationError(STATE_CHOICE_MESSAGE, code="invalid_choice")


def validate_zip(value):
    """A validator: the value must be a ZIP code as stored, "12345" or "12345-6789"."""
    if not isinstance(value, str) or normalise_zip(value) != value:
        raise ValidationError(ZIP_MESSAGE, code="invalid")


class USStateField(forms.ChoiceField):
    """A <select> of US_STATES that also takes a code in any case or a state's name."""

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", [("", "Choose a state"), *US_STATES])
        kwargs.setdefault("label", LABELS["state"])
        error_messages = {"invalid_choice": STATE_CHOICE_MESSAGE}
        error_messages.update(kwargs.pop("error_messages", None) or {})
        super().__init__(error_messages=error_messages, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_state(value) or value

    def prepare_value(self, value):
        # A stored "Illinois" or a typed "il" shows as Illinois chosen in the list.
        return normalise_state(value) or value


class ZIPCodeField(forms.CharField):
    """A ZIP code, 5 digits or ZIP+4, stored as "12345" or "12345-6789"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", LABELS["postcode"])
        kwargs.setdefault("max_length", 10)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        zip_code = normalise_zip(value)
        if zip_code is None:
            raise ValidationError(ZIP_MESSAGE, code="invalid")
        return zip_code

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "numeric"}

    def prepare_value(self, value):
        return normalise_zip(value) or value


def us_country():
    """Oscar's Country row for the United States (seed_store creates it), or None."""
    from oscar.core.loading import get_model

    return get_model("address", "Country")._default_manager.filter(pk=US).first()


class USAddressFormMixin:
    """Reshape one of Oscar's address model forms into a US address form.

    Put it first in the bases, so it runs after Oscar's own form has set its fields up (the
    phone number field, the required fields, the shipping countries):

        class ShippingAddressForm(USAddressFormMixin, forms.ShippingAddressForm): ...

    It hides the title, the third address line and the country (the address is always in the
    United States, and a form posting another country is refused), labels the fields the US way,
    makes the state a list of USPS codes and the ZIP code a 5- or 9-digit code, reads the phone
    number as a US number, and sets the autocomplete tokens in ``autocomplete_tokens``.
    """

    autocomplete_tokens = AUTOCOMPLETE

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.us_country = us_country()
        if self.us_country is not None:
            self.instance.country = self.us_country
        for name in HIDDEN_FIELDS:
            self.fields.pop(name, None)
        if "state" in self.fields:
            self.fields["state"] = USStateField(required=True)
        if "postcode" in self.fields:
            self.fields["postcode"] = ZIPCodeField(required=True)
        for name, label in LABELS.items():
            if name in self.fields:
                self.fields[name].label = label
        phone = self.fields.get("phone_number")
        if phone is not None:
            phone.required = False
            phone.help_text = ""
            phone.widget.input_type = "tel"
        for name, token in self.autocomplete_tokens.items():
            if name in self.fields:
                self.fields[name].widget.attrs["autocomplete"] = token

    def get_country(self):
        # Oscar's PhoneNumberMixin reads a local number ("(217) 555-0123") in this country.
        return self.us_country

    def clean(self):
        cleaned_data = super().clean()
        posted = self.data.get(self.add_prefix("country"), "") if self.is_bound else ""
        if self.us_country is None or str(posted).strip().upper() not in ("", US):
            self.add_error(None, US_ONLY_MESSAGE)
        return cleaned_data

    def _post_clean(self):
        # With the ZIP code refused, Oscar's model check would add its own "Addresses in United
        # States require a valid postcode": one message about the ZIP code is enough.
        zip_errors = self._errors.get("postcode")
        super()._post_clean()
        if not zip_errors or self.us_country is None:
            return
        self._errors["postcode"] = zip_errors
        model_message = f"Addresses in {self.us_country} require a valid postcode"
        non_field = self._errors.get(NON_FIELD_ERRORS)
        if non_field and model_message in non_field:
            remaining = [message for message in non_field if message != model_message]
            if remaining:
                self._errors[NON_FIELD_ERRORS] = self.error_class(remaining, error_class="nonfield")
            else:
                del self._errors[NON_FIELD_ERRORS]


def _value(address, field):
    value = address.get(field) if isinstance(address, Mapping) else getattr(address, field, None)
    return value.strip() if isinstance(value, str) else ""


def _country_code(address):
    country = address.get("country") if isinstance(address, Mapping) else None
    if country is None and not isinstance(address, Mapping):
        country = getattr(address, "country", None)  # None too when a model has no country
    if country is None or isinstance(country, str):
        return (country or "").strip().upper(), (country or "").strip()
    code = getattr(country, "iso_3166_1_a2", None) or getattr(country, "code", "") or ""
    return str(code).upper(), getattr(country, "printable_name", None) or str(country)


def us_address_lines(address):
    """An address as the lines of a US envelope, blank lines left out.

    Takes an Oscar address (shipping, billing, user address) or any object or mapping with
    first_name, last_name, line1, line2, line3, line4 (the city), state, postcode and
    optionally country:

    ["Ann Smith", "12 Main St", "Apt 4", "Springfield, IL 62704"]

    The state and ZIP code are shown normalised ("Illinois" as IL, "627041234" as
    62704-1234); an address outside the United States (an old one) ends with its country.
    """
    if not address:
        return []
    name = " ".join(filter(None, (_value(address, "first_name"), _value(address, "last_name"))))
    state, zip_code = _value(address, "state"), _value(address, "postcode")
    state, zip_code = normalise_state(state) or state, normalise_zip(zip_code) or zip_code
    region = " ".join(filter(None, (state, zip_code)))
    last = ", ".join(filter(None, (_value(address, "line4"), region)))
    lines = [name, _value(address, "line1"), _value(address, "line2"), _value(address, "line3")]
    lines = [line for line in [*lines, last] if line]
    code, country_name = _country_code(address)
    if code and code != US:
        lines.append(country_name)
    return lines


class PrintedTheUSWay:
    """Model mixin: Oscar's templates, emails and dashboard print an address through
    active_address_fields() (and `summary`, its comma-joined form); these lines make every one
    of them print it the US way, with no template copied. Address hashes use other fields."""

    def active_address_fields(self):
        return us_address_lines(self)
