"""Header/nav context for every page: the greeting and the cart count (DESIGN §4), the notices of
a page that has no products of its own (a view that shows products sets its own), and the
business's contact details (settings.STORE_CONTACT) the footer and the Pages pages show."""

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
    basket = getattr(request, "basket", None)
    user = getattr(request, "user", None)
    greeting_name = ""
    if user is not None and user.is_authenticated:
        greeting_name = user.first_name or user.email.split("@")[0]
    return {
        "cart_count": basket.num_items if basket is not None else 0,
        "greeting_name": greeting_name,
        "page_notices": SimpleLazyObject(lambda: notices_for([], context=PAGE)),
        "store_contact": store_contact(),
    }
