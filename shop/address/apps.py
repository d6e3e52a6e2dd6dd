"""Oscar's address app, forked for its US address book form (shop/address/forms.py)."""

import oscar.apps.address.apps as apps


class AddressConfig(apps.AddressConfig):
    name = "shop.address"
