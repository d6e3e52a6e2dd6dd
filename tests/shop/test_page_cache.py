"""The anonymous page cache: fast for visitors, never stale, never personal."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client
from oscar.core.loading import get_model

from shop import pagecache
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
        version_before_commit = pagecache.current_version()
        assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "hit"
    assert pagecache.current_version() != version_before_commit
    assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "miss"


def test_a_lost_version_never_brings_back_pages_stored_under_an_older_one(iron):
    """A file cache culls entries at random and Redis may evict: losing the version key must
    retire the pages, not restart a count that old pages' keys carry."""
    assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "miss"
    cache.delete(pagecache.VERSION_KEY)
    assert visitor().get(iron.get_absolute_url())["X-Page-Cache"] == "miss"


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


def test_signed_in_customers_and_carts_are_never_served_cached_pages(client, customer, iron):
    visitor().get("/")
    client.force_login(customer)
    page = client.get("/")
    assert "X-Page-Cache" not in page and "Hello, Ann" in page.content.decode()

    shopper = Client()
    add_to_cart(shopper, iron)
    page = shopper.get("/")
    assert "X-Page-Cache" not in page
    assert shopper.get("/").context["cart_count"] == 1


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
