"""Oscar's guest cart cookie, read without loading the basket (signed by its BasketMiddleware)."""

from django.conf import settings
from django.core.signing import BadSignature, Signer


def guest_basket_id(request):
    """The id of the basket the visitor's cart cookie names, or None (no cookie, or one that
    does not verify)."""
    cookie = request.COOKIES.get(settings.OSCAR_BASKET_COOKIE_OPEN)
    if not cookie:
        return None
    try:
        return int(Signer().unsign(cookie))
    except (BadSignature, ValueError):
        return None
