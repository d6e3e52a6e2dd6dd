"""The page cache holds only the store's own pages: nobody can fill it with made-up variants."""

import pytest
from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def stored_pages():
    return [key for key in cache._cache if ":pagecache:page:" in key]


def visit(url, **headers):
    return Client(raise_request_exception=False).get(url, **headers)


def test_a_plain_page_number_is_stored():
    visit("/catalogue/?page=1")
    assert visit("/catalogue/?page=1")["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    "query", ["page=01", "page=1&", "page=1&page=1", "page=+1", "page=1%00", "page=9999999"]
)
def test_other_spellings_are_rendered_but_never_stored(query):
    before = len(stored_pages())
    for _ in range(2):
        response = visit(f"/catalogue/?{query}")
        assert response.status_code in (200, 400, 404)
        assert "X-Page-Cache" not in response
    assert len(stored_pages()) == before


def test_a_search_is_stored_once_whatever_its_spelling():
    assert visit("/search/?q=iron+bisglycinate")["X-Page-Cache"] == "miss"
    assert visit("/search/?q=iron+bisglycinate")["X-Page-Cache"] == "hit"
    assert visit("/search/?q=iron+bisglycinate&page=1")["X-Page-Cache"] == "miss"
    before = len(stored_pages())
    for query in ["q=iron++bisglycinate", "q=+iron", "q=iron%20bisglycinate", "page=1&q=iron"]:
        response = visit(f"/search/?{query}")
        assert response.status_code == 200 and "X-Page-Cache" not in response
        assert "Iron Bisglycinate" in response.content.decode()
    assert "X-Page-Cache" not in visit("/search/?q=")
    assert len(stored_pages()) == before


def test_a_page_past_the_end_is_a_404_and_not_stored():
    assert visit("/catalogue/?page=999").status_code == 404
    assert visit("/catalogue/?page=999").status_code == 404
    assert not [key for key in stored_pages() if "page=999" in key]


def test_made_up_ports_and_host_patterns_are_rendered_but_never_stored(settings):
    settings.ALLOWED_HOSTS = ["testserver", ".example.com"]
    before = len(stored_pages())
    for host in ("testserver:1234", "testserver:4321", "a.example.com", "b.example.com"):
        response = visit("/", HTTP_HOST=host)
        assert response.status_code == 200 and "X-Page-Cache" not in response
    assert len(stored_pages()) == before
    visit("/")
    assert visit("/")["X-Page-Cache"] == "hit"  # the store's own host still is
