"""The Supplement Facts panel (compliance.labels): FDA order, folate's folic acid, daily amounts."""

from decimal import Decimal
from types import SimpleNamespace

from oscar.core.loading import get_model

from compliance.labels import (
    SUPPLEMENT_FACTS_ORDER,
    label_position,
    nutrient_order_key,
    supplement_facts,
)

Nutrient = get_model("catalogue", "Nutrient")
NutrientAmount = get_model("catalogue", "NutrientAmount")

D = Decimal

NUTRIENTS = {
    "iron": ("Iron", "mg", "18", "", Nutrient.WHOLE_AMOUNT),
    "magnesium": ("Magnesium", "mg", "420", "", Nutrient.WHOLE_AMOUNT),
    "folate": ("Folate", "mcg DFE", "400", "mcg folic acid", Nutrient.RECORDED_SHARE),
    "vitamin-b12": ("Vitamin B12", "mcg", "2.4", "", Nutrient.WHOLE_AMOUNT),
    "vitamin-e": ("Vitamin E", "mg alpha-tocopherol", "15", "", Nutrient.WHOLE_AMOUNT),
    "vitamin-b6": ("Vitamin B6", "mg", "1.7", "", Nutrient.WHOLE_AMOUNT),
    "thiamin": ("Thiamin", "mg", "1.2", "", Nutrient.WHOLE_AMOUNT),
    "vitamin-a": (
        "Vitamin A",
        "mcg RAE",
        "900",
        "mcg preformed vitamin A",
        Nutrient.RECORDED_SHARE,
    ),
}


def nutrient(code, position=0):
    name, unit, dv, ul_unit, basis = NUTRIENTS.get(code, (code.title(), "mg", None, "", "whole"))
    return Nutrient(
        code=code,
        name=name,
        unit=unit,
        daily_value=D(dv) if dv else None,
        upper_limit_unit=ul_unit,
        upper_limit_basis=basis,
        position=position,
    )


def product(rows, *, servings_per_day=1):
    """A product as the page has it: attributes and prefetched rows, nothing else."""
    amounts = [
        NutrientAmount(nutrient=n, amount=D(amount), upper_limit_amount=share, source_form=form)
        for n, amount, share, form in rows
    ]
    return SimpleNamespace(
        serving_size="1 tablet",
        servings_per_container=60,
        servings_per_day=servings_per_day,
        nutrient_amounts=SimpleNamespace(all=lambda: amounts),
    )


def test_the_fda_order_lists_the_vitamins_then_the_minerals_with_iron_after_calcium():
    order = SUPPLEMENT_FACTS_ORDER
    assert order[:5] == ("vitamin-a", "vitamin-c", "vitamin-d", "vitamin-e", "vitamin-k")
    assert order.index("vitamin-b6") < order.index("folate") < order.index("vitamin-b12")
    assert order.index("calcium") + 1 == order.index("iron")
    assert order.index("iron") < order.index("magnesium") < order.index("zinc")
    assert len(set(order)) == len(order)
    for code in NUTRIENTS:  # every nutrient the store sells has its place
        assert code in order


def test_the_daily_complex_panel_is_in_fda_order_not_iron_first():
    facts = supplement_facts(
        product(
            [  # as the seed lists them
                (nutrient("iron", 0), "18", None, "as ferrous bisglycinate chelate"),
                (nutrient("folate", 2), "400", D("240"), "as folic acid"),
                (nutrient("vitamin-b12", 3), "25", None, "as methylcobalamin"),
                (nutrient("vitamin-b6", 5), "2", None, "as pyridoxal-5'-phosphate"),
                (nutrient("thiamin", 6), "1.5", None, "as thiamin hydrochloride"),
            ]
        )
    )
    assert [row.code for row in facts.rows] == [
        "thiamin",
        "vitamin-b6",
        "folate",
        "vitamin-b12",
        "iron",
    ]


def test_nutrients_outside_the_fda_list_follow_it_by_position():
    rows = [
        (nutrient("coenzyme-q10", 2), "100", None, ""),
        (nutrient("iron"), "18", None, ""),
        (nutrient("l-theanine", 1), "50", None, ""),
        (nutrient("vitamin-a"), "900", D("900"), ""),
    ]
    facts = supplement_facts(product(rows))
    assert [row.code for row in facts.rows] == ["vitamin-a", "iron", "l-theanine", "coenzyme-q10"]
    assert nutrient_order_key(nutrient("zinc")) < nutrient_order_key(nutrient("boron"))


def test_the_seed_position_is_the_fda_place():
    assert label_position("vitamin-a") < label_position("thiamin") < label_position("iron")
    assert label_position("iron") < label_position("magnesium")
    assert label_position("something-new") == len(SUPPLEMENT_FACTS_ORDER)


def test_folate_shows_its_folic_acid_and_methylfolate_does_not():
    folic = supplement_facts(product([(nutrient("folate"), "400", D("240"), "as folic acid")]))
    [row] = folic.rows
    assert (row.amount, row.percent_daily_value) == ("400 mcg DFE (240 mcg folic acid)", 100)

    methyl = supplement_facts(product([(nutrient("folate"), "400", D("0"), "as L-methylfolate")]))
    assert methyl.rows[0].amount == "400 mcg DFE"


def test_all_preformed_vitamin_a_reads_as_the_amount_alone():
    facts = supplement_facts(product([(nutrient("vitamin-a"), "900", D("900"), "")]))
    assert facts.rows[0].amount == "900 mcg RAE"
    mixed = supplement_facts(product([(nutrient("vitamin-a"), "1500", D("600"), "")]))
    assert mixed.rows[0].amount == "1,500 mcg RAE (600 mcg preformed vitamin A)"


def test_two_servings_a_day_give_the_daily_amounts():
    facts = supplement_facts(
        product(
            [
                (nutrient("magnesium"), "120", None, "as magnesium bisglycinate"),
                (nutrient("folate"), "400", D("240"), ""),
                (nutrient("vitamin-b12"), "1000", None, ""),
            ],
            servings_per_day=2,
        )
    )
    assert facts.shows_daily_amounts
    folate, b12, magnesium = facts.rows
    assert (magnesium.amount, magnesium.percent_daily_value) == ("120 mg", 29)
    assert (magnesium.daily_amount, magnesium.daily_percent_daily_value) == ("240 mg", 57)
    assert folate.daily_amount == "800 mcg DFE (480 mcg folic acid)"
    assert b12.daily_amount == "2,000 mcg"


def test_one_serving_a_day_needs_no_daily_column_and_a_dagger_only_without_a_dv():
    facts = supplement_facts(product([(nutrient("iron"), "25", None, "")]))
    assert not facts.shows_daily_amounts
    assert not facts.has_no_daily_value
    no_dv = supplement_facts(product([(nutrient("inositol"), "500", None, "")]))
    assert no_dv.has_no_daily_value and no_dv.rows[0].percent_daily_value is None
