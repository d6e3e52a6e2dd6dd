"""The cart dose check (DESIGN §6): daily amounts of the distinct products, added up per nutrient.

Two bottles of one product do not double what a customer takes in a day; two different iron
products do. Upper limits are read from the Nutrient rows on every request (nothing is cached),
so a staff edit applies at once. A nutrient without an upper limit is never checked.
"""

from dataclasses import dataclass
from decimal import Decimal

from oscar.core.loading import get_model

NutrientAmount = get_model("catalogue", "NutrientAmount")


def format_amount(value):
    """'1,000', '2.4', '65': an amount as a label prints it."""
    return f"{value.normalize():,f}"


@dataclass(frozen=True)
class DoseWarning:
    """One nutrient whose combined daily amount is above its adult upper limit (UL)."""

    code: str
    nutrient: str
    unit: str
    daily_amount: Decimal
    upper_limit: Decimal
    upper_limit_note: str
    products: tuple[tuple[str, Decimal], ...]  # (title, daily amount), one per product

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
        nutrient = self.nutrient[:1].lower() + self.nutrient[1:]
        return (
            f"{intake} {format_amount(self.daily_amount)} {unit} of {nutrient} a day, above "
            f"the adult upper limit of {format_amount(self.upper_limit)} {unit} a day{note}. "
            f"{advice}"
        )


def dose_warnings(amounts):
    """Warnings from NutrientAmount rows of distinct products (nutrient and product loaded)."""
    by_nutrient = {}
    for row in amounts:
        if row.nutrient.upper_limit is not None:
            by_nutrient.setdefault(row.nutrient, []).append(row)
    warnings = []
    for nutrient, rows in sorted(by_nutrient.items(), key=lambda item: item[0].position):
        daily = tuple(
            sorted(
                (row.product.get_title(), row.amount * row.product.servings_per_day) for row in rows
            )
        )
        total = sum(amount for _title, amount in daily)
        if total > nutrient.upper_limit:
            warnings.append(
                DoseWarning(
                    code=nutrient.code,
                    nutrient=nutrient.name,
                    unit=nutrient.unit,
                    daily_amount=total,
                    upper_limit=nutrient.upper_limit,
                    upper_limit_note=nutrient.upper_limit_note,
                    products=daily,
                )
            )
    return warnings


def basket_dose_warnings(basket):
    """The dose check for a whole basket in one query, however many lines it has."""
    product_ids = {line.product_id for line in basket.all_lines()}
    if not product_ids:
        return []
    return dose_warnings(
        NutrientAmount.objects.filter(
            product_id__in=product_ids, nutrient__upper_limit__isnull=False
        ).select_related("nutrient", "product")
    )


def product_dose_warnings(product):
    """Where one daily dose of this product alone is above a limit; uses prefetched facts."""
    return dose_warnings(product.nutrient_amounts.all())


def products_needing_advice(basket):
    """Distinct products in the basket that staff marked "doctor's advice required"."""
    products = {line.product_id: line.product for line in basket.all_lines()}
    return sorted(
        (p for p in products.values() if p.requires_doctors_advice), key=lambda p: p.get_title()
    )
