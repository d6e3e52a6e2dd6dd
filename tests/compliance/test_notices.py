"""notices_for: which notices each kind of page carries, where, and each only once.

Pure: products are small stand-ins and the wordings are the seeded ones (no database).
"""

from dataclasses import dataclass, field

import pytest

from compliance import notices as compliance
from compliance.notices import (
    ARTICLE,
    BUY_BOX,
    CART,
    CHECKOUT,
    CLAIMS,
    CONTEXTS,
    FOOTER,
    LINES,
    MAIN,
    ORDER,
    PAGE,
    PRODUCT,
    WARNINGS,
    at,
    notices_for,
)
from content import notices as wording


@dataclass
class StandIn:
    pk: int
    title: str
    claim_list: list = field(default_factory=list)

    def get_title(self):
        return self.title


IRON_25 = StandIn(1, "Iron 25 mg", ["Supports healthy red blood cell formation", "Supports x"])
IRON_65 = StandIn(2, "Iron 65 mg", ["Supports healthy red blood cell formation"])
MAGNESIUM = StandIn(3, "Magnesium 120 mg", ["Supports normal muscle function"])
NO_CLAIMS = StandIn(4, "Plain capsule")
BY_NOTICE = {
    wording.IRON_WARNING: frozenset({1, 2}),
    "magnesium-warning": frozenset({3}),
}


@pytest.fixture(autouse=True)
def no_database(monkeypatch):
    """The seeded wordings stand in for the rows, as they do when a row is missing."""
    monkeypatch.setattr(compliance, "notices_by_slug", dict)


def place(products, context):
    return notices_for(products, context=context, products_by_notice=BY_NOTICE)


def slugs(placed, placement=None):
    return [n.slug for n in (at(placed, placement) if placement else placed)]


def test_an_iron_product_page_shows_each_notice_in_its_place():
    placed = place([IRON_25], PRODUCT)
    assert slugs(placed, BUY_BOX) == [wording.IRON_WARNING]
    assert slugs(placed, CLAIMS) == [wording.FDA_STATEMENT]  # two claims: plural
    assert slugs(placed, WARNINGS) == [wording.PREGNANCY, wording.MEDICAL_ADVICE]
    assert slugs(placed, FOOTER) == []  # the footer repeats nothing the content shows


def test_one_claim_takes_the_singular_fda_statement():
    placed = place([IRON_65], PRODUCT)
    assert slugs(placed, CLAIMS) == [wording.FDA_STATEMENT_SINGLE]
    assert at(placed, CLAIMS)[0].text.startswith("This statement has not been evaluated")


def test_a_product_without_claims_leaves_the_fda_statement_to_the_footer():
    placed = place([NO_CLAIMS], PRODUCT)
    assert slugs(placed, CLAIMS) == []
    assert slugs(placed, FOOTER) == [wording.FDA_STATEMENT]
    assert wording.IRON_WARNING not in slugs(placed)


def test_a_nutrient_warning_follows_from_the_facts():
    placed = place([MAGNESIUM], PRODUCT)
    assert "magnesium-warning" in slugs(placed, WARNINGS)
    assert wording.IRON_WARNING not in slugs(placed)


def test_a_cart_with_two_iron_products_shows_one_iron_warning_naming_both():
    placed = place([IRON_25, MAGNESIUM, IRON_65, IRON_25], CART)
    iron = [n for n in placed if n.is_iron_warning]
    assert len(iron) == 1
    assert iron[0].placement == LINES
    assert iron[0].products == ("Iron 25 mg", "Iron 65 mg")
    assert slugs(placed, MAIN) == [wording.MEDICAL_ADVICE]
    assert slugs(placed, FOOTER) == [wording.FDA_STATEMENT]


def test_checkout_is_placed_like_the_cart():
    assert place([IRON_25], CHECKOUT) == place([IRON_25], CART)


def test_pages_without_products_leave_the_site_notices_to_the_footer():
    assert slugs(place([], PAGE), FOOTER) == [wording.MEDICAL_ADVICE, wording.FDA_STATEMENT]
    article = place([], ARTICLE)
    assert slugs(article, MAIN) == [wording.MEDICAL_ADVICE]
    assert slugs(article, FOOTER) == [wording.FDA_STATEMENT]


def test_an_order_records_every_notice_that_applied_with_the_products_it_concerns():
    placed = place([IRON_25, MAGNESIUM], ORDER)
    assert slugs(placed) == [
        wording.MEDICAL_ADVICE,
        wording.FDA_STATEMENT,
        wording.IRON_WARNING,
        "magnesium-warning",
        wording.PREGNANCY,
    ]
    assert {n.placement for n in placed} == {MAIN}
    assert placed[2].products == ("Iron 25 mg",)
    assert placed[3].products == ("Magnesium 120 mg",)


@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize(
    "products", [[], [IRON_25], [IRON_25, IRON_65, MAGNESIUM], [NO_CLAIMS, MAGNESIUM]]
)
def test_every_context_shows_each_notice_once(context, products):
    placed = place(products, context)
    kinds = ["fda" if n.is_fda_statement else n.slug for n in placed]
    assert len(kinds) == len(set(kinds)), kinds
    assert wording.MEDICAL_ADVICE in kinds  # DESIGN §5: on every page, order and email


def test_the_fixed_wordings_are_the_regulations_words():
    placed = place([IRON_25], PRODUCT)
    iron = at(placed, BUY_BOX)[0]
    assert iron.text.startswith("WARNING: Accidental overdose of iron-containing products")
    assert iron.version == 0  # the seeded stand-in: no row in this test


def test_an_unknown_context_is_an_error():
    with pytest.raises(ValueError):
        notices_for([], context="sidebar", products_by_notice={})
