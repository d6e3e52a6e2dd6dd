"""Crawl the storefront like a reader: no dead ends, and the right notices on every page."""

import re
from collections import deque

import pytest
from bs4 import BeautifulSoup
from oscar.core.loading import get_model

from content import notices
from content.models import Article

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

TEXTS = {slug: text for slug, _kind, _title, text in notices.NOTICES}
STOREFRONT = re.compile(r"^/(catalogue|articles|about|contact|basket)?/?")
# Pages for signed-in customers only (writing a review) ask an anonymous crawler to sign in.
SKIP = re.compile(
    r"^/(dashboard|accounts|admin|checkout|media|static|i18n)/|logout|/reviews/add/|\?|#"
)


DISEASE_NAMES = re.compile(r"\b(rls|restless|willis|ekbom)\b", re.IGNORECASE)


def names_the_disease(soup):
    """Where a product page names the disease: its text, title, meta tags or link texts."""
    found = DISEASE_NAMES.findall(page_text(soup))
    for tag in soup.select("title, meta[content]"):
        found += DISEASE_NAMES.findall(tag.get("content", "") or tag.get_text(" "))
    for script in soup.select('script[type="application/ld+json"]'):
        found += DISEASE_NAMES.findall(script.get_text())
    return found


def page_text(soup):
    return " ".join(soup.get_text(" ").split())


def crawl(client, start="/"):
    """Every internal storefront page reachable from `start`, as {path: BeautifulSoup}."""
    seen, queue, pages = {start}, deque([start]), {}
    while queue:
        path = queue.popleft()
        response = client.get(path)
        assert response.status_code == 200, f"dead end: {path} -> {response.status_code}"
        soup = BeautifulSoup(response.content, "html.parser")
        pages[path] = soup
        for link in soup.select("a[href]"):
            href = link["href"]
            if href.startswith("/") and not SKIP.search(href) and href not in seen:
                seen.add(href)
                queue.append(href)
    return pages


def test_crawl_finds_every_product_and_article_with_their_notices(client):
    pages = crawl(client)
    products = {p.get_absolute_url(): p for p in Product.objects.select_related("article")}
    articles = {a.get_absolute_url(): a for a in Article.objects.published()}
    assert set(products) <= set(pages), "some products cannot be reached by following links"
    assert set(articles) <= set(pages), "some articles cannot be reached by following links"

    for path, soup in pages.items():
        text = page_text(soup)
        assert text.count(TEXTS[notices.MEDICAL_ADVICE]) == 1, f"{path}: medical advice not once"
        fda = text.count(TEXTS[notices.FDA_STATEMENT]) + text.count(
            TEXTS[notices.FDA_STATEMENT_SINGLE]
        )
        assert fda == 1, f"{path}: the FDA statement {fda} times"
        assert text.count(TEXTS[notices.IRON_WARNING]) <= 1, f"{path}: iron warning repeated"
        for slug, notice_text in TEXTS.items():
            assert text.count(notice_text) <= 1, f"{path}: {slug} more than once"
        if path in products:
            product = products[path]
            assert soup.select_one("table.supplement-facts"), path
            assert soup.select_one(f'a[href="{product.article.get_absolute_url()}"]'), path
            has_iron = product.nutrient_amounts.filter(nutrient__code="iron").exists()
            assert (TEXTS[notices.IRON_WARNING] in text) == has_iron, path
            if product.claim_list:
                one = len(product.claim_list) == 1
                fda_slug = notices.FDA_STATEMENT_SINGLE if one else notices.FDA_STATEMENT
                claims_box = page_text(soup.select_one(".product-main"))
                assert "*" + TEXTS[fda_slug] in claims_box, path
            assert soup.select_one("form[action*='/basket/add/']"), f"{path}: cannot buy"
            named = names_the_disease(soup)
            assert not named, f"{path} names the disease: {named}"
        if path in articles:
            linked = {p.get_absolute_url() for p in articles[path].products.filter(is_public=True)}
            for url in linked:
                assert soup.select_one(f'a[href="{url}"]'), f"{path} does not link {url}"
            assert "Pin it" in text and "[+] Show All" in text, path
            assert "Next Article:" in text, path


def test_product_article_product_cart_has_no_dead_end(client, magnesium):
    product_page = BeautifulSoup(client.get(magnesium.get_absolute_url()).content, "html.parser")
    article_url = product_page.select_one("a.learn-more")["href"]
    article_page = BeautifulSoup(client.get(article_url).content, "html.parser")
    product_url = article_page.select_one(".article-products a[href^='/catalogue/']")["href"]
    product_page = BeautifulSoup(client.get(product_url).content, "html.parser")
    form = product_page.select_one("form[action*='/basket/add/']")
    data = {i["name"]: i.get("value", "") for i in form.select("input[name]")}
    data["quantity"] = "1"
    response = client.post(form["action"], data, follow=True)
    assert response.status_code == 200
    cart = BeautifulSoup(response.content, "html.parser")
    assert cart.select_one("#cart-count").get_text() == "1"
    assert magnesium.title in page_text(cart.select_one("#basket_formset"))
