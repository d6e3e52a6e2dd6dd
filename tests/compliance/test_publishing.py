"""The publish rules hold on every way in: the model itself, the Django admin, the dashboard, the
seed. Objects are made here (factories), not taken from the seeded catalogue."""

from decimal import Decimal

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.forms.models import model_to_dict
from oscar.core.loading import get_model
from oscar.test.factories import ProductClassFactory

from catalogue import seed_data
from content import notices
from content.models import Article, Notice

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductImage = get_model("catalogue", "ProductImage")
Nutrient = get_model("catalogue", "Nutrient")
NutrientAmount = get_model("catalogue", "NutrientAmount")

pytestmark = pytest.mark.django_db

CLAIM = "Relieves restless legs at night"


@pytest.fixture
def article():
    return Article.objects.create(
        title="What research says about zinc",
        slug="zinc-test",
        summary="Zinc.",
        body="Zinc.",
        is_published=True,
        product_link_text="what research says about zinc",
    )


@pytest.fixture
def nutrient():
    return Nutrient.objects.create(code="zinc-test", name="Zinc", unit="mg")


def draft(article, **fields):
    return Product.objects.create(
        title="Zinc 15 mg",
        product_class=ProductClassFactory(),
        article=article,
        is_public=False,
        **fields,
    )


def publish(product, nutrient):
    NutrientAmount.objects.create(product=product, nutrient=nutrient, amount=Decimal("15"))
    product.is_public = True
    product.save()
    return product


def test_a_complete_product_publishes(article, nutrient):
    assert publish(draft(article), nutrient).is_public


def test_a_public_product_needs_facts(article):
    product = draft(article)
    product.is_public = True
    with pytest.raises(ValidationError, match="Supplement Facts row"):
        product.save()


def test_a_public_product_needs_a_live_article(article, nutrient):
    product = draft(None)
    NutrientAmount.objects.create(product=product, nutrient=nutrient, amount=Decimal("15"))
    product.is_public = True
    with pytest.raises(ValidationError, match="educational article"):
        product.save()
    article.is_published = False
    article.save()
    product.article = article
    with pytest.raises(ValidationError, match="not published yet"):
        product.save()


@pytest.mark.parametrize(
    "field", ["title", "description", "claims", "directions", "meta_title", "meta_description"]
)
def test_no_product_copy_may_make_a_disease_claim_even_in_a_draft(article, field):
    product = draft(article)
    setattr(product, field, CLAIM)
    with pytest.raises(ValidationError) as refused:
        product.save()
    assert field in refused.value.message_dict


def test_category_and_image_caption_copy_is_checked(article):
    with pytest.raises(ValidationError):
        Category.add_root(name="For restless legs")
    root = Category.add_root(name="Minerals test")
    root.description = "<p>Stops leg cramps at night.</p>"
    with pytest.raises(ValidationError):
        root.save()
    image = ProductImage(product=draft(article), caption="Cures RLS")
    with pytest.raises(ValidationError):
        image.save()


def test_an_article_with_public_products_stays_published(article, nutrient):
    publish(draft(article), nutrient)
    article.is_published = False
    with pytest.raises(ValidationError, match="Published products link to this article"):
        article.save()


def test_article_pin_and_link_texts_are_checked(article):
    article.pin_description = "Iron relieves restless legs — pin it!"
    with pytest.raises(ValidationError) as refused:
        article.save()
    assert "pin_description" in refused.value.message_dict
    article.pin_description = ""
    article.product_link_text = "iron for RLS"
    with pytest.raises(ValidationError):
        article.save()


def test_the_last_facts_row_of_a_public_product_cannot_be_deleted(article, nutrient):
    product = publish(draft(article), nutrient)
    with pytest.raises(ValidationError, match="last Supplement Facts row"):
        product.nutrient_amounts.get().delete()


