"""Context for every page: the notices of a page that has no products of its own (a view that shows
products sets its own) and the business's contact details (settings.STORE_CONTACT) the footer and
the Pages pages show. The greeting and the cart count (DESIGN §4) are the visitor's own: holes
(shop.holes), so that one cached page serves everybody."""

import re

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from compliance.notices import PAGE, notices_for


def store_contact():
    """settings.STORE_CONTACT plus `phone_uri`, a tel: link (US numbers: +1 and the digits)."""
    contact = dict(settings.STORE_CONTACT)
    digits = re.sub(r"\D", "", contact.get("phone", ""))
    if len(digits) == 10:
        digits = "1" + digits
    contact["phone_uri"] = f"tel:+{digits}" if digits else ""
    return contact


def chrome(request):
    return {
        "page_notices": SimpleLazyObject(lambda: notices_for([], context=PAGE)),
        "store_contact": store_contact(),
    }
