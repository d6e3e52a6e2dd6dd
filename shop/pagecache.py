"""Rules of the shared page cache (shop.middleware.PageCache) and its invalidation.

One stored copy of a page serves every visitor: what differs per visitor (the header's greeting
and cart count, messages, the CSRF token, the product page's wish-list and stock-alert forms)
sits in holes (shop.holes), stored as a newcomer sees them and filled in again from the
visitor's session when it is served.

Each stored page carries the versions of what it shows, read when it was rendered: `site` for
everything any page may show (products' text, categories, articles, notices, pages, shipping
methods, offers), and one version per product whose price, stock and reviews it shows. A page is
served only while every version it carries is still current. A change retires `site`; stock,
price and reviews retire only their product, stock only when what pages say of it changed, so an
order retires the pages of the products it leaves low (and the listings showing them) and
nothing else.
"""

import contextvars
import re
import time
import uuid
from contextlib import contextmanager
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers

from catalogue.search import normalised_query
from shop import cartcache, holes
from shop.holes import CSRF_PLACEHOLDER

PAGE_PREFIX = "pagecache:page:"
VERSION_PREFIX = "pagecache:v:"
SITE = "site"
ANY = VERSION_PREFIX + "any"  # set after every retirement, whatever it retired
CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')
# One person's pages: cart, checkout, account (sign-in and registration included), password
# reset, wishlists, the dashboard and the admin. Never stored (the cart: shop.cartcache), and
# marked private, no-store (shop.middleware.personal_pages_not_stored).
PERSONAL_PREFIXES = (
    "/basket/",
    "/checkout/",
    "/accounts/",
    "/password-reset/",
    "/wishlists/",
    "/dashboard/",
    "/admin/",
)
UNCACHED_PREFIXES = (*PERSONAL_PREFIXES, "/healthz")
PLAIN_PAGE_QUERY = re.compile(r"page=[1-9][0-9]{0,5}")
SEARCH_PATH = "/search/"
# A page showing more products than this is not stored: a dependency list that long costs
# more to check than the page costs to render.
MAX_PRODUCTS_SHOWN = 100


def key_for(request):
    """The key of the stored copy that may answer this request, or None: rendered every time.

    The shared pages by their URL; the cart page by what the cart holds (shop.cartcache); the
    checkout, the account and the dashboard never. Some visitors get the page rendered whatever
    it is (shop.holes.must_render): a message is waiting, or a guest cart is to be merged.
    """
    if (
        settings.PAGE_CACHE_SECONDS <= 0
        or request.method != "GET"
        or not is_own_host(request)
        or holes.must_render(request)
    ):
        return None
    if request.path == cartcache.CART_PATH:
        return cartcache.key_for(request)
    if request.path.startswith(UNCACHED_PREFIXES) or not has_plain_query(request):
        return None
    return page_key(request)


def has_plain_query(request):
    """No query, a page number written plainly (`page=2`) or, on search, the words as the search
    box sends them once normalised (`q=iron+tablets`, then `&page=2`).

    Every other spelling (`page=02`, `page=2&`, `utm=…`, `q=+iron`) would be a cache entry of
    its own, so anyone could fill the cache with copies; those pages are rendered, never stored.
    A page past the end is a 404, which is never stored either.
    """
    query = request.META.get("QUERY_STRING", "")
    if request.path == SEARCH_PATH:
        return query != "" and query == canonical_search_query(request.GET)
    return not query or PLAIN_PAGE_QUERY.fullmatch(query) is not None


def canonical_search_query(params):
    """The one spelling of a search's query string that is stored: its words separated by single
    spaces, as catalogue.views.SearchView reads them, then a plain page number if any."""
    words = normalised_query(params.get("q", ""))
    query = urlencode({"q": words})
    page = params.get("page")
    if page is not None and PLAIN_PAGE_QUERY.fullmatch(f"page={page}"):
        query += f"&page={page}"
    return query if words else ""


def is_own_host(request):
    """The Host names one of ALLOWED_HOSTS exactly, with no port or the one the server uses.

    Django accepts any port after an allowed host, and a pattern ("*", ".example.com") allows
    endless names: each would be a cache entry of its own, so only a bounded set is stored.
    """
    host, _, port = request.get_host().partition(":")
    exact_hosts = {h for h in settings.ALLOWED_HOSTS if "*" not in h and not h.startswith(".")}
    return host in exact_hosts and port in ("", request.META.get("SERVER_PORT"))