def test_doctor_only_products_give_no_adult_dose(article):
    product = draft(article, directions="Adults: take 1 tablet daily.")
    assert product.label_directions == "Adults: take 1 tablet daily."
    product.requires_doctors_advice = True
    assert product.label_directions == "Use only as directed by your doctor."


@pytest.mark.parametrize("slug", sorted(notices.FIXED_BY_REGULATION))
def test_fixed_wordings_cannot_be_edited_or_deleted(slug):
    notice = Notice.objects.get(slug=slug)
    notice.text = "Rewritten by staff."
    with pytest.raises(ValidationError, match="fixed by 21 CFR"):
        notice.save()
    notice.refresh_from_db()
    with pytest.raises(ValidationError):
        notice.delete()
    notice.slug = "something-else"
    with pytest.raises(ValidationError):
        notice.save()


def test_other_notices_stay_editable_and_versioned():
    notice = Notice.objects.get(slug=notices.PREGNANCY)
    notice.text = "Ask a health professional before use if you are pregnant or nursing."
    notice.save()
    assert notice.version == 2


# The Django admin: every form there goes through the same model checks.


def test_admin_list_page_cannot_unpublish_an_article_with_public_products(admin_client, iron):
    article = iron.article
    articles = list(Article.objects.order_by("position", "title"))
    data = {
        "form-TOTAL_FORMS": str(len(articles)),
        "form-INITIAL_FORMS": str(len(articles)),
        "_save": "Save",
    }
    for index, item in enumerate(articles):
        data[f"form-{index}-id"] = str(item.pk)
        data[f"form-{index}-position"] = str(item.position)
        if item.pk != article.pk and item.is_published:
            data[f"form-{index}-is_published"] = "on"
    response = admin_client.post("/admin/content/article/", data)
    assert response.status_code == 200
    assert "Published products link to this article" in response.content.decode()
    article.refresh_from_db()
    assert article.is_published


def test_admin_product_form_refuses_what_the_model_refuses(rf, admin_user, article):
    product = draft(article)
    model_admin = admin.site._registry[Product]
    request = rf.get("/")
    request.user = admin_user
    form_class = model_admin.get_form(request, product)
    data = {k: v for k, v in model_to_dict(product).items() if v is not None}

    form = form_class(data={**data, "title": "Zinc that ends twitchy legs"}, instance=product)
    assert not form.is_valid() and "title" in form.errors

    form = form_class(data={**data, "is_public": True}, instance=product)
    assert not form.is_valid()
    assert "Supplement Facts row" in str(form.errors)


def test_admin_notice_page_shows_a_fixed_wording_read_only(admin_client):
    notice = Notice.objects.get(slug=notices.IRON_WARNING)
    page = admin_client.get(f"/admin/content/notice/{notice.pk}/change/").content.decode()
    assert "21 CFR 101.17(e)" in page
    assert 'name="text"' not in page


def test_dashboard_shows_a_fixed_wording_read_only_and_refuses_a_post(client, staff):
    client.force_login(staff)
    notice = Notice.objects.get(slug=notices.FDA_STATEMENT)
    url = f"/dashboard/content/notices/{notice.pk}/"
    page = client.get(url).content.decode()
    assert "21 CFR 101.93(c)" in page and 'name="text"' not in page
    client.post(url, {"title": notice.title, "text": "Rewritten."})
    notice.refresh_from_db()
    assert notice.text == dict((s, t) for s, _k, _ti, t in notices.NOTICES)[notice.slug]


def test_the_seed_cannot_publish_what_the_dashboard_refuses(monkeypatch):
    bad = dict(seed_data.PRODUCTS[0], upc="RLV-BAD-1", description="Relieves restless legs.")
    monkeypatch.setattr(seed_data, "PRODUCTS", [*seed_data.PRODUCTS, bad])
    with pytest.raises(ValidationError):
        call_command("seed_store", verbosity=0, stdout=open("/dev/null", "w"))
    assert not Product.objects.filter(upc="RLV-BAD-1", is_public=True).exists()
