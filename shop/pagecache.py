"""Rules of the anonymous page cache (shop.middleware.AnonymousPageCache) and its invalidation."""

import re
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token

VERSION_KEY = "pagecache:version"
CSRF_PLACEHOLDER = "__csrf_token__"
CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')
# A visitor carrying any other cookie (session, cart, messages) may see something personal.
HARMLESS_COOKIES = {"csrftoken"}
UNCACHED_PREFIXES = ("/basket/", "/checkout/", "/accounts/", "/dashboard/", "/admin/", "/healthz")
PLAIN_PAGE_QUERY = re.compile(r"page=[1-9][0-9]{0,5}")


def is_cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and set(request.COOKIES) <= HARMLESS_COOKIES
        and not request.path.startswith(UNCACHED_PREFIXES)
        and has_plain_query(request)
        and is_own_host(request)
    )


def has_plain_query(request):
    """No query, or only a page number written plainly (`page=2`).

    Every other spelling (`page=02`, `page=2&`, `utm=…`) would be a cache entry of its own, so
    anyone could fill the cache; those pages are rendered, never stored. A page past the end is
    a 404, which is never stored either.
    """
    query = request.META.get("QUERY_STRING", "")
    return not query or PLAIN_PAGE_QUERY.fullmatch(query) is not None


def is_own_host(request):
    """The Host names one of ALLOWED_HOSTS exactly, with no port or the one the server uses.

    Django accepts any port after an allowed host, and a pattern ("*", ".example.com") allows
    endless names: each would be a cache entry of its own, so only a bounded set is stored.
    """
    host, _, port = request.get_host().partition(":")
    exact_hosts = {h for h in settings.ALLOWED_HOSTS if "*" not in h and not h.startswith(".")}
    return host in exact_hosts and port in ("", request.META.get("SERVER_PORT"))


def is_cacheable_response(request, response):
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not (session is not None and session.modified)
        and "private" not in response.get("Cache-Control", "")
    )


def current_version():
    """The version every stored page's key carries; the cache all processes share holds it.

    Each version is a new random value, never a count: a cache that loses the key (a file cache
    culling entries, a Redis evicting it) or two processes bumping at once without an atomic
    increment can only ever retire pages, never bring back ones stored under an older version.
    """
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, None):
            version = cache.get(VERSION_KEY, version)  # another process added one first
    return version


def bump_version(**kwargs):
    """Retire every cached page: called on any change a page could show.

    Once the change commits: retired any earlier, another process could render the page from
    the data not yet committed and store it under the new version.
    """
    transaction.on_commit(_set_new_version)


def _set_new_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def key_for(request):
    """Scheme and host are part of the page: its canonical and Open Graph URLs name them."""
    url = request.build_absolute_uri()
    return f"pagecache:{current_version()}:{url}"


def stored_from(response):
    html = CSRF_VALUE.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", response.content.decode())
    return {"html": html, "content_type": response["Content-Type"]}


def response_from(stored, request):
    token = get_token(request) if CSRF_PLACEHOLDER in stored["html"] else ""
    response = HttpResponse(
        stored["html"].replace(CSRF_PLACEHOLDER, token), content_type=stored["content_type"]
    )
    response["X-Page-Cache"] = "hit"
    return response


# Everything a cached page can show: products, prices, stock, images, categories, recommendations,
# supplement facts, articles, notices, pages and reviews. Stock allocated at checkout is a queryset
# update with no signal, so shop.order.utils bumps the version itself once the order commits, when
# the stock a page shows changes.
WATCHED_MODELS = [
    ("catalogue", "Product"),
    ("catalogue", "ProductImage"),
    ("catalogue", "ProductCategory"),
    ("catalogue", "ProductRecommendation"),
    ("catalogue", "Category"),
    ("catalogue", "Nutrient"),
    ("catalogue", "NutrientAmount"),
    ("partner", "StockRecord"),
    ("content", "Article"),
    ("content", "Notice"),
    ("flatpages", "FlatPage"),
    ("reviews", "ProductReview"),
]


def connect_invalidation():
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for app_label, model_name in WATCHED_MODELS:
        model = apps.get_model(app_label, model_name)
        post_save.connect(bump_version, sender=model, dispatch_uid=f"pagecache-save-{model_name}")
        post_delete.connect(bump_version, sender=model, dispatch_uid=f"pagecache-del-{model_name}")
        # Only the relations of what a page shows (a product's categories, recommendations):
        # a wishlist, an address or a basket changing retires no page.
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                bump_version, sender=through, dispatch_uid=f"pagecache-m2m-{through._meta.label}"
            )
