"""Header/nav context for every page: the greeting and the cart count (DESIGN §4), and the
notices of a page that has no products of its own (a view that shows products sets its own)."""

from django.utils.functional import SimpleLazyObject

from compliance.notices import PAGE, notices_for


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
    }
