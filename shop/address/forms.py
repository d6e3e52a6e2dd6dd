"""Oscar's address book form as a US address (shop/addresses.py).

Oscar loads UserAddressForm from here for the account's address book (add and edit) and for the
checkout's "edit a saved address" page.
"""

from oscar.apps.address import forms

from shop.addresses import USAddressFormMixin


class UserAddressForm(USAddressFormMixin, forms.UserAddressForm):
    """A saved address: the same US rules as the checkout's shipping address."""
