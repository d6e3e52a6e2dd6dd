"""The dose arithmetic (DESIGN §6): daily amounts of the distinct products, added up per nutrient,
each counted in the unit its adult upper limit (UL) is expressed in.

Two bottles of one product do not double what a customer takes in a day; two different iron
products do. Most ULs count the whole amount per serving. Some count a share only, which each
product's row records (`NutrientAmount.upper_limit_amount`, in `Nutrient.upper_limit_unit`):
folate is labelled in mcg DFE but its UL is 1,000 mcg of folic acid, so methylfolate counts 0;
the vitamin A UL counts preformed vitamin A, so beta-carotene counts 0.

Upper limits are read from the Nutrient rows on every request (nothing is cached), so a staff
edit applies at once. A nutrient without an upper limit is never checked.
"""

from dataclasses import dataclass
from decimal import Decimal

from oscar.core.loading import get_model

from compliance.labels import format_amount, nutrient_order_key
from shop.request_memo import memoised


def limit_terms(nutrient):
    """(unit, what the UL counts) for the dose sentence.

    ('mcg', 'folic acid') for a UL in 'mcg folic acid'; (nutrient.unit, '') where the UL is in
    the amount's own unit and counts the nutrient itself.
    """
    if not nutrient.upper_limit_unit:
        return nutrient.unit, ""
    unit, _, counts = nutrient.upper_limit_unit.strip().partition(" ")
    return unit, counts.strip()


def counted_amount(row):
    """Per serving, in the nutrient's UL unit: what of this row counts against the UL.

    A share-counting nutrient's row always records its share (NutrientAmount.clean); a row
    written before its nutrient began counting a share, or by a bulk insert, counts whole, on
    the side of warning rather than not.
    """
    if row.nutrient.counts_recorded_share and row.upper_limit_amount is not None:
        return row.upper_limit_amount
    return row.amount


def upper_limit_share_errors(row):
    """The share rule for one NutrientAmount, as {field: [message]} ({} when it holds).

    Where a nutrient's UL counts a share, each row must record it (0 allowed: methylfolate,
    beta-carotene). When the UL unit and the label unit share their measure (mcg and mcg DFE,
    mcg and mcg RAE) the share is part of the amount, so it cannot be larger; where they do not
    (mg and IU), no comparison is made.
    """
    nutrient, share = row.nutrient, row.upper_limit_amount
    if not nutrient.counts_recorded_share:
        return {}
    limit_unit = nutrient.limit_unit
    if share is None:
        return {
            "upper_limit_amount": [
                f"{nutrient.name}'s upper limit counts only part of the amount, in "
                f"{limit_unit}: record how many {limit_unit} one serving gives "
                f"(0 if none of it counts, e.g. methylfolate or beta-carotene)."
            ]
        }
    measure = limit_unit.split(" ", 1)[0]
    if row.amount is not None and measure == nutrient.unit.split(" ", 1)[0] and share > row.amount:
        return {
            "upper_limit_amount": [
                f"The share counted against the upper limit ({format_amount(share)} "
                f"{limit_unit}) is more than the amount per serving ({format_amount(row.amount)} "
                f"{nutrient.unit}): both are in {measure} and the share is part of the amount."
            ]
        }
    return {}


@dataclass(frozen=True)
class DoseWarning:
    """One nutrient whose combined daily amount is above its adult upper limit (UL).

    Amounts are in the UL's unit: `unit` is its measure ('mg', 'mcg') and `counts` what it
    counts where that is not the nutrient as a whole ('folic acid', 'preformed vitamin A').
    """

    code: str
    nutrient: str
    unit: str
    daily_amount: Decimal
    upper_limit: Decimal
    upper_limit_note: str
    products: tuple[tuple[str, Decimal], ...]  # (title, daily amount), one per product
    counts: str = ""

    @property
    def product_titles(self):
        return [title for title, _amount in self.products]

    @property
    def title(self):
        return f"{self.nutrient}: above the daily upper limit"

    @property
    def message(self):
        """The sentence the cart, the preview, the order record and the email all show."""
        unit = self.unit
        if len(self.products) == 1:
            intake = f"One daily dose of {self.products[0][0]} gives"
            advice = "Talk to your doctor before taking it."
        else:
            parts = [f"{title} ({format_amount(amount)} {unit})" for title, amount in self.products]
            intake = f"Together, {', '.join(parts[:-1])} and {parts[-1]} give"
            advice = "Talk to your doctor before taking them together."
        note = f" ({self.upper_limit_note})" if self.upper_limit_note else ""
        if self.counts:
            counted = f"{unit} of {self.counts}"
            limit = f"{format_amount(self.upper_limit)} {unit} of {self.counts}"
        else:
            counted = f"{unit} of {self.nutrient[:1].lower()}{self.nutrient[1:]}"
            limit = f"{format_amount(self.upper_limit)} {unit}"
        return (
            f"{intake} {format_amount(self.daily_amount)} {counted} a day, above "
            f"the adult upper limit of {limit} a day{note}. {advice}"
        )


def dose_warnings(amounts):
    """Warnings from NutrientAmount rows of distinct products (nutrient and product loaded).

    A product whose row counts nothing against the UL (methylfolate, beta-carotene) is not
    named in the sentence.
    """
    by_nutrient = {}
    for row in amounts:
        nutrient = row.nutrient
        if nutrient.upper_limit is None:
            continue
        daily = counted_amount(row) * row.product.servings_per_day
        if daily:
            rows = by_nutrient.setdefault(nutrient.code, (nutrient, []))[1]
            rows.append((row.product.get_title(), daily))
    warnings = []
    for nutrient, daily in sorted(
        by_nutrient.values(), key=lambda item: nutrient_order_key(item[0])
    ):
        total = sum(amount for _title, amount in daily)
        if total > nutrient.upper_limit:
            unit, counts = limit_terms(nutrient)
            warnings.append(
                DoseWarning(
                    code=nutrient.code,
                    nutrient=nutrient.name,
                    unit=unit,
                    counts=counts,
                    daily_amount=total,
                    upper_limit=nutrient.upper_limit,
                    upper_limit_note=nutrient.upper_limit_note,
                    products=tuple(sorted(daily)),
                )
            )
    return warnings


def basket_dose_warnings(basket):
    """The dose check for a whole basket in one query, however many lines it has; once per
    request for the same products (the view and the template both ask)."""
    product_ids = tuple(sorted({line.product_id for line in basket.all_lines()}))
    if not product_ids:
        return []
    NutrientAmount = get_model("catalogue", "NutrientAmount")
    amounts = NutrientAmount.objects.filter(
        product_id__in=product_ids, nutrient__upper_limit__isnull=False
    ).select_related("nutrient", "product")
    return memoised(("basket_dose_warnings", product_ids), lambda: dose_warnings(amounts))


def product_dose_warnings(product):
    """Where one daily dose of this product alone is above a limit; uses prefetched facts.
    Once per request per product."""
    if product.pk is None:
        return dose_warnings(product.nutrient_amounts.all())
    return memoised(
        ("product_dose_warnings", product.pk),
        lambda: dose_warnings(product.nutrient_amounts.all()),
    )


def products_needing_advice(basket):
    """Distinct products in the basket that staff marked "doctor's advice required"."""
    products = {line.product_id: line.product for line in basket.all_lines()}
    return sorted(
        (p for p in products.values() if p.requires_doctors_advice), key=lambda p: p.get_title()
    )
