"""What search engines and Pinterest read: JSON-LD, Open Graph, canonical links, unique titles,
sitemap.xml, robots.txt, the favicon, and the friendly 404 and 500 pages."""

import json

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.views.defaults import server_error
from oscar.core.loading import get_model

from content.models import Article
from shop.templatetags.seo import ld_json

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def get_soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def structured_data(soup):
    """{@type: data} of every JSON-LD block on the page."""
    blocks = [json.loads(tag.string) for tag in soup.select('script[type="application/ld+json"]')]
    return {block["@type"]: block for block in blocks}


def open_graph(soup):
    return {tag["property"]: tag["content"] for tag in soup.select("meta[property]")}


def crumbs(data):
    return [(item["name"], item["item"]) for item in data["BreadcrumbList"]["itemListElement"]]


def test_product_page_structured_data_and_rich_pin(client, iron):
    soup = get_soup(client, iron.get_absolute_url())
    url = BASE + iron.get_absolute_url()
    data = structured_data(soup)
    product = data["Product"]
    assert product["name"] == "Iron Bisglycinate 25 mg"
    assert product["sku"] == "RLV-IRON-25"
    assert product["brand"] == {"@type": "Brand", "name": "Restful Legs Vitamins"}
    assert product["image"][0].startswith(BASE + "/media/") and product["image"][0].endswith(".png")
    assert product["offers"] == {
        "@type": "Offer",
        "url": url,
        "price": "14.95",
        "priceCurrency": "USD",
        "availability": "https://schema.org/InStock",
        "itemCondition": "https://schema.org/NewCondition",
        "seller": {"@type": "Organization", "name": "Restful Legs Vitamins"},
    }
    assert crumbs(data) == [
        ("Home", BASE + "/"),
        ("Our Products", BASE + "/catalogue/"),
        ("Minerals", BASE + iron.categories.get().get_absolute_url()),
        ("Iron Bisglycinate 25 mg", url),
    ]

    og = open_graph(soup)
    assert og["og:type"] == "product" and og["og:title"] == "Iron Bisglycinate 25 mg"
    assert og["og:url"] == url and og["og:image"] == product["image"][0]
    assert og["product:price:amount"] == "14.95" and og["product:price:currency"] == "USD"
    assert og["og:availability"] == "in stock"
    assert og["og:description"].startswith("A gentle, chelated form of iron")
    assert soup.select_one('link[rel="canonical"]')["href"] == url


def test_a_sold_out_product_says_so_to_search_engines(client, iron):
    iron.stockrecords.update(num_in_stock=0)
    soup = get_soup(client, iron.get_absolute_url())
    assert structured_data(soup)["Product"]["offers"]["availability"].endswith("/OutOfStock")
    assert open_graph(soup)["og:availability"] == "out of stock"


def test_article_page_is_a_reviewed_medical_web_page(client):
    article = Article.objects.get(slug="iron-and-rls")
    soup = get_soup(client, article.get_absolute_url())
    url = BASE + article.get_absolute_url()
    data = structured_data(soup)
    page = data["MedicalWebPage"]
    assert page["headline"] == article.title and page["url"] == url
    assert page["image"] == [BASE + article.hero_image.url]
    assert page["datePublished"] == article.published_at.isoformat()
    assert page["dateModified"] == article.updated_at.isoformat()
    assert page["lastReviewed"] == article.last_reviewed.isoformat()
    assert page["reviewedBy"]["name"] == article.reviewer
    assert page["citation"] == article.reference_list
    assert crumbs(data) == [
        ("Home", BASE + "/"),
        ("Articles", BASE + "/articles/"),
        (article.title, url),
    ]
    og = open_graph(soup)
    assert og["og:type"] == "article" and og["og:title"] == article.title
    assert og["og:description"] == article.summary
    assert og["og:image"] == BASE + article.hero_image.url


