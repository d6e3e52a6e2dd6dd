from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup
from oscar.core.loading import get_model

from content import notices
from content.models import Article, Notice
from tests.shop.checkout_steps import add_to_cart, checkout_to_preview, place_order

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

TEXTS = {slug: text for slug, _kind, _title, text in notices.NOTICES}
MEDICAL = TEXTS[notices.MEDICAL_ADVICE]
IRON = TEXTS[notices.IRON_WARNING]
FDA = TEXTS[notices.FDA_STATEMENT]


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def test_notices_are_seeded_verbatim():
    for slug, text in TEXTS.items():
        assert Notice.objects.get(slug=slug).text == text


def test_every_product_page_carries_its_notices_and_article_link(client):
    for product in Product.objects.select_related("article"):
        page = text_of(client.get(product.get_absolute_url()))
        assert MEDICAL in page, product
        assert "Supplement Facts" in page
        if len(product.claim_list) > 1:
            assert "*" + FDA in page
        assert f"Learn more: {product.article.link_text}" in page
        contains_iron = product.nutrient_amounts.filter(nutrient__code="iron").exists()
        assert (IRON in page) == contains_iron, product


def test_iron_products_show_the_exact_iron_warning_boxed(client):
    for product in Product.objects.filter(nutrient_amounts__nutrient__code="iron"):
        soup = BeautifulSoup(client.get(product.get_absolute_url()).content, "html.parser")
        box = soup.select_one(".product-main .notice-iron-warning")
        assert box is not None and IRON in " ".join(box.get_text(" ").split())


def test_cart_and_checkout_show_medical_notice_and_one_iron_warning_naming_the_products(
    client, iron, magnesium
):
    high_dose_iron = Product.objects.get(upc="RLV-IRON-65")
    add_to_cart(client, iron)
    add_to_cart(client, magnesium)
    add_to_cart(client, high_dose_iron)
    cart = BeautifulSoup(client.get("/basket/").content, "html.parser")
    assert " ".join(cart.get_text(" ").split()).count(MEDICAL) == 1
    boxes = cart.select(".notice-iron-warning")
    assert len(boxes) == 1
    named = boxes[0].select_one(".notice-products").get_text(" ")
    assert iron.title in named and high_dose_iron.title in named
    assert magnesium.title not in named

    preview = checkout_to_preview(client, guest_email="guest@example.com")
    page = BeautifulSoup(preview.content, "html.parser")
    assert " ".join(page.get_text(" ").split()).count(MEDICAL) == 1
    assert len(page.select(".notice-iron-warning")) == 1


def test_order_email_carries_the_notices(
    client, iron, mailoutbox, django_capture_on_commit_callbacks
):
    add_to_cart(client, iron)
    checkout_to_preview(client, guest_email="guest@example.com")
    with django_capture_on_commit_callbacks(execute=True):  # the email goes once it commits
        place_order(client)
    body = mailoutbox[0].body
    assert MEDICAL in body and IRON in body


def test_notice_edited_by_staff_appears_at_once(client, iron):
    client.get(iron.get_absolute_url())  # warm the notice cache
    notice = Notice.objects.get(slug=notices.MEDICAL_ADVICE)
    notice.text = "Edited by staff: ask your doctor."
    notice.save()
    assert notice.version == 2
    assert "Edited by staff: ask your doctor." in text_of(client.get(iron.get_absolute_url()))


def test_every_product_links_to_a_published_article_and_back(client):
    for product in Product.objects.all():
        assert product.article and product.article.is_published
        article_page = client.get(product.article.get_absolute_url())
        assert article_page.status_code == 200
        assert product.get_absolute_url() in article_page.content.decode()


def test_article_page_has_pin_it_next_article_show_all_and_notice(client):
    articles = list(Article.objects.published())
    first, second = articles[0], articles[1]
    response = client.get(first.get_absolute_url())
    soup = BeautifulSoup(response.content, "html.parser")

    pin = soup.select_one("a.pin-it")
    assert pin.get_text(" ").startswith("Pin it")
    query = parse_qs(urlparse(pin["href"]).query)
    assert pin["href"].startswith("https://www.pinterest.com/pin/create/button/?")
    assert query["url"] == [f"http://testserver{first.get_absolute_url()}"]
    assert query["media"][0].startswith("http://testserver/")
    assert query["description"][0]

    assert soup.find("a", string=f"Next Article: {second.title}")
    show_all = soup.select_one("details.show-all")
    assert show_all.summary.get_text() == "[+] Show All"
    assert len(show_all.select("li")) == len(articles)
    assert MEDICAL in text_of(response)
    assert len(first.reference_list) >= 1


def test_article_index_lists_every_published_article(client):
    body = client.get("/articles/").content.decode()
    for article in Article.objects.published():
        assert article.get_absolute_url() in body


def test_article_markdown_is_sanitised():
    article = Article.objects.first()
    article.body = "Hello <script>alert(1)</script> **bold** [x](javascript:alert(1))"
    article.save()
    assert "<script" not in article.body_html and "javascript:" not in article.body_html
    assert "<strong>bold</strong>" in article.body_html


@pytest.mark.parametrize("which", ["first", "last"])
def test_article_query_budget(client, django_assert_max_num_queries, which):
    articles = list(Article.objects.published())
    article = articles[0] if which == "first" else articles[-1]
    client.get(article.get_absolute_url())
    with django_assert_max_num_queries(10):
        assert client.get(article.get_absolute_url()).status_code == 200
