from decimal import Decimal as D

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.utils.text import slugify
from oscar.core.loading import get_model
from oscar.test.factories import create_product

from catalogue import search as search_module
from content.models import Article

Product = get_model("catalogue", "Product")
Nutrient = get_model("catalogue", "Nutrient")
NutrientAmount = get_model("catalogue", "NutrientAmount")

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


# Search that finds (issue 13): misspellings, conditions, relevance, one search box, and a query
# count that does not grow with the catalogue. Products and articles are made here; the seeded
# articles are used where the test is about what they discuss.

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="ranking and its indexes are PostgreSQL's"
)


@pytest.fixture
def article():
    """The article the test products link to; it mentions none of the words searched for."""
    return Article.objects.create(
        title="About the test range",
        slug="test-range",
        summary="Test.",
        body="Test.",
        is_published=True,
    )


@pytest.fixture
def make_product(article):
    nutrient = Nutrient.objects.create(code="test-nutrient", name="Test Nutrient", unit="mg")

    def make(title, description="", claims=""):
        product = create_product(
            title=title,
            description=description,
            claims=claims,
            price=D("9.95"),
            num_in_stock=20,
            is_public=False,
            article=article,
        )
        NutrientAmount.objects.create(product=product, nutrient=nutrient, amount=D("100"))
        product.is_public = True
        product.save()  # the publish rules run, as for staff
        return product

    return make


def make_article(title, body, position, summary="An article."):
    return Article.objects.create(
        title=title,
        slug=slugify(title),
        summary=summary,
        body=body,
        position=position,
        is_published=True,
    )


def search(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response


def suggestion_link(response):
    return BeautifulSoup(response.content, "html.parser").select_one(".did-you-mean a")


def test_a_misspelling_finds_and_suggests_the_right_spelling(client, make_product):
    magnesium = make_product("Magnesium Citrate 200 mg", "<p>Magnesium as citrate.</p>")
    response = search(client, "magnesum")
    link = suggestion_link(response)
    assert link is not None and link.text == "magnesium"
    assert link["href"] == "/search/?q=magnesium"
    assert magnesium in response.context["products"]
    assert "found for “magnesium”" in response.content.decode()

    corrected = client.get(link["href"])
    assert magnesium in corrected.context["products"]
    assert suggestion_link(corrected) is None


def test_only_the_unknown_words_are_corrected(client, make_product):
    make_product("Quercetin 500 mg", "<p>Quercetin with vitamin C.</p>")
    assert suggestion_link(search(client, "vitamin quercitin")).text == "vitamin quercetin"


def test_a_search_that_finds_its_words_suggests_nothing(client, make_product):
    make_product("Quercetin 500 mg")
    for query in ("quercetin", "iron", "restless legs"):
        assert suggestion_link(search(client, query)) is None, query


def test_nothing_close_suggests_nothing(client):
    response = search(client, "zzqxv")
    assert suggestion_link(response) is None
    assert "No products match “zzqxv”" in response.content.decode()


@pytest.mark.parametrize(
    "query, discussed_in",
    [
        ("restless legs", ["Vitamins for Restless Legs", "What Is Restless Legs Syndrome?"]),
        ("RLS", ["Iron and RLS", "Vitamins for Restless Legs"]),
        ("leg cramps", ["Vitamin E and RLS", "What Is Restless Legs Syndrome?"]),
    ],
)
def test_a_condition_finds_the_articles_that_discuss_it(client, query, discussed_in):
    response = search(client, query)
    titles = [a.title for a in response.context["articles"]]
    assert set(discussed_in) <= set(titles), titles
    page = response.content.decode()
    assert "No products match" not in page and f"{len(titles)} articles found" in page
    for article in response.context["articles"]:
        assert f'href="{article.get_absolute_url()}"' in page


def test_products_come_before_articles(client, make_product):
    product = make_product("Quercetin 500 mg")
    make_article("Quercetin explained", "What quercetin is.", position=0)
    page = search(client, "quercetin").content.decode()
    assert product.title in page and "Quercetin explained" in page
    assert page.index(product.title) < page.index('id="search-articles-title"')
    assert page.index('id="search-articles-title"') < page.index("Quercetin explained")


@on_postgresql
def test_a_title_match_ranks_above_a_description_match(client, make_product):
    mentioned = make_product("Daily Antioxidant Blend", "<p>With quercetin from onions.</p>")
    claimed = make_product("Evening Blend", claims="Supports quercetin intake")
    named = make_product("Quercetin 500 mg")
    products = list(search(client, "quercetin").context["products"])
    assert products == [named, claimed, mentioned]  # the listing's order is alphabetical


@on_postgresql
def test_articles_rank_by_relevance_not_reading_order(client):
    aside = make_article("Evening routines", "A walk, then tea; some add quercetin.", position=0)
    about = make_article(
        "Quercetin explained", "Quercetin is a plant pigment.", position=99, summary="Quercetin."
    )
    assert search(client, "quercetin").context["articles"] == [about, aside]


def test_the_results_page_has_one_search_box_which_keeps_the_query(client):
    soup = BeautifulSoup(search(client, "iron").content, "html.parser")
    assert len(soup.select('form[role="search"]')) == 1
    [box] = soup.select('input[name="q"]')
    assert box["value"] == "iron"


def test_query_count_does_not_grow_with_the_catalogue(
    client, make_product, django_assert_max_num_queries
):
    """10 products, then 300, found as typed and misspelled: the same queries, none per card."""

    def counts(expected_on_page):
        found = {}
        for query in ("quercetin", "quercitin"):
            client.get("/search/", {"q": query})  # warm: caches, thumbnails
            with django_assert_max_num_queries(10) as captured:
                response = client.get("/search/", {"q": query})
            found[query] = len(captured)
            assert len(response.context["products"]) == expected_on_page, query
        return found

    for number in range(10):
        make_product(f"Quercetin Blend {number:03d}")
    small = counts(10)
    for number in range(10, 300):
        make_product(f"Quercetin Blend {number:03d}")
    assert counts(settings.OSCAR_PRODUCTS_PER_PAGE) == small


@on_postgresql
def test_the_indexes_serve_the_searches(db):
    """An expression index serves only the same expression: the migrations' must be the
    documents catalogue.search builds (sequential scans off, as a large table would have it)."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    documents = [
        (Product, search_module.product_document, "catalogue_product_search"),
        (Article, search_module.article_document, "content_article_search"),
    ]
    for model, document, index in documents:
        words = search_module.text_query("iron")
        plan = model.objects.order_by().alias(d=document()).filter(d=words).explain()
        assert index in plan, plan
