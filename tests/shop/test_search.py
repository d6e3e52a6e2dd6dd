import pytest

pytestmark = pytest.mark.django_db


def test_search_finds_products_by_any_word_in_title_description_or_claims(client, iron):
    page = client.get("/search/", {"q": "iron"}).content.decode()
    assert iron.title in page and "products found" in page
    page = client.get("/search/", {"q": "muscle function"}).content.decode()
    assert "Magnesium" in page and iron.title not in page


def test_search_without_results_suggests_what_to_do(client):
    page = client.get("/search/", {"q": "unobtainium"}).content.decode()
    assert "No products match “unobtainium”" in page and 'href="/catalogue/"' in page


def test_empty_search_asks_for_a_word(client):
    assert "Type a word above" in client.get("/search/").content.decode()


def test_search_is_not_indexed_and_keeps_the_query_in_its_pages(client):
    page = client.get("/search/", {"q": "iron"}).content.decode()
    assert '<meta name="robots" content="noindex, follow">' in page
    assert 'value="iron"' in page


def test_search_query_budget(client, django_assert_max_num_queries):
    client.get("/search/", {"q": "iron"})
    with django_assert_max_num_queries(10):
        client.get("/search/", {"q": "iron"})


def test_search_also_finds_articles(client):
    page = client.get("/search/", {"q": "restless legs"}).content.decode()
    assert "Vitamins for Restless Legs" in page and 'href="/articles/' in page
