"""What a rendered page costs: queries, whatever the cart holds, and cache round trips.

Each page is requested once to warm what is cached, then measured on a second request. The page
cache's own version lookups (shop.pagecache) are not counted here; the page cache is off in the
test settings, so every page is rendered.
"""

import traceback
from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from content.models import Article
from tests.shop.checkout_steps import add_to_cart, checkout_to_preview

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 10
CACHE_CALLS = ("get", "get_many", "set", "set_many", "add", "delete", "delete_many", "has_key")
CACHE_CALLS += ("incr", "decr", "touch", "get_or_set")
CHECKOUT_STEPS = (
    "/checkout/shipping-address/",
    "/checkout/shipping-method/",
    "/checkout/payment-details/",
    "/checkout/preview/",
)


@pytest.fixture
def catalogue(db):
    """The seeded range (with label images) and copies of it (without), 30 products in all."""
    call_command("seed_store", "--count", "30", stdout=StringIO())
    return list(Product.objects.order_by("pk"))


class CacheRoundTrips:
    """Calls made on the cache (one inside another, as LocMemCache's get_many calling get, is one
    round trip), apart from shop.pagecache's own."""

    def __init__(self, monkeypatch):
        self.calls = []
        self.depth = 0
        backend = caches["default"]
        for name in CACHE_CALLS:
            monkeypatch.setattr(backend, name, self.counted(name, getattr(backend, name)))

    def counted(self, name, call):
        def counting(*args, **kwargs):
            if self.depth == 0 and not self.from_pagecache():
                self.calls.append((name, args[0] if args else kwargs.get("key")))
            self.depth += 1
            try:
                return call(*args, **kwargs)
            finally:
                self.depth -= 1

        return counting

    @staticmethod
    def from_pagecache():
        return any(
            frame.filename.endswith("shop/pagecache.py") for frame in traceback.extract_stack()
        )


def warm_cost(client, path, count_cache=False):
    """(queries, cache round trips or None) of the second request of `path`."""
    assert client.get(path).status_code == 200, path
    with pytest.MonkeyPatch.context() as patch:
        trips = CacheRoundTrips(patch) if count_cache else None
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
    assert response.status_code == 200, path
    return len(queries), (trips.calls if trips is not None else None)


def checkout_costs(client, products):
    for product in products:
        assert add_to_cart(client, product).status_code == 302
    costs = {"/basket/": warm_cost(client, "/basket/")[0]}
    costs["/checkout/"] = warm_cost(client, "/checkout/")[0]  # the guest's gateway
    response = client.post("/checkout/", {"username": "guest@example.com", "options": "anonymous"})
    assert response.status_code == 302
    checkout_to_preview(client, method="standard")
    for path in CHECKOUT_STEPS:
        costs[path] = warm_cost(client, path)[0]
    advice = client.get("/checkout/preview/").context["acknowledgement_key"]
    placed = client.post("/checkout/preview/", {"action": "place_order", "doctors_advice": advice})
    assert placed.status_code == 302, placed.content.decode()[:2000]
    costs["/checkout/thank-you/"] = warm_cost(client, "/checkout/thank-you/")[0]
    return costs


@pytest.mark.parametrize("lines", [1, 20])
def test_cart_and_every_checkout_step_within_budget_whatever_the_cart_holds(
    client, catalogue, lines
):
    costs = checkout_costs(client, catalogue[:lines])
    over = {path: n for path, n in costs.items() if n > QUERY_BUDGET}
    assert not over, f"{lines} line(s): over {QUERY_BUDGET} queries: {over} (all: {costs})"


def test_a_cart_of_twenty_costs_what_a_cart_of_one_does(client, catalogue):
    one = checkout_costs(client, catalogue[:1])
    client.cookies.clear()
    assert checkout_costs(client, catalogue[:20]) == one


