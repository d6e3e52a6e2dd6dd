"""The dose arithmetic with per-nutrient units (compliance.dosage), without the seeded catalogue.

Pure cases use unsaved model instances; the basket cases use Oscar's factories and nutrients of
their own (codes the seed does not use).
"""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from oscar.core.loading import get_model
from oscar.test.factories import create_basket, create_product

from compliance.dosage import basket_dose_warnings, dose_warnings, upper_limit_share_errors

Product = get_model("catalogue", "Product")
Nutrient = get_model("catalogue", "Nutrient")
NutrientAmount = get_model("catalogue", "NutrientAmount")

D = Decimal


def folate(**kwargs):
    return Nutrient(
        code="folate",
        name="Folate",
        unit="mcg DFE",
        daily_value=D("400"),
        upper_limit=D("1000"),
        upper_limit_unit="mcg folic acid",
        upper_limit_basis=Nutrient.RECORDED_SHARE,
        **kwargs,
    )


def vitamin_a():
    return Nutrient(
        code="vitamin-a",
        name="Vitamin A",
        unit="mcg RAE",
        daily_value=D("900"),
        upper_limit=D("3000"),
        upper_limit_unit="mcg preformed vitamin A",
        upper_limit_basis=Nutrient.RECORDED_SHARE,
    )


def magnesium():
    return Nutrient(
        code="magnesium",
        name="Magnesium",
        unit="mg",
        daily_value=D("420"),
        upper_limit=D("350"),
        upper_limit_note="from supplements only",
    )


def row(nutrient, title, amount, share=None, per_day=1):
    product = Product(title=title, servings_per_day=per_day)
    return NutrientAmount(
        product=product, nutrient=nutrient, amount=D(amount), upper_limit_amount=share
    )


# Folate: the UL is 1,000 mcg of folic acid, the label says mcg DFE.


def test_folic_acid_is_counted_in_mcg_of_folic_acid_not_dfe():
    nutrient = folate()
    # 1,200 mcg DFE a day from folic acid is 720 mcg folic acid: under the UL. The old check,
    # comparing mcg DFE with 1,000, warned here.
    assert dose_warnings([row(nutrient, "Folic Acid 400", "400", D("240"), per_day=3)]) == []

    [warning] = dose_warnings([row(nutrient, "Folic Acid 1000", "2000", D("1200"))])
    assert (warning.daily_amount, warning.upper_limit, warning.unit) == (1200, 1000, "mcg")
    assert (
        "One daily dose of Folic Acid 1000 gives 1,200 mcg of folic acid a day, above the "
        "adult upper limit of 1,000 mcg of folic acid a day" in warning.message
    )
    assert "DFE" not in warning.message


def test_methylfolate_is_not_counted_against_the_folic_acid_limit():
    nutrient = folate()
    methyl = row(nutrient, "Methylfolate 1,700 mcg DFE", "1700", D("0"))
    assert dose_warnings([methyl]) == []

    folic = row(nutrient, "Folic Acid 1,000 mcg", "1700", D("1000"))
    assert dose_warnings([methyl, folic]) == []  # 1,000 is not above 1,000

    more_folic = row(nutrient, "Folic Acid 400", "400", D("240"))
    [warning] = dose_warnings([methyl, folic, more_folic])
    assert warning.daily_amount == 1240
    assert warning.product_titles == ["Folic Acid 1,000 mcg", "Folic Acid 400"]  # not methyl
    assert (
        "Together, Folic Acid 1,000 mcg (1,000 mcg) and Folic Acid 400 (240 mcg) give 1,240 mcg "
        "of folic acid a day" in warning.message
    )


# Vitamin A: the UL counts preformed vitamin A only.


def test_vitamin_a_counts_retinol_not_beta_carotene():
    nutrient = vitamin_a()
    beta = row(nutrient, "Beta-Carotene 3,000", "3000", D("0"), per_day=2)
    assert dose_warnings([beta]) == []  # 6,000 mcg RAE a day, none of it preformed

    retinyl = row(nutrient, "Vitamin A 900", "900", D("900"))
    assert dose_warnings([beta, retinyl]) == []

    mixed = row(nutrient, "Vitamin A Mixed", "3000", D("2400"))
    [warning] = dose_warnings([beta, retinyl, mixed])
    assert warning.daily_amount == 3300
    assert warning.product_titles == ["Vitamin A 900", "Vitamin A Mixed"]
    assert "give 3,300 mcg of preformed vitamin A a day" in warning.message
    assert "upper limit of 3,000 mcg of preformed vitamin A a day" in warning.message


# A UL that counts the whole amount reads as before.


def test_magnesium_supplement_only_limit_counts_the_whole_amount_and_says_so():
    nutrient = magnesium()
    glycinate = row(nutrient, "Magnesium Glycinate 120 mg", "120", per_day=2)
    assert dose_warnings([glycinate]) == []  # 240 mg

    other = row(nutrient, "Vitamin B6 10 mg", "150")
    [warning] = dose_warnings([glycinate, other])
    assert warning.message == (
        "Together, Magnesium Glycinate 120 mg (240 mg) and Vitamin B6 10 mg (150 mg) give "
        "390 mg of magnesium a day, above the adult upper limit of 350 mg a day (from "
        "supplements only). Talk to your doctor before taking them together."
    )


def test_a_share_recorded_for_a_whole_amount_nutrient_is_not_what_counts():
    nutrient = magnesium()
    assert [w.daily_amount for w in dose_warnings([row(nutrient, "Mg", "400", D("0"))])] == [400]


