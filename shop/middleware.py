"""Request/response plumbing of the store's own."""

from csp.constants import UNSAFE_INLINE
from django.conf import settings
from django.core.cache import cache

from shop import pagecache


def dashboard_script_policy(get_response):
    """Oscar's dashboard writes inline scripts; allow them there (staff only), nowhere else."""

    def middleware(request):
        response = get_response(request)
        if request.path.startswith("/dashboard/"):
            response._csp_update = {"script-src": [UNSAFE_INLINE]}
        return response

    return middleware


class AnonymousPageCache:
    """Whole-page cache for visitors with no session, cart or messages (most of the traffic).

    Such a visitor sees exactly what every other one sees except the CSRF token, so the page is
    stored with a placeholder where the token was and each visitor gets a fresh token of their
    own on the way out. Any change to the catalogue, stock or content bumps one version number
    (shop.pagecache), which retires every stored page at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not pagecache.is_cacheable_request(request):
            return self.get_response(request)
        key = pagecache.key_for(request)
        stored = cache.get(key)
        if stored is not None:
            return pagecache.response_from(stored, request)
        response = self.get_response(request)
        if pagecache.is_cacheable_response(request, response):
            cache.set(key, pagecache.stored_from(response), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
