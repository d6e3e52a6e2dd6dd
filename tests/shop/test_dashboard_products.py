"""The dashboard product form: supplement facts, the article link and the disease-claim check."""

import pytest
from oscar.core.loading import get_model

from content.models import Article

Product = get_model("catalogue", "Product")
Nutrient = get_model("catalogue", "Nutrient")
Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db


def product_form(django_app, staff, url):
    return django_app.get(url, user=staff).forms["create_update_product_form"]


def test_product_form_has_supplement_fields_and_nutrient_rows(django_app, staff, iron):
    form = product_form(django_app, staff, f"/dashboard/catalogue/products/{iron.pk}/")
    for field in ("article", "claims", "directions", "other_ingredients", "serving_size"):
        assert field in form.fields
    assert form["nutrient_amounts-0-nutrient"].value == str(Nutrient.objects.get(code="iron").pk)
    assert form["nutrient_amounts-0-amount"].value.startswith("25")


@pytest.mark.parametrize(
    "field, text",
    [
        ("title", "Iron for RLS"),
        ("claims", "Relieves restless legs at night"),
        ("description", "<p>Helps prevent anemia.</p>"),
    ],
)
def test_a_disease_claim_is_refused_with_an_explanation(django_app, staff, iron, field, text):
    form = product_form(django_app, staff, f"/dashboard/catalogue/products/{iron.pk}/")
    form[field] = text
    page = form.submit()
    assert page.status_code == 200
    assert "reads as a disease claim" in page.text
    assert "describe instead what the nutrient does in a healthy body" in page.text
    iron.refresh_from_db()
    assert getattr(iron, field) != text


def test_a_public_product_needs_an_article(django_app, staff, iron):
    form = product_form(django_app, staff, f"/dashboard/catalogue/products/{iron.pk}/")
    form["article"] = ""
    page = form.submit()
    assert "Choose the educational article" in page.text
    iron.refresh_from_db()
    assert iron.article_id


def test_a_draft_product_may_wait_for_its_article(django_app, staff, iron):
    form = product_form(django_app, staff, f"/dashboard/catalogue/products/{iron.pk}/")
    form["article"] = ""
    form["is_public"] = False
    assert form.submit().status_code == 302
    iron.refresh_from_db()
    assert iron.article_id is None and not iron.is_public


def test_editing_a_nutrient_amount_updates_the_facts_panel(django_app, staff, iron, client):
    form = product_form(django_app, staff, f"/dashboard/catalogue/products/{iron.pk}/")
    form["nutrient_amounts-0-amount"] = "18"
    assert form.submit().status_code == 302
    page = client.get(iron.get_absolute_url()).content.decode()
    assert "18 mg" in page and "100%" in page  # 18 mg is 100% of iron's 18 mg Daily Value


def test_a_nutrient_listed_twice_is_refused(django_app, staff, iron):
    form = product_form(django_app, staff, f"/dashboard/catalogue/products/{iron.pk}/")
    form["nutrient_amounts-1-nutrient"] = str(Nutrient.objects.get(code="iron").pk)
    form["nutrient_amounts-1-amount"] = "5"
    page = form.submit()
    assert "Iron is listed twice" in page.text


def test_staff_create_a_product_that_shows_with_its_article_and_notices(django_app, staff):
    article = Article.objects.get(slug="iron-and-rls")
    form = product_form(django_app, staff, "/dashboard/catalogue/products/create/supplement/")
    form["title"] = "Gentle Iron 18 mg"
    form["upc"] = "RLV-IRON-18"
    form["description"] = "<p>A gentle daily iron.</p>"
    form["article"] = str(article.pk)
    form["claims"] = "Supports normal oxygen transport"
    form["serving_size"] = "1 capsule"
    form["servings_per_day"] = "1"
    form["productcategory_set-0-category"] = str(Category.objects.get(name="Minerals").pk)
    form["stockrecords-0-partner"] = str(Partner.objects.get().pk)
    form["stockrecords-0-partner_sku"] = "RLV-IRON-18"
    form["stockrecords-0-num_in_stock"] = "40"
    form["stockrecords-0-price"] = "9.95"
    form["nutrient_amounts-0-nutrient"] = str(Nutrient.objects.get(code="iron").pk)
    form["nutrient_amounts-0-amount"] = "18"
    response = form.submit()
    assert response.status_code == 302, response.text[:2000]

    product = Product.objects.get(upc="RLV-IRON-18")
    page = django_app.get(product.get_absolute_url(), user=None).text
    assert "Learn more: " + article.link_text in page
    assert "Supports normal oxygen transport*" in page
    assert "Accidental overdose of iron-containing products" in page  # the iron warning
    assert "Supplement Facts" in page and "$9.95" in page
    article_page = django_app.get(article.get_absolute_url(), user=None).text
    assert "Gentle Iron 18 mg" in article_page


def test_staff_mark_a_product_doctors_advice_required(django_app, staff, iron):
    form = product_form(django_app, staff, f"/dashboard/catalogue/products/{iron.pk}/")
    form["requires_doctors_advice"] = True
    assert form.submit().status_code == 302
    iron.refresh_from_db()
    assert iron.requires_doctors_advice


def png_bytes(size=(40, 40)):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, content, error",
    [
        ("notes.png", b"this is not an image", "Upload a valid image"),
        ("bomb.png", "BOMB", "the limit is 25 megapixels"),
    ],
)
def test_uploaded_product_images_are_checked(django_app, staff, iron, name, content, error):
    if content == "BOMB":
        content = png_bytes((6000, 6000))  # 36 megapixels in a few kilobytes
    form = product_form(django_app, staff, f"/dashboard/catalogue/products/{iron.pk}/")
    form["images-1-original"] = (name, content)
    page = form.submit()
    assert page.status_code == 200 and error in page.text
    assert iron.images.count() == 1


def test_a_real_product_image_is_accepted(django_app, staff, iron):
    form = product_form(django_app, staff, f"/dashboard/catalogue/products/{iron.pk}/")
    form["images-1-original"] = ("extra.png", png_bytes())
    assert form.submit().status_code == 302
    assert iron.images.count() == 2


def test_the_seo_fields_appear_once_inside_the_form(client, staff, iron):
    client.force_login(staff)
    page = client.get(f"/dashboard/catalogue/products/{iron.pk}/").content.decode()
    assert page.count('id="id_meta_title"') == 1
    assert page.index('id="create_update_product_form"') < page.index('id="id_meta_title"')
