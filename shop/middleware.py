"""Request/response plumbing of the store's own."""

import re
import time

from csp.constants import UNSAFE_INLINE
from django.conf import settings
from django.core.exceptions import BadRequest
from django.utils.cache import has_vary_header, patch_cache_control

from shop import pagecache


def dashboard_script_policy(get_response):
    """Oscar's dashboard writes inline scripts; allow them there (staff only), nowhere else."""

    def middleware(request):
        response = get_response(request)
        if request.path.startswith("/dashboard/"):
            response._csp_update = {"script-src": [UNSAFE_INLINE]}
        return response

    return middleware


def personal_pages_not_stored(get_response):
    """`Cache-Control: private, no-store` on what belongs to one person, so that no shared cache
    keeps it and no browser leaves it on disk for the next user of the machine: the pages under
    pagecache.PERSONAL_PREFIXES, and any other page that varies on the cookies of a visitor who
    has more than the CSRF cookie (a session, a cart, messages), pages from the page cache too,
    whose holes hold that visitor's greeting and cart count. A newcomer's copy keeps its caching
    headers; static files vary on no cookie and keep theirs.
    """

    def middleware(request):
        response = get_response(request)
        if request.path.startswith(pagecache.PERSONAL_PREFIXES) or _varies_on_personal_cookies(
            request, response
        ):
            patch_cache_control(response, private=True, no_store=True)
        return response

    return middleware


def _varies_on_personal_cookies(request, response):
    cookies = set(request.COOKIES) | set(response.cookies)
    return has_vary_header(response, "Cookie") and bool(cookies - {settings.CSRF_COOKIE_NAME})


class PageCache:
    """Whole-page cache for every visitor of the shared pages: home, listings, search, products,
    articles and the store's other pages, and for a guest's cart page by what it holds
    (shop.cartcache); never the checkout or the account (shop.pagecache).

    A stored page is the same for everybody: what is a visitor's own (greeting, cart count,
    messages, CSRF token, a product page's forms for signed-in customers) lives in holes, stored
    as a newcomer sees them and filled in from the visitor's session on the way out, so a hit
    costs one cache round trip, and three queries for a signed-in customer (shop.holes). A
    page is served only while the versions of what it shows are current (shop.pagecache); they
    live in the cache every process shares (Redis, or the file cache without it: settings), so a
    change made through one process retires the pages all the others serve.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = pagecache.key_for(request)
        if key is None:
            return self.get_response(request)
        stored = pagecache.fetch(key, request)
        if stored is not None:
            return pagecache.response_from(stored, request)
        rendered_since = time.time()
        with pagecache.recording_products_shown() as products_shown:
            response = self.get_response(request)
        # Asked again: a message added or a cart changed during the render gives another key.
        if pagecache.is_storable_response(request, response) and pagecache.key_for(request) == key:
            if pagecache.store(key, response, products_shown, rendered_since, request):
                response["X-Page-Cache"] = "miss"
        return response


# Unicode's control characters (C0, DEL, C1). Text may hold tab, line feed and carriage return.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
CONTROL_CHARACTERS_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def reject_control_characters(get_response):
    """400 for a control character in the path, the query string, a form field or a cookie.

    No page of the store takes one, and PostgreSQL refuses a NUL in any text, so one reaching a
    query (a search, a wishlist key, a session key) was a 500. Stopping them here, before the
    session, the page cache or any view reads them, covers every form and URL at once, Oscar's
    included. Tab, line feed and carriage return stay allowed in query and form values: a
    textarea or a pasted line holds them.
    """

    def middleware(request):
        if _has_control_characters(request):
            raise BadRequest("Control character in the request")
        return get_response(request)

    return middleware


def _has_control_characters(request):
    strict = [request.path, *request.GET, *request.COOKIES, *request.COOKIES.values()]
    texts = [value for _name, values in request.GET.lists() for value in values]
    if request.method == "POST":  # a body Django cannot parse raises its own 400 here
        strict += [*request.POST, *request.FILES]
        texts += [value for _name, values in request.POST.lists() for value in values]
    return any(CONTROL_CHARACTERS.search(item) for item in strict) or any(
        CONTROL_CHARACTERS_IN_TEXT.search(text) for text in texts
    )