def is_storable_response(request, response):
    """A page rendered for a visitor who is not signed in: a signed-in customer's page may hold
    more than its holes (a staff member's preview of a draft article, say), so it is served
    from the cache but never stored from their render."""
    session = getattr(request, "session", None)
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not (session is not None and session.modified)
        and "private" not in response.get("Cache-Control", "")
        and not (user is not None and user.is_authenticated)
    )


def page_key(request):
    """Scheme and host are part of the page: its canonical and Open Graph URLs name them."""
    return PAGE_PREFIX + request.build_absolute_uri()


# Versions -----------------------------------------------------------------------------------


def _new_version(at=None):
    """A version is the time it was set plus a random part: the time tells a render whether a
    change happened while it ran (store()), the random part makes every version unique, so a
    version lost from the cache and set again can never bring back a page stored under the old."""
    return f"{time.time() if at is None else at:.6f}:{uuid.uuid4().hex[:12]}"


def _set_at(version):
    return float(version.split(":", 1)[0])


def retire_site(**kwargs):
    """Retire every stored page once the change commits (a signal receiver).

    Retired any earlier, another process could render the page from the data not yet committed
    and store it under the new version.
    """
    transaction.on_commit(lambda: _retire([SITE]))


def retire_products(product_ids):
    """Retire, once the change commits, the pages showing these products' price and stock."""
    tags = [f"product:{pk}" for pk in sorted(set(product_ids))]
    if tags:
        transaction.on_commit(lambda: _retire(tags))


def _retire(tags):
    """The tags' versions first, `ANY` after: a reader that saw `ANY` unchanged since it read the
    tags may trust them (fetch)."""
    cache.set_many({VERSION_PREFIX + tag: _new_version() for tag in tags}, None)
    cache.set(ANY, _new_version(), None)


# What a render shows --------------------------------------------------------------------------

_products_shown = contextvars.ContextVar("products_shown", default=None)


@contextmanager
def recording_products_shown():
    shown = set()
    token = _products_shown.set(shown)
    try:
        yield shown
    finally:
        _products_shown.reset(token)


def product_shown(product_id):
    """Called wherever a page reads a product's price and stock (shop.partner.strategy)."""
    shown = _products_shown.get()
    if shown is not None:
        shown.add(product_id)


# Storing and serving ----------------------------------------------------------------------------


def fetch(key, request):
    """The stored page under `key`, if every version it was stored under is current.

    One round trip when nothing at all was retired since the page was stored (its `ANY` is
    still the current one), the common case; otherwise a second reads its own versions, and a
    page they prove current is stored again with today's `ANY`, so it costs one trip again.
    """
    found = cache.get_many([key, ANY, *holes.prefetch_keys(request)])
    stored, now_any = found.get(key), found.get(ANY)
    holes.prefetched(request, found)
    if not _is_stored_page(stored) or stored["expires"] <= time.time():
        return None
    if now_any is not None and stored["versions"].get(ANY) == now_any:
        return stored
    tags = {k: v for k, v in stored["versions"].items() if k != ANY}
    if not still_current(tags):
        return None
    if now_any is not None:
        stored = {**stored, "versions": {**stored["versions"], ANY: now_any}}
        cache.set(key, stored, max(1, int(stored["expires"] - time.time())))
    return stored


def _is_stored_page(stored):
    """Written by this code: during a deploy, processes running the code before and after it
    share the cache, and an entry in another shape is a miss, never an error."""
    return isinstance(stored, dict) and STORED_PAGE_KEYS <= stored.keys()


STORED_PAGE_KEYS = {"html", "content_type", "versions", "expires"}


def store(key, response, products_shown, rendered_since, request):
    """Keep the page, filled in for a newcomer with a placeholder for the CSRF token, under the
    versions of what it shows."""
    if len(products_shown) > MAX_PRODUCTS_SHOWN:
        return False
    versions = versions_of(products_shown, rendered_since)
    if versions is None:
        return False
    html = CSRF_VALUE.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", response.content.decode())
    page = {
        "html": holes.for_newcomer(html, request),
        "content_type": response["Content-Type"],
        "versions": versions,
        "expires": time.time() + settings.PAGE_CACHE_SECONDS,
    }
    cache.set(key, page, settings.PAGE_CACHE_SECONDS)
    return True


def versions_of(product_ids, read_since):
    """The versions of `site` and of these products, to keep with something built from data
    read since `read_since` (a time.time()), and `ANY` read before them; None if one of them
    was set after `read_since`: a change committed meanwhile, and what was built may show the
    data from before it."""
    keys = [VERSION_PREFIX + SITE] + [VERSION_PREFIX + f"product:{pk}" for pk in product_ids]
    versions = _current_versions([ANY])  # before the tags: see _retire
    versions.update(_current_versions(keys))
    tags = [versions.get(key) for key in keys]
    if None in tags or versions.get(ANY) is None or any(_set_at(v) >= read_since for v in tags):
        return None
    return versions


