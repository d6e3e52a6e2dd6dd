"""The page cache: one stored page for every visitor, fast, never stale, never personal."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client
from oscar.core.loading import get_model

from shop import pagecache
from shop.pagecache import VERSION_PREFIX
from tests.shop.checkout_steps import add_to_cart, checkout_to_preview, place_order
from tests.shop.live_servers import (
    Browser,
    give_password,
    gunicorn_servers,
    server_env,
    shared_database_url,
    shares_the_database,
    text_of,
)

StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db
STAFF_PASSWORD = "a-staff-password-9"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def visitor():
    return Client(enforce_csrf_checks=True)


def test_second_anonymous_visit_is_served_from_the_cache_without_queries(
    iron, django_assert_num_queries
):
    assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = visitor().get(iron.get_absolute_url())
    assert response["X-Page-Cache"] == "hit" and iron.title in response.content.decode()
    assert "Content-Security-Policy" in response and response["X-Frame-Options"] == "DENY"


def test_each_visitor_gets_a_csrf_token_of_their_own_and_can_add_to_cart(iron):
    visitor().get(iron.get_absolute_url())
    tokens = []
    for _ in range(2):
        client = visitor()
        response = client.get(iron.get_absolute_url())
        assert response["X-Page-Cache"] == "hit"
        html = response.content.decode()
        assert "__csrf_token__" not in html
        token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        tokens.append(token)
        added = client.post(
            f"/basket/add/{iron.pk}/", {"quantity": 1, "csrfmiddlewaretoken": token}, follow=True
        )
        assert added.status_code == 200
        assert added.context["request"].basket.num_items == 1
    assert tokens[0] != tokens[1]


def test_a_price_change_is_visible_at_once(iron, django_capture_on_commit_callbacks):
    visitor().get(iron.get_absolute_url())
    stock = StockRecord.objects.get(product=iron)
    stock.price = "7.77"
    with django_capture_on_commit_callbacks(execute=True):  # the change commits
        stock.save()
    response = visitor().get(iron.get_absolute_url())
    assert response["X-Page-Cache"] == "miss" and "$7.77" in response.content.decode()


def test_pages_are_retired_when_the_change_commits_not_before(
    iron, django_capture_on_commit_callbacks
):
    """Retired before the commit, a page rendered meanwhile elsewhere from the old row would be
    stored under the new version and outlive the change."""
    visitor().get(iron.get_absolute_url())
    stock = StockRecord.objects.get(product=iron)
    stock.price = "7.77"
    with django_capture_on_commit_callbacks(execute=True):
        stock.save()
        assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "hit"
    assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "miss"


def test_a_page_rendered_while_a_change_commits_is_not_stored(iron, monkeypatch):
    """The render read the data before the change; the version it would be stored under was
    set after the render began, so storing it would keep the old data as current."""
    real_render = pagecache.holes.render

    def render_then_change(*args):
        html = real_render(*args)
        pagecache._retire([f"product:{iron.pk}"])  # another process commits a change
        return html

    monkeypatch.setattr(pagecache.holes, "render", render_then_change)
    response = visitor().get(iron.get_absolute_url())
    assert response.status_code == 200 and "X-Page-Cache" not in response
    monkeypatch.undo()
    assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "miss"
    assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("lost", ["site", "product", "any", "all"])
def test_a_lost_version_never_brings_back_a_page_stored_before_a_change(iron, lost):
    """A file cache culls entries at random and Redis may evict: losing a version key after a
    change must not make a page stored before it current again."""
    assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "miss"
    assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "hit"
    pagecache._retire(["site" if lost == "site" else f"product:{iron.pk}"])
    keys = {
        "site": [VERSION_PREFIX + "site"],
        "product": [VERSION_PREFIX + f"product:{iron.pk}"],
        "any": [pagecache.ANY],
    }
    for key in sum(keys.values(), []) if lost == "all" else keys[lost]:
        cache.delete(key)
    assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "miss"


@pytest.fixture
def cache_calls(monkeypatch):
    """The cache calls made, one per round trip (LocMemCache's get_many calls get inside)."""
    calls, depth = [], [0]

    def counted(name, real):
        def call(*args, **kwargs):
            if not depth[0]:
                calls.append(name)
            depth[0] += 1
            try:
                return real(*args, **kwargs)
            finally:
                depth[0] -= 1

        return call

    for name in ("get", "get_many", "set", "add", "set_many"):
        monkeypatch.setattr(cache, name, counted(name, getattr(cache, name)))
    return calls


def test_a_hit_costs_one_cache_round_trip_while_nothing_changes(iron, cache_calls):
    """After a change elsewhere, the page's own versions are checked once and it is stored with
    the new marker: one round trip again."""
    visitor().get(iron.get_absolute_url())
    cache_calls.clear()
    assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "hit"
    assert cache_calls == ["get_many"]
    pagecache._retire(["product:0"])  # a product this page does not show
    cache_calls.clear()
    assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "hit"
    assert cache_calls == ["get_many", "get_many", "set"]
    cache_calls.clear()
    assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "hit"
    assert cache_calls == ["get_many"]


def test_a_shoppers_cart_count_comes_with_the_page_in_the_same_round_trip(iron, cache_calls):
    visitor().get(iron.get_absolute_url())
    shopper = Client()
    add_to_cart(shopper, iron, 2)
    shopper.get("/articles/")  # reads the "added" message
    shopper.get(iron.get_absolute_url())  # counts the cart and keeps the count
    cache_calls.clear()
    page = shopper.get(iron.get_absolute_url())
    assert page["X-Page-Cache"] == "hit" and "My Cart ( 2 items )" in header_text(page)
    assert cache_calls == ["get_many"]


def test_an_order_that_leaves_few_bottles_updates_the_stock_shown_to_visitors(
    client, iron, settings, django_capture_on_commit_callbacks
):
    settings.LOW_STOCK_THRESHOLD = 10
    StockRecord.objects.filter(product=iron).update(num_in_stock=12, num_allocated=0)
    assert "In stock" in visitor().get(iron.get_absolute_url()).content.decode()
    add_to_cart(client, iron, 3)
    checkout_to_preview(client, guest_email="guest@example.com")
    with django_capture_on_commit_callbacks(execute=True):  # the order commits
        place_order(client)
    after = visitor().get(iron.get_absolute_url())
    assert after["X-Page-Cache"] == "miss" and "Only 9 left" in after.content.decode()


def test_an_order_that_leaves_plenty_keeps_the_cached_pages(
    client, iron, settings, django_capture_on_commit_callbacks
):
    """Pages say "In stock" above the threshold: such an order changes none of them, so a busy
    hour of orders leaves the cache warm."""
    settings.LOW_STOCK_THRESHOLD = 10
    StockRecord.objects.filter(product=iron).update(num_in_stock=100, num_allocated=0)
    visitor().get(iron.get_absolute_url())
    add_to_cart(client, iron, 3)
    checkout_to_preview(client, guest_email="guest@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        place_order(client)
    after = visitor().get(iron.get_absolute_url())
    assert after["X-Page-Cache"] == "hit" and "In stock" in after.content.decode()


def test_only_changes_to_what_pages_show_retire_them(
    iron, customer, django_capture_on_commit_callbacks
):
    """A product's categories are on its pages; a customer's groups, wishlist or address are on
    none: only the first retires the cached pages."""
    from django.contrib.auth.models import Group

    Category = get_model("catalogue", "Category")
    visitor().get(iron.get_absolute_url())
    group = Group.objects.create(name="Newsletter")
    with django_capture_on_commit_callbacks(execute=True):
        customer.groups.add(group)
    assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "hit"

    category = Category.objects.exclude(pk__in=iron.categories.all()).first()
    with django_capture_on_commit_callbacks(execute=True):
        iron.categories.add(category)
    assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "miss"


def test_pages_with_arbitrary_query_strings_are_not_stored(iron):
    visitor().get("/catalogue/?utm=x")
    assert "X-Page-Cache" not in visitor().get("/catalogue/?utm=x")


def test_each_host_gets_its_own_cached_page(iron, settings):
    settings.ALLOWED_HOSTS = ["testserver", "www.example.com"]
    visitor().get(iron.get_absolute_url())
    other = visitor().get(iron.get_absolute_url(), HTTP_HOST="www.example.com")
    assert other["X-Page-Cache"] == "miss"
    assert "http://www.example.com/" in other.content.decode()


@pytest.fixture
def two_servers_without_redis(tmp_path, settings):
    """Two server processes on one database, each with the cache the settings give it when
    REDIS_URL is unset, as `make serve` runs two gunicorn workers."""
    database_url = shared_database_url(tmp_path)
    give_password(database_url, "staff@example.com", STAFF_PASSWORD)
    env = server_env(
        database_url,
        CACHE_DIR=str(tmp_path / "cache"),
        PAGE_CACHE_SECONDS="600",
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
    )
    with open(tmp_path / "servers.log", "w") as log, gunicorn_servers(2, env, log) as servers:
        yield servers


@shares_the_database
def test_a_price_changed_through_one_process_shows_at_once_in_the_other(
    two_servers_without_redis, iron
):
    first, second = two_servers_without_redis
    product_page = iron.get_absolute_url()
    stock = StockRecord.objects.get(product=iron)
    for server in (first, second):  # both processes hold the page
        Browser().get(server + product_page)
        status, headers, page = Browser().get(server + product_page)
        assert headers["X-Page-Cache"] == "hit" and f"${stock.price}" in text_of(page)
        assert "In stock" in text_of(page)

    staff = Browser()
    staff.sign_in(first, "staff@example.com", STAFF_PASSWORD)
    status, headers, _ = staff.submit_form(
        f"{first}/admin/partner/stockrecord/{stock.pk}/change/",
        "form#stockrecord_form",
        price="7.77",
        num_in_stock="0",
        num_allocated="0",
    )
    assert status == 302, "the staff edit was refused"

    status, _, page = Browser().get(second + product_page)
    assert status == 200
    assert "$7.77" in text_of(page) and f"${stock.price}" not in text_of(page)
    availability = BeautifulSoup(page, "html.parser").select_one(".availability")  # its own
    assert availability.get_text(strip=True) == "Out of stock"


# One page for everybody, with the visitor's own parts filled in -------------------------------


def stored_html(url):
    """The page as the cache holds it (holes empty, CSRF token a placeholder)."""
    return cache.get(pagecache.PAGE_PREFIX + f"http://testserver{url}")["html"]


def header_text(response):
    header = BeautifulSoup(response.content, "html.parser").select_one(".header-bar")
    return " ".join(header.get_text(" ").split())


def test_a_visitor_with_a_cart_gets_the_cached_page_with_their_own_count(
    iron, django_assert_max_num_queries
):
    visitor().get(iron.get_absolute_url())
    shopper = Client()
    add_to_cart(shopper, iron, 2)
    shopper.get("/catalogue/")  # the page showing "added to your cart", rendered in full
    with django_assert_max_num_queries(0):  # the count comes with the page, from the cache
        page = shopper.get(iron.get_absolute_url())
    assert page["X-Page-Cache"] == "hit"
    assert "My Cart ( 2 items )" in header_text(page)
    assert "My Cart ( 0 items )" in header_text(visitor().get(iron.get_absolute_url()))
    assert "private" in page["Cache-Control"]  # no shared cache may keep their count


def test_a_signed_in_customer_gets_the_cached_page_with_their_greeting(
    client, customer, iron, django_assert_max_num_queries
):
    visitor().get("/")
    client.force_login(customer)
    with django_assert_max_num_queries(3):  # session, customer, cart count
        page = client.get("/")
    assert page["X-Page-Cache"] == "hit"
    text = header_text(page)
    assert "Hello, Ann" in text and "Sign out" in text and "Hello Sign In" not in text
    assert "Hello, Ann" not in visitor().get("/").content.decode()


def test_messages_are_shown_once_on_a_rendered_page_never_stored(iron):
    shopper = Client()
    visitor().get(iron.get_absolute_url())
    add_to_cart(shopper, iron)
    with_message = shopper.get(iron.get_absolute_url())
    assert "X-Page-Cache" not in with_message
    assert "added to your cart" in with_message.content.decode().lower()
    again = shopper.get(iron.get_absolute_url())
    assert again["X-Page-Cache"] == "hit"
    assert "added to your cart" not in again.content.decode().lower()
    assert "added to your cart" not in stored_html(iron.get_absolute_url()).lower()


@pytest.mark.parametrize("url", ["/", "/catalogue/", "product", "/search/?q=iron"])
def test_the_stored_page_is_the_same_whoever_rendered_it(client, customer, iron, url):
    """Whatever is a visitor's own is in a hole: the page kept for everybody does not depend on
    whether it was first rendered for a newcomer or for a shopper with a cart."""
    url = iron.get_absolute_url() if url == "product" else url
    visitor().get(url)
    for_a_newcomer = stored_html(url)
    cache.clear()
    shopper = Client()
    add_to_cart(shopper, iron, 3)
    shopper.get("/articles/")  # reads the "added" message
    assert shopper.get(url)["X-Page-Cache"] == "miss"
    assert stored_html(url) == for_a_newcomer
    assert "__csrf_token__" in for_a_newcomer or "csrfmiddlewaretoken" not in for_a_newcomer


def test_a_signed_in_render_is_served_but_never_stored(client, staff, iron):
    """Staff may see a draft article and customers their own forms: what is rendered for a
    signed-in visitor is never kept for others."""
    client.force_login(staff)
    page = client.get(iron.get_absolute_url())
    assert "Edit this product" in page.content.decode() and "X-Page-Cache" not in page
    newcomer = visitor().get(iron.get_absolute_url())
    assert (
        newcomer["X-Page-Cache"] == "miss" and "Edit this product" not in newcomer.content.decode()
    )
    served = client.get(iron.get_absolute_url())
    assert served["X-Page-Cache"] == "hit" and "Edit this product" in served.content.decode()


def test_a_customers_saved_product_shows_on_the_cached_page(client, customer, iron):
    visitor().get(iron.get_absolute_url())
    client.force_login(customer)
    page = client.get(iron.get_absolute_url())
    assert page["X-Page-Cache"] == "hit" and "Save for later" in page.content.decode()
    token = page.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    added = client.post(
        f"/accounts/wishlists/add/{iron.pk}/", {"csrfmiddlewaretoken": token}, follow=True
    )
    assert added.status_code == 200 and "X-Page-Cache" not in added  # shows its message
    page = client.get(iron.get_absolute_url())
    assert page["X-Page-Cache"] == "hit"  # a wishlist retires no page
    assert "Saved for later" in page.content.decode()
    assert "Save for later" not in visitor().get(iron.get_absolute_url()).content.decode()


def product_pages_not_showing(product):
    others = get_model("catalogue", "Product").objects.exclude(pk=product.pk)
    urls = [other.get_absolute_url() for other in others[:8]]
    unrelated = [url for url in urls if product.get_absolute_url() not in visitor().get(url).text]
    assert unrelated, f"every product page shows {product}"
    return unrelated


def test_an_order_retires_only_the_pages_showing_the_product_it_leaves_low(
    client, iron, settings, django_capture_on_commit_callbacks
):
    settings.LOW_STOCK_THRESHOLD = 10
    StockRecord.objects.filter(product=iron).update(num_in_stock=12, num_allocated=0)
    unrelated = product_pages_not_showing(iron)
    for url in ["/catalogue/", iron.get_absolute_url(), unrelated[0]]:
        visitor().get(url)
    add_to_cart(client, iron, 3)
    checkout_to_preview(client, guest_email="guest@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        place_order(client)
    assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "miss"
    listing = visitor().get("/catalogue/")
    assert listing["X-Page-Cache"] == "miss" and "Only 9 left" in listing.text
    assert visitor().get(unrelated[0])["X-Page-Cache"] == "hit"


def test_shipping_an_order_retires_no_page(iron, django_capture_on_commit_callbacks):
    """Consuming an allocation lowers stock and allocation alike: the free stock pages show is
    the same, so they stay."""
    StockRecord.objects.filter(product=iron).update(num_in_stock=100, num_allocated=5)
    visitor().get(iron.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        StockRecord.objects.get(product=iron).consume_allocation(5)
    assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "hit"


def test_a_repeated_search_is_served_from_the_cache_and_retired_with_the_catalogue(
    iron, django_capture_on_commit_callbacks
):
    assert visitor().get("/search/?q=iron")["X-Page-Cache"] == "miss"
    assert visitor().get("/search/?q=iron")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        iron.title = "Iron Bisglycinate 25 mg, gentle"
        iron.save()
    page = visitor().get("/search/?q=iron")
    assert page["X-Page-Cache"] == "miss" and "gentle" in page.text


def test_a_review_retires_its_products_pages_only(
    customer, iron, django_capture_on_commit_callbacks
):
    ProductReview = get_model("reviews", "ProductReview")
    unrelated = product_pages_not_showing(iron)[0]
    for url in (iron.get_absolute_url(), unrelated):
        visitor().get(url)
    with django_capture_on_commit_callbacks(execute=True):
        ProductReview.objects.create(
            product=iron, user=customer, score=5, title="Gentle", body="No stomach upset at all."
        )
    page = visitor().get(iron.get_absolute_url())
    assert page["X-Page-Cache"] == "miss" and "No stomach upset at all." in page.text
    assert visitor().get(unrelated)["X-Page-Cache"] == "hit"
    iron.refresh_from_db()
    assert iron.rating == 5


# The cart page, kept by what the cart holds ------------------------------------------------------


def test_a_guests_cart_page_is_kept_for_what_it_holds(iron, django_assert_max_num_queries):
    shopper = Client()
    add_to_cart(shopper, iron, 2)
    shopper.get("/")  # reads the "added" message
    assert shopper.get("/basket/")["X-Page-Cache"] == "miss"
    with django_assert_max_num_queries(1):  # what the cart holds (its count too)
        page = shopper.get("/basket/")
    assert page["X-Page-Cache"] == "hit" and iron.title in page.text
    assert "My Cart ( 2 items )" in header_text(page) and "private" in page["Cache-Control"]

    add_to_cart(shopper, iron, 1)
    shopper.get("/")
    page = shopper.get("/basket/")
    assert page["X-Page-Cache"] == "miss" and "My Cart ( 3 items )" in header_text(page)


def test_a_cart_page_follows_the_stock_and_price_of_its_lines(iron):
    shopper = Client()
    add_to_cart(shopper, iron, 2)
    shopper.get("/")
    shopper.get("/basket/")
    StockRecord.objects.filter(product=iron).update(price="7.77")  # no signal at all
    page = shopper.get("/basket/")
    assert page["X-Page-Cache"] == "miss" and "$7.77" in page.text


def test_one_guests_cart_is_never_served_to_another(iron, magnesium):
    first, second = Client(), Client()
    add_to_cart(first, iron)
    add_to_cart(second, magnesium)
    for shopper in (first, second):
        shopper.get("/")
        shopper.get("/basket/")
    page = second.get("/basket/")
    assert page["X-Page-Cache"] == "hit"
    assert magnesium.title in page.text and iron.title not in page.text


def test_signed_in_carts_are_rendered_every_time(client, customer, iron):
    client.force_login(customer)
    add_to_cart(client, iron)
    client.get("/")
    for _ in range(2):
        page = client.get("/basket/")
        assert page.status_code == 200 and "X-Page-Cache" not in page and iron.title in page.text


def test_the_empty_cart_is_one_page_for_every_newcomer():
    assert visitor().get("/basket/")["X-Page-Cache"] == "miss"
    page = visitor().get("/basket/")
    assert page["X-Page-Cache"] == "hit" and "My Cart ( 0 items )" in header_text(page)


def test_a_guest_cart_follows_the_customer_who_signs_in(customer, iron):
    """Oscar merges a guest's cart into the account's when a page loads the basket: the first
    page after signing in is rendered, so the header counts the merged cart."""
    visitor().get("/")
    shopper = Client()
    add_to_cart(shopper, iron, 2)
    shopper.get("/articles/")
    shopper.force_login(customer)
    page = shopper.get("/")
    assert "X-Page-Cache" not in page and "My Cart ( 2 items )" in header_text(page)
    again = shopper.get("/")
    assert again["X-Page-Cache"] == "hit" and "My Cart ( 2 items )" in header_text(again)


def test_an_entry_in_another_shape_is_a_miss_not_an_error(iron):
    """During a deploy, old and new processes share the cache."""
    visitor().get(iron.get_absolute_url())
    key = pagecache.PAGE_PREFIX + f"http://testserver{iron.get_absolute_url()}"
    for other in [{"html": "<p>old</p>", "content_type": "text/html"}, ["old"], "old"]:
        cache.set(key, other)
        page = visitor().get(iron.get_absolute_url())
        assert page.status_code == 200 and page["X-Page-Cache"] == "miss"


def test_a_guests_cached_count_follows_every_change_to_the_cart(iron, magnesium):
    visitor().get(iron.get_absolute_url())
    shopper = Client()
    add_to_cart(shopper, iron)
    shopper.get("/articles/")
    assert "My Cart ( 1 item )" in header_text(shopper.get(iron.get_absolute_url()))
    add_to_cart(shopper, magnesium, 2)
    shopper.get("/articles/")
    assert "My Cart ( 3 items )" in header_text(shopper.get(iron.get_absolute_url()))
    get_model("basket", "Line").objects.filter(product=magnesium).delete()
    assert "My Cart ( 1 item )" in header_text(shopper.get(iron.get_absolute_url()))