def test_a_share_counting_row_without_its_share_counts_whole():
    """Rows written before the nutrient counted a share, or by a bulk insert: warn, not miss."""
    [warning] = dose_warnings([row(folate(), "Old Folate Row", "1200")])
    assert warning.daily_amount == 1200


def test_warnings_follow_the_label_order():
    rows = [
        row(magnesium(), "Mg", "400"),
        row(folate(), "Fol", "2000", D("1200")),
        row(vitamin_a(), "A", "4000", D("4000")),
    ]
    assert [w.code for w in dose_warnings(rows)] == ["vitamin-a", "folate", "magnesium"]


# The share rule on the model: every way in (dashboard, admin, seed) goes through it.


def test_a_share_counting_row_must_record_its_share():
    errors = upper_limit_share_errors(row(folate(), "Fol", "400"))
    assert "record how many mcg folic acid one serving gives" in errors["upper_limit_amount"][0]
    assert upper_limit_share_errors(row(folate(), "Methyl", "400", D("0"))) == {}
    assert upper_limit_share_errors(row(magnesium(), "Mg", "120")) == {}


def test_a_share_in_the_same_measure_cannot_exceed_the_amount():
    errors = upper_limit_share_errors(row(vitamin_a(), "A", "900", D("1500")))
    assert (
        "(1,500 mcg preformed vitamin A) is more than the amount per serving (900 mcg RAE)"
        in (errors["upper_limit_amount"][0])
    )
    assert upper_limit_share_errors(row(folate(), "Fol", "400", D("240"))) == {}
    assert upper_limit_share_errors(row(folate(), "Fol", "400", D("400.001")))


def test_a_share_in_another_measure_is_not_compared():
    nutrient = vitamin_a()
    nutrient.upper_limit_unit = "IU preformed vitamin A"
    assert upper_limit_share_errors(row(nutrient, "A", "900", D("3000"))) == {}


@pytest.mark.django_db
def test_save_and_full_clean_refuse_a_missing_share():
    nutrient = folate(position=900)
    nutrient.code = "test-folate"
    nutrient.save()
    product = create_product(title="Folate Test", is_public=False)

    with pytest.raises(ValidationError) as raised:
        NutrientAmount.objects.create(product=product, nutrient=nutrient, amount=D("400"))
    assert "upper_limit_amount" in raised.value.message_dict
    assert not NutrientAmount.objects.filter(product=product).exists()

    unsaved = NutrientAmount(product=product, nutrient=nutrient, amount=D("400"))
    with pytest.raises(ValidationError):
        unsaved.full_clean()

    unsaved.upper_limit_amount = D("240")
    unsaved.full_clean()
    unsaved.save()


# Baskets: distinct products, one query, limits read afresh.


@pytest.fixture
def test_iron(db):
    return Nutrient.objects.create(
        code="test-iron", name="Iron", unit="mg", upper_limit=D("45"), position=901
    )


def product_with(nutrient, title, amount, share=None):
    product = create_product(title=title, price=D("10"), num_in_stock=20, is_public=False)
    NutrientAmount.objects.create(
        product=product, nutrient=nutrient, amount=D(amount), upper_limit_amount=share
    )
    return product


def test_the_same_product_twice_is_one_daily_dose(test_iron):
    basket = create_basket(empty=True)
    iron_25 = product_with(test_iron, "Iron 25", "25")
    basket.add_product(iron_25, quantity=3)
    basket.add_product(iron_25)
    assert basket_dose_warnings(basket) == []


def test_two_products_add_up(test_iron):
    basket = create_basket(empty=True)
    basket.add_product(product_with(test_iron, "Iron 25", "25"))
    basket.add_product(product_with(test_iron, "Iron 30", "30"), quantity=2)
    [warning] = basket_dose_warnings(basket)
    assert (warning.code, warning.daily_amount, warning.products) == (
        "test-iron",
        55,
        (("Iron 25", 25), ("Iron 30", 30)),
    )


def test_a_limit_changed_by_staff_applies_at_once(test_iron):
    basket = create_basket(empty=True)
    basket.add_product(product_with(test_iron, "Iron 25", "25"))
    assert basket_dose_warnings(basket) == []

    Nutrient.objects.filter(pk=test_iron.pk).update(upper_limit=D("20"))
    [warning] = basket_dose_warnings(basket)
    assert "gives 25 mg of iron a day, above the adult upper limit of 20 mg a day" in (
        warning.message
    )

    Nutrient.objects.filter(pk=test_iron.pk).update(upper_limit=None)
    assert basket_dose_warnings(basket) == []


def test_a_basket_of_folic_acid_and_methylfolate(db):
    nutrient = folate(position=902)
    nutrient.code = "test-folate"
    nutrient.save()
    basket = create_basket(empty=True)
    basket.add_product(product_with(nutrient, "Methylfolate", "1700", D("0")))
    basket.add_product(product_with(nutrient, "Folic Acid", "1700", D("1000")))
    assert basket_dose_warnings(basket) == []  # 3,400 mcg DFE, but 1,000 mcg folic acid

    basket.add_product(product_with(nutrient, "Folic Acid 400", "400", D("240")))
    [warning] = basket_dose_warnings(basket)
    assert warning.daily_amount == 1240
    assert warning.product_titles == ["Folic Acid", "Folic Acid 400"]