def _current_versions(keys):
    """The versions under `keys`; one never set (or lost) is set to one from before any read."""
    versions = cache.get_many(keys)
    missing = [key for key in keys if key not in versions]
    for key in missing:
        cache.add(key, _new_version(at=0), None)
    if missing:
        versions.update(cache.get_many(missing))
    return versions


def still_current(versions):
    return cache.get_many(list(versions)) == versions


def response_from(stored, request):
    html = holes.fill_in(stored["html"], request)
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    response = HttpResponse(html, content_type=stored["content_type"])
    patch_vary_headers(response, ["Cookie"])  # its holes are the visitor's own
    response["X-Page-Cache"] = "hit"
    return response


# Invalidation ------------------------------------------------------------------------------------

# Everything a stored page can show beyond a product's price, stock and reviews: products,
# images, categories, recommendations, supplement facts, articles, notices and pages. A change
# to any of them retires `site`. Reviews (written, voted on, moderated) show on their product's
# page and as its rating on the cards of the pages that list it: they retire that product only.
# Stock records retire only their product, and only when the price or the stock a page shows
# changed (stock_shown); stock allocated at checkout is a queryset update with no signal, so
# shop.order.utils retires the product itself.
WATCHED_MODELS = [
    ("catalogue", "Product"),
    ("catalogue", "ProductImage"),
    ("catalogue", "ProductCategory"),
    ("catalogue", "ProductRecommendation"),
    ("catalogue", "Category"),
    ("catalogue", "Nutrient"),
    ("catalogue", "NutrientAmount"),
    ("content", "Article"),
    ("content", "Notice"),
    ("flatpages", "FlatPage"),
    ("shipping", "OrderAndItemCharges"),  # arrival lines, free-shipping threshold, the cart
    ("offer", "ConditionalOffer"),  # the cart's discounts
    ("offer", "Condition"),
    ("offer", "Benefit"),
    ("offer", "Range"),
]
PRODUCT_SCOPED_MODELS = [("reviews", "ProductReview")]


def stock_shown(free):
    """What a page can say about `free` bottles: the count at or below LOW_STOCK_THRESHOLD
    ("Only 3 left", 0 for "Out of stock"), one value for "In stock" above it."""
    return min(max(free, 0), settings.LOW_STOCK_THRESHOLD + 1)


def _shown_by_stockrecord(record):
    return (record.price, record.price_currency, stock_shown(record.net_stock_level))


def _remember_shown(sender, instance, **kwargs):
    deferred = instance.get_deferred_fields()  # reading one would cost a query
    if not deferred & {"price", "price_currency", "num_in_stock", "num_allocated"}:
        instance._pagecache_shown = _shown_by_stockrecord(instance)


def _stockrecord_saved(sender, instance, created=False, **kwargs):
    """A stock record saved (the dashboard, the admin, Oscar's stock consumption at shipping):
    its product's pages are retired only if the price or the stock they show changed."""
    if created or getattr(instance, "_pagecache_shown", None) != _shown_by_stockrecord(instance):
        retire_products([instance.product_id])
    instance._pagecache_shown = _shown_by_stockrecord(instance)


def _retire_its_product(sender, instance, **kwargs):
    retire_products([instance.product_id])


def connect_invalidation():
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_init, post_save

    for app_label, model_name in WATCHED_MODELS:
        model = apps.get_model(app_label, model_name)
        post_save.connect(retire_site, sender=model, dispatch_uid=f"pagecache-save-{model_name}")
        post_delete.connect(retire_site, sender=model, dispatch_uid=f"pagecache-del-{model_name}")
        # Only the relations of what a page shows (a product's categories, recommendations):
        # a wishlist, an address or a basket changing retires no page.
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                retire_site, sender=through, dispatch_uid=f"pagecache-m2m-{through._meta.label}"
            )
    for app_label, model_name in PRODUCT_SCOPED_MODELS:
        model = apps.get_model(app_label, model_name)
        for signal in (post_save, post_delete):
            signal.connect(
                _retire_its_product, sender=model, dispatch_uid=f"pagecache-{model_name}"
            )
    StockRecord = apps.get_model("partner", "StockRecord")
    post_init.connect(_remember_shown, sender=StockRecord, dispatch_uid="pagecache-stock-init")
    post_save.connect(_stockrecord_saved, sender=StockRecord, dispatch_uid="pagecache-stock")
    post_delete.connect(_retire_its_product, sender=StockRecord, dispatch_uid="pagecache-stock-del")
