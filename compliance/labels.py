"""The Supplement Facts panel (DESIGN §6): which rows, in which order, saying what.

A pure module over a product and its prefetched NutrientAmount rows (with their nutrients), so
the product page sorts and formats in Python and costs no query of its own.
"""

from dataclasses import dataclass
from decimal import Decimal

# The order vitamins and minerals take on a Supplement Facts panel: 21 CFR 101.36(b)(2)(i)(B),
# the order of 101.9(c)(8)(iv) with vitamins and minerals grouped (FDA's Dietary Supplement
# Labeling Guide, question 13; choline and fluoride as added by the 2016 rule). Codes as the
# seed spells them; a nutrient not listed here follows these, by Nutrient.position.
SUPPLEMENT_FACTS_ORDER = (
    "vitamin-a",
    "vitamin-c",
    "vitamin-d",
    "vitamin-e",
    "vitamin-k",
    "thiamin",
    "riboflavin",
    "niacin",
    "vitamin-b6",
    "folate",
    "vitamin-b12",
    "biotin",
    "pantothenic-acid",
    "choline",
    "calcium",
    "iron",
    "phosphorus",
    "iodine",
    "magnesium",
    "zinc",
    "selenium",
    "copper",
    "manganese",
    "chromium",
    "molybdenum",
    "chloride",
    "sodium",
    "potassium",
    "fluoride",
)
_RANK = {code: rank for rank, code in enumerate(SUPPLEMENT_FACTS_ORDER)}


def label_position(code):
    """Nutrient.position for a nutrient the seed creates: its place in the FDA order."""
    return _RANK.get(code, len(SUPPLEMENT_FACTS_ORDER))


def nutrient_order_key(nutrient):
    """Sort key: the FDA order first; nutrients it does not name after, by their position."""
    rank = _RANK.get(nutrient.code)
    if rank is not None:
        return (0, rank, 0, "")
    return (1, 0, nutrient.position, nutrient.name)


def format_amount(value):
    """'1,000', '2.4', '65': an amount as a label prints it."""
    return f"{value.normalize():,f}"


def percent_daily_value(amount, nutrient):
    """Whole-number %DV as the FDA panel shows it, or None where no DV is established."""
    if not nutrient.daily_value:
        return None
    return round(amount / nutrient.daily_value * 100)


def declared_amount(amount, share, nutrient):
    """'400 mcg DFE (240 mcg folic acid)': the amount, and the part of it its UL counts.

    FDA labelling declares folate with added folic acid so; any share-counting nutrient whose
    share is only part of the amount reads the same way. Where none of it counts (methylfolate)
    or all of it (retinyl palmitate) the amount alone says everything.
    """
    text = f"{format_amount(amount)} {nutrient.unit}"
    if nutrient.counts_recorded_share and share and share != amount:
        text += f" ({format_amount(share)} {nutrient.limit_unit})"
    return text


@dataclass(frozen=True)
class FactsRow:
    """One nutrient line of the panel, per serving and (where it differs) per day."""

    code: str
    name: str
    source_form: str
    amount: str
    percent_daily_value: int | None
    daily_amount: str
    daily_percent_daily_value: int | None

    @property
    def amount_lines(self):
        """The amount and its counted share, a line each: "400 mcg DFE", "(240 mcg folic acid)"."""
        return _lines(self.amount)

    @property
    def daily_amount_lines(self):
        return _lines(self.daily_amount)


def _lines(declared):
    amount, _, share = declared.partition(" (")
    return (amount, f"({share}") if share else (amount,)


@dataclass(frozen=True)
class SupplementFacts:
    serving_size: str
    servings_per_container: int | None
    servings_per_day: int
    rows: tuple[FactsRow, ...]

    @property
    def shows_daily_amounts(self):
        """With more than one serving a day, the panel adds the amounts per day."""
        return self.servings_per_day > 1

    @property
    def has_no_daily_value(self):
        """Whether the "† Daily Value not established" footnote is needed."""
        return any(row.percent_daily_value is None for row in self.rows)


def supplement_facts(product):
    """The panel of a product, rows in the FDA order, from its prefetched nutrient rows."""
    per_day = Decimal(product.servings_per_day or 1)
    amounts = sorted(product.nutrient_amounts.all(), key=lambda r: nutrient_order_key(r.nutrient))
    rows = []
    for row in amounts:
        nutrient, share = row.nutrient, row.upper_limit_amount
        daily = row.amount * per_day
        rows.append(
            FactsRow(
                code=nutrient.code,
                name=nutrient.name,
                source_form=row.source_form,
                amount=declared_amount(row.amount, share, nutrient),
                percent_daily_value=percent_daily_value(row.amount, nutrient),
                daily_amount=declared_amount(
                    daily, None if share is None else share * per_day, nutrient
                ),
                daily_percent_daily_value=percent_daily_value(daily, nutrient),
            )
        )
    return SupplementFacts(
        serving_size=product.serving_size,
        servings_per_container=product.servings_per_container,
        servings_per_day=int(per_day),
        rows=tuple(rows),
    )
