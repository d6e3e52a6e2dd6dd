"""Rules of the anonymous page cache (shop.middleware.AnonymousPageCache) and its invalidation."""

import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token

VERSION_KEY = "pagecache:version"
CSRF_PLACEHOLDER = "__csrf_token__"
CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')
# A visitor carrying any other cookie (session, cart, messages) may see something personal.
HARMLESS_COOKIES = {"csrftoken"}
UNCACHED_PREFIXES = ("/basket/", "/checkout/", "/accounts/", "/dashboard/", "/admin/", "/healthz")
CACHED_QUERY_KEYS = {"page"}


def is_cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and set(request.COOKIES) <= HARMLESS_COOKIES
        and set(request.GET) <= CACHED_QUERY_KEYS
        and not request.path.startswith(UNCACHED_PREFIXES)
    )


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
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_version(**kwargs):
    """Retire every cached page: called on any change a page could show."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


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


# Everything a cached page can show: products, prices, stock, images, categories, supplement
# facts, articles, notices and pages. Stock allocated at checkout is a queryset update with no
# signal, so shop.order.utils bumps the version itself once the order commits.
WATCHED_MODELS = [
    ("catalogue", "Product"),
    ("catalogue", "ProductImage"),
    ("catalogue", "ProductCategory"),
    ("catalogue", "Category"),
    ("catalogue", "Nutrient"),
    ("catalogue", "NutrientAmount"),
    ("partner", "StockRecord"),
    ("content", "Article"),
    ("content", "Notice"),
    ("flatpages", "FlatPage"),
]


def connect_invalidation():
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for app_label, model_name in WATCHED_MODELS:
        model = apps.get_model(app_label, model_name)
        post_save.connect(bump_version, sender=model, dispatch_uid=f"pagecache-save-{model_name}")
        post_delete.connect(bump_version, sender=model, dispatch_uid=f"pagecache-del-{model_name}")
    m2m_changed.connect(bump_version, dispatch_uid="pagecache-m2m")
