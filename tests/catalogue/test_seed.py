from io import StringIO

import pytest
from django.core.management import call_command
from oscar.core.loading import get_model

from catalogue import seed_data
from compliance.claims import find_disease_claims
from compliance.publishing import PRODUCT_COPY

Product = get_model("catalogue", "Product")
Nutrient = get_model("catalogue", "Nutrient")
NutrientAmount = get_model("catalogue", "NutrientAmount")
StockRecord = get_model("partner", "StockRecord")
ProductImage = get_model("catalogue", "ProductImage")

pytestmark = pytest.mark.django_db


def test_every_seeded_product_has_price_stock_image_and_nutrients():
    products = Product.objects.all()
    assert products.count() == len(seed_data.PRODUCTS) >= 9
    for product in products:
        stock = product.stockrecords.get()
        assert stock.price > 0 and stock.price_currency == "USD"
        assert stock.num_in_stock > 0
        assert product.images.exists()
        assert product.nutrient_amounts.exists()
        assert product.categories.exists()
        assert product.serving_size and product.servings_per_container


def test_the_range_covers_each_nutrient_and_a_combination():
    covered = set(NutrientAmount.objects.values_list("nutrient__code", flat=True))
    assert covered == {code for code, *_ in seed_data.NUTRIENTS}
    assert Product.objects.filter(categories__slug="combination-formulas").exists()


def test_the_seeded_copy_makes_no_disease_claims():
    for product in Product.objects.all():
        for field in PRODUCT_COPY:
            found = find_disease_claims(getattr(product, field))
            assert not found, f"{product.title} {field}: {found}"


def test_seed_is_idempotent_and_prints_progress():
    before = {
        model: model.objects.count()
        for model in (Product, Nutrient, NutrientAmount, StockRecord, ProductImage)
    }
    out = StringIO()
    call_command("seed_store", "--demo-staff", stdout=out)
    after = {model: model.objects.count() for model in before}
    assert after == before
    assert "products" in out.getvalue() and "(0 new)" in out.getvalue()
    assert "staff@example.com" in out.getvalue()


def test_nutrient_values_match_the_design_table():
    iron = Nutrient.objects.get(code="iron")
    assert (iron.daily_value, iron.upper_limit) == (18, 45)
    assert Nutrient.objects.get(code="vitamin-b12").upper_limit is None


def test_every_product_has_its_analytics_record_from_the_start(db):
    """Oscar creates it on the first count otherwise, and two first counts at once collide."""
    from oscar.core.loading import get_model

    Product = get_model("catalogue", "Product")
    assert not Product.objects.filter(stats__isnull=True).exists()