def test_category_page_breadcrumbs(client):
    category = Category.objects.get(name="Minerals")
    data = structured_data(get_soup(client, category.get_absolute_url()))
    assert crumbs(data) == [
        ("Home", BASE + "/"),
        ("Our Products", BASE + "/catalogue/"),
        ("Minerals", BASE + category.get_absolute_url()),
    ]


def test_home_page_names_the_organization_and_its_search(client):
    soup = get_soup(client, "/")
    data = structured_data(soup)
    assert data["Organization"]["name"] == "Restful Legs Vitamins"
    assert data["Organization"]["url"] == BASE + "/"
    assert data["Organization"]["logo"] == BASE + "/static/favicon-512.png"
    action = data["WebSite"]["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == BASE + "/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    assert open_graph(soup)["og:type"] == "website"


def test_json_ld_cannot_be_broken_out_of():
    assert str(ld_json({"name": "</script><b>&"})) == (
        '{"name": "\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}'
    )


def indexable_pages():
    return [
        "/",
        "/catalogue/",
        "/articles/",
        "/contact/",
        "/about/",
        *("/shipping/", "/returns/", "/privacy/", "/terms/", "/faq/"),
        *(c.get_absolute_url() for c in Category.objects.browsable()),
        *(p.get_absolute_url() for p in Product.objects.browsable()),
        *(a.get_absolute_url() for a in Article.objects.published()),
    ]


def test_every_indexable_page_has_its_own_title_description_and_canonical(client):
    titles, descriptions = {}, {}
    for url in indexable_pages():
        soup = get_soup(client, url)
        title = soup.title.string.strip()
        description = soup.select_one('meta[name="description"]')["content"].strip()
        assert len(description) > 40, url
        assert title not in titles, f"{url} and {titles.get(title)} share the title {title!r}"
        assert description not in descriptions, f"{url} repeats {descriptions.get(description)}"
        titles[title], descriptions[description] = url, url
        assert soup.select_one('link[rel="canonical"]')["href"] == BASE + url
        og = open_graph(soup)
        assert og["og:title"] and og["og:url"] == BASE + url, url
        assert og["og:image"].startswith(BASE + "/"), url


def test_sitemap_lists_every_public_page(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    soup = BeautifulSoup(response.content, "html.parser")
    locations = [loc.string for loc in soup.find_all("loc")]
    assert sorted(locations) == sorted(BASE + url for url in indexable_pages())
    assert len(locations) == len(set(locations))


def test_a_draft_article_and_a_hidden_product_stay_out_of_the_sitemap(client, iron):
    article = Article.objects.get(slug="iron-and-rls")
    Article.objects.filter(pk=article.pk).update(is_published=False)
    Product.objects.filter(pk=iron.pk).update(is_public=False)
    body = client.get("/sitemap.xml").content.decode()
    assert article.get_absolute_url() not in body and iron.get_absolute_url() not in body


def test_robots_txt_keeps_private_pages_out_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/basket/", "/checkout/", "/accounts/", "/dashboard/", "/admin/"):
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_favicon(client):
    soup = get_soup(client, "/")
    assert soup.select_one('link[rel="icon"][type="image/svg+xml"]')["href"].endswith("favicon.svg")
    assert soup.select_one('link[rel="icon"][type="image/png"]')["href"].endswith(".png")
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.ico")


def test_404_is_a_friendly_page_in_the_store_chrome(client, settings):
    assert settings.DEBUG is False
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Sorry, we can't find that page"
    assert soup.select_one(".site-header .cart-link") and soup.select_one("footer.site-footer")
    assert soup.select_one('main a[href="/catalogue/"]')
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"


def test_500_page_needs_neither_the_database_nor_context_processors(
    settings, django_assert_num_queries
):
    assert settings.DEBUG is False
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    for page in (html, response.content.decode()):
        soup = BeautifulSoup(page, "html.parser")
        assert soup.h1.get_text(strip=True) == "Sorry, something went wrong on our side"
        assert soup.select_one(".site-header .brand") and soup.select_one('a[href="/contact/"]')
