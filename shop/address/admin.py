"""Oscar's address admin, with the user addresses checked by the store's US rules
(shop/addresses.py), as in the address book."""

from django.contrib import admin
from oscar.apps.address.admin import *  # Oscar's fork pattern: its countries admin as it is
from oscar.apps.address.admin import UserAddressAdmin as OscarUserAddressAdmin
from oscar.apps.address.forms import AbstractAddressForm
from oscar.core.loading import get_model
from oscar.forms.mixins import PhoneNumberMixin

from shop.addresses import HIDDEN_FIELDS, USAddressFormMixin

UserAddress = get_model("address", "UserAddress")


class UserAddressAdminForm(USAddressFormMixin, PhoneNumberMixin, AbstractAddressForm):
    class Meta:
        model = UserAddress
        exclude = HIDDEN_FIELDS


admin.site.unregister(UserAddress)


@admin.register(UserAddress)
class UserAddressAdmin(OscarUserAddressAdmin):
    form = UserAddressAdminForm
    exclude = HIDDEN_FIELDS