def storefront(catalogue):
    iron = Product.objects.get(upc="RLV-IRON-25")
    return iron, {
        "home": "/",
        "list": "/catalogue/",
        "product": iron.get_absolute_url(),
        "article": Article.objects.get(slug="iron-and-rls").get_absolute_url(),
    }


@pytest.mark.parametrize("with_cart", [False, True], ids=["anonymous", "cart"])
@pytest.mark.parametrize("page", ["home", "list", "product", "article"])
def test_storefront_pages_within_budget(client, catalogue, page, with_cart):
    """Rendered in full (the page cache is off in tests): a shopper's header counts the cart in
    one query (shop.holes) instead of loading Oscar's basket with its offers."""
    iron, paths = storefront(catalogue)
    if with_cart:
        add_to_cart(client, iron)
    queries, _ = warm_cost(client, paths[page])
    assert queries <= QUERY_BUDGET, f"{page}: {queries} queries"


def test_a_list_of_24_products_is_one_cache_round_trip(client, catalogue):
    """Thumbnails are remembered in the process (shop.thumbnails); notices, the products they
    concern, product classes and shipping methods come in one get_many (shop.request_memo)."""
    response = client.get("/catalogue/")
    assert len(response.context["products"]) == 24
    _, trips = warm_cost(client, "/catalogue/", count_cache=True)
    assert len(trips) <= 1, trips


@pytest.mark.parametrize("page", ["home", "product", "article"])
def test_other_storefront_pages_make_at_most_two_cache_round_trips(client, catalogue, page):
    _, paths = storefront(catalogue)
    _, trips = warm_cost(client, paths[page], count_cache=True)
    # The product page adds one: which products are related (catalogue.selectors).
    assert len(trips) <= (2 if page == "product" else 1), trips


def test_a_thumbnail_is_remembered_in_the_process(catalogue):
    """What sorl answered for an image at a size needs no cache (or, with the cache down, no
    database) round trip the next time; only made thumbnails are remembered."""
    from oscar.core.thumbnails import get_thumbnailer

    image = Product.objects.get(upc="RLV-IRON-25").primary_image()
    thumbnailer = get_thumbnailer()
    first = thumbnailer.generate_thumbnail(image.original, size="300x300", upscale=False)
    with pytest.MonkeyPatch.context() as patch:
        trips = CacheRoundTrips(patch)
        with CaptureQueriesContext(connection) as queries:
            again = thumbnailer.generate_thumbnail(image.original, size="300x300", upscale=False)
    assert again.url == first.url
    assert trips.calls == [] and len(queries) == 0


def test_shared_values_come_in_one_round_trip_and_a_write_forgets_them(catalogue):
    from content.models import Notice
    from content.selectors import notices_by_slug
    from shop import request_memo
    from shop.shipping.repository import shipping_methods

    notices_by_slug(), shipping_methods()  # warm the cache, outside a request
    request_memo.start()
    try:
        with pytest.MonkeyPatch.context() as patch:
            trips = CacheRoundTrips(patch)
            notices_by_slug(), shipping_methods(), notices_by_slug()
        assert [name for name, _key in trips.calls] == ["get_many"]
        notice = Notice.objects.order_by("pk").first()
        notice.title = "Changed in this request"
        notice.save()
        assert notices_by_slug()[notice.slug].title == "Changed in this request"
    finally:
        request_memo.finish()


def test_notices_are_worked_out_once_per_request_for_the_same_products(
    client, catalogue, monkeypatch
):
    from compliance import notices

    worked_out = []
    placed = notices._placed

    def counting(products, context, products_by_notice):
        worked_out.append((context, tuple(product.pk for product in products)))
        return placed(products, context, products_by_notice)

    monkeypatch.setattr(notices, "_placed", counting)
    iron = Product.objects.get(upc="RLV-IRON-25")
    add_to_cart(client, iron)
    for path in ("/catalogue/", iron.get_absolute_url(), "/basket/"):
        worked_out.clear()
        assert client.get(path).status_code == 200
        assert worked_out and len(worked_out) == len(set(worked_out)), (path, worked_out)
