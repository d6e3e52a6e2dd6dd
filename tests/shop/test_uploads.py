"""Every image staff upload, through the dashboard or the Django admin, gets the same checks
(shop/images.py): size, real image content and megapixels."""

import io
import os

import pytest
from django.apps import apps
from django.db import models
from oscar.core.loading import get_model
from PIL import Image

from content.models import Article
from shop.images import MAX_BYTES, MAX_PIXELS, validate_image_upload

Category = get_model("catalogue", "Category")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductImage = get_model("catalogue", "ProductImage")

pytestmark = pytest.mark.django_db

TOO_LARGE = "the limit is 5 MB"
TOO_MANY_PIXELS = "the limit is 25 megapixels"


def png(size, *, noise=False):
    """A real PNG: white compresses to almost nothing, noise does not compress at all."""
    width, height = size
    if noise:
        image = Image.frombytes("RGB", size, os.urandom(width * height * 3))
    else:
        image = Image.new("RGB", size, "white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bad_images():
    large = png((1400, 1400), noise=True)  # under 2 megapixels, over 5 MB
    many_pixels = png((6000, 6000))  # 36 megapixels in a few kilobytes
    assert len(large) > MAX_BYTES and 1400 * 1400 < MAX_PIXELS
    assert len(many_pixels) < MAX_BYTES and 6000 * 6000 > MAX_PIXELS
    return {TOO_LARGE: ("large.png", large), TOO_MANY_PIXELS: ("bomb.png", many_pixels)}


BAD = pytest.mark.parametrize("error", [TOO_LARGE, TOO_MANY_PIXELS])


def form_with(page, field):
    """The page's form that has this field (some dashboard forms have no id)."""
    return next(form for form in page.forms.values() if field in form.fields)


def test_every_image_field_carries_the_checks():
    image_fields = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.ImageField)
    ]
    assert {
        "catalogue.Category.image",
        "catalogue.ProductImage.original",
        "catalogue.ProductAttributeValue.value_image",
        "content.Article.hero_image",
    } <= set(image_fields)  # the canary: the search found the fields we know of
    for label in image_fields:
        model_label, name = label.rsplit(".", 1)
        field = apps.get_model(model_label)._meta.get_field(name)
        assert validate_image_upload in field.validators, label


# The dashboard


def category_form(django_app, staff, category):
    url = f"/dashboard/catalogue/categories/{category.pk}/update/"
    return form_with(django_app.get(url, user=staff), "image")


@BAD
def test_the_dashboard_category_form_refuses_a_bad_image(django_app, staff, bad_images, error):
    category = Category.objects.first()
    form = category_form(django_app, staff, category)
    form["image"] = bad_images[error]
    page = form.submit()
    assert page.status_code == 200 and error in page.text
    category.refresh_from_db()
    assert not category.image


def test_the_dashboard_category_form_takes_a_good_image(django_app, staff):
    category = Category.objects.first()
    form = category_form(django_app, staff, category)
    form["image"] = ("minerals.png", png((120, 80)))
    assert form.submit().status_code == 302
    category.refresh_from_db()
    assert category.image.name.startswith("categories/minerals")


@BAD
def test_the_dashboard_article_form_refuses_a_bad_image(django_app, staff, bad_images, error):
    article = Article.objects.first()
    page = django_app.get(f"/dashboard/content/articles/{article.pk}/", user=staff)
    form = form_with(page, "hero_image")
    form["hero_image"] = bad_images[error]
    page = form.submit()
    assert page.status_code == 200 and error in page.text
    article.refresh_from_db()
    assert not article.hero_image or not article.hero_image.name.endswith(bad_images[error][0])


def test_a_dashboard_image_attribute_gets_the_checks(django_app, staff, iron, bad_images):
    ProductAttribute.objects.create(
        product_class=iron.get_product_class(), name="Label scan", code="label_scan", type="image"
    )
    url = f"/dashboard/catalogue/products/{iron.pk}/"
    form = form_with(django_app.get(url, user=staff), "attr_label_scan")
    form["attr_label_scan"] = bad_images[TOO_MANY_PIXELS]
    page = form.submit()
    assert page.status_code == 200 and TOO_MANY_PIXELS in page.text
    assert not iron.attribute_values.filter(attribute__code="label_scan").exists()


# The Django admin


def article_admin_form(django_app, staff, article):
    page = django_app.get(f"/admin/content/article/{article.pk}/change/", user=staff)
    return form_with(page, "hero_image")


@BAD
def test_the_admin_article_form_refuses_a_bad_image(django_app, staff, bad_images, error):
    article = Article.objects.first()
    before = article.hero_image.name
    form = article_admin_form(django_app, staff, article)
    form["hero_image"] = bad_images[error]
    page = form.submit("_save")
    assert page.status_code == 200 and error in page.text
    article.refresh_from_db()
    assert article.hero_image.name == before


def test_the_admin_article_form_takes_a_good_image(django_app, staff):
    article = Article.objects.first()
    form = article_admin_form(django_app, staff, article)
    form["hero_image"] = ("hero.png", png((120, 80)))
    assert form.submit("_save").status_code == 302
    article.refresh_from_db()
    assert article.hero_image.name.startswith("articles/hero")


@BAD
def test_the_admin_category_and_product_image_forms_refuse_a_bad_image(
    django_app, staff, iron, bad_images, error
):
    category = Category.objects.first()
    page = django_app.get(f"/admin/catalogue/category/{category.pk}/change/", user=staff)
    form = form_with(page, "image")
    form["image"] = bad_images[error]
    page = form.submit("_save")
    assert page.status_code == 200 and error in page.text

    form = form_with(django_app.get("/admin/catalogue/productimage/add/", user=staff), "original")
    form["product"].force_value(str(iron.pk))  # an autocomplete: no options until typed
    form["original"] = bad_images[error]
    page = form.submit("_save")
    assert page.status_code == 200 and error in page.text
    assert not ProductImage.objects.filter(product=iron, original__contains="bomb").exists()
    assert not ProductImage.objects.filter(product=iron, original__contains="large").exists()
