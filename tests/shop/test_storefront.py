"""Every storefront page answers a visitor with the shop chrome (DESIGN §4)."""

import pytest
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")

pytestmark = pytest.mark.django_db

CHROME = ["Our Products", "About Us", "Contact Us", "Hello Sign In", "Your Account", "My Cart ("]


def storefront_urls():
    urls = ["/", "/catalogue/", "/basket/", "/about/", "/contact/", "/accounts/login/"]
    urls += ["/search/?q=iron", "/checkout/"]
    urls += [p.get_absolute_url() for p in Product.objects.all()]
    urls += [c.get_absolute_url() for c in Category.objects.all()]
    return urls


def test_every_storefront_page_answers_with_the_chrome(client):
    for url in storefront_urls():
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        body = response.content.decode()
        for text in CHROME:
            assert text in body, f"{text!r} missing on {url}"


def test_signed_in_greeting_uses_first_name(client, customer):
    client.force_login(customer)
    body = client.get("/").content.decode()
    assert "Hello, Ann" in body and "Sign out" in body and "Hello Sign In" not in body


def test_product_page_shows_supplement_facts_and_price(client, iron):
    body = client.get(iron.get_absolute_url()).content.decode()
    assert "Supplement Facts" in body
    assert "<table" in body and "Serving Size: 1 capsule" in body
    assert "25 mg" in body and "139%" in body  # 25 / 18 mg DV
    assert "$14.95" in body
    assert "Supports healthy red blood cell formation" in body


def test_listing_shows_every_product_with_price(client):
    body = client.get("/catalogue/").content.decode()
    for product in Product.objects.all():
        assert product.title.replace("&", "&amp;") in body
    assert "$14.95" in body


def test_unknown_pages_are_friendly_404s(client):
    assert client.get("/catalogue/no-such-thing_9999/").status_code == 404
    assert client.get("/catalogue/?page=999").status_code == 404


@pytest.mark.parametrize("url_name", ["home", "list", "category", "product"])
def test_warm_query_budget(client, django_assert_max_num_queries, url_name, iron):
    url = {
        "home": "/",
        "list": "/catalogue/",
        "category": Category.objects.get(slug="minerals").get_absolute_url(),
        "product": iron.get_absolute_url(),
    }[url_name]
    client.get(url)  # warm: session, site and thumbnail caches
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200


def test_a_product_whose_image_file_is_missing_still_shows(client, iron):
    iron.images.update(original="images/products/gone-from-storage.png")
    response = client.get(iron.get_absolute_url())
    assert response.status_code == 200 and iron.title in response.content.decode()
    assert client.get("/catalogue/").status_code == 200
