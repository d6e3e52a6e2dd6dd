"""The anonymous page cache: fast for visitors, never stale, never personal."""

import pytest
from django.test import Client
from oscar.core.loading import get_model

from tests.shop.checkout_steps import add_to_cart, checkout_to_preview, place_order

StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


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


def test_a_price_change_is_visible_at_once(iron):
    visitor().get(iron.get_absolute_url())
    stock = StockRecord.objects.get(product=iron)
    stock.price = "7.77"
    stock.save()
    response = visitor().get(iron.get_absolute_url())
    assert response["X-Page-Cache"] == "miss" and "$7.77" in response.content.decode()


def test_an_order_updates_the_stock_shown_to_visitors(
    client, iron, django_capture_on_commit_callbacks
):
    stock = StockRecord.objects.get(product=iron)
    before = f"{stock.net_stock_level} available"
    assert before in visitor().get(iron.get_absolute_url()).content.decode()
    add_to_cart(client, iron, 3)
    checkout_to_preview(client, guest_email="guest@example.com")
    with django_capture_on_commit_callbacks(execute=True):  # the order commits
        place_order(client)
    after = visitor().get(iron.get_absolute_url()).content.decode()
    assert f"{stock.net_stock_level - 3} available" in after


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
