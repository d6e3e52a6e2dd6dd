"""The store's catalogue: Oscar's Product plus supplement facts (DESIGN §3, §6)."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from oscar.apps.catalogue.abstract_models import AbstractProduct


class Product(AbstractProduct):
    """An Oscar product that knows what is in one serving, how to take it, and its article."""

    article = models.ForeignKey(
        "content.Article",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="products",
        help_text="The educational article about this product's nutrient (required to publish).",
    )
    claims = models.TextField(
        blank=True,
        help_text="Structure/function claims, one per line. Each is shown with a '*'.",
    )
    directions = models.TextField(blank=True)
    other_ingredients = models.TextField(blank=True)
    allergens = models.CharField(max_length=255, blank=True)
    serving_size = models.CharField(max_length=64, blank=True, help_text="e.g. '1 capsule'")
    servings_per_container = models.PositiveSmallIntegerField(null=True, blank=True)
    servings_per_day = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(1)],
        help_text="From the directions; the daily amount of a nutrient is per serving × this.",
    )
    requires_doctors_advice = models.BooleanField(
        "doctor's advice required",
        default=False,
        help_text=(
            "Customers must confirm they take this on their doctor's advice before ordering it, "
            "e.g. when one daily dose is above a nutrient's upper limit."
        ),
    )

    def get_product_class(self):
        """From a cached map: the cart and the stock policy ask for it once per line."""
        if self.is_child:
            return self.parent.get_product_class()
        from catalogue.selectors import product_classes

        return product_classes().get(self.product_class_id) or self.product_class

    @property
    def claim_list(self):
        return [line.strip() for line in self.claims.splitlines() if line.strip()]

    @property
    def warning_notice_slugs(self):
        """Warnings that follow from the facts: a product with iron carries the iron warning."""
        slugs = [
            row.nutrient.notice.slug for row in self.nutrient_amounts.all() if row.nutrient.notice
        ]
        return list(dict.fromkeys(slugs))


class Nutrient(models.Model):
    """A vitamin or mineral with its FDA Daily Value and adult Tolerable Upper Intake Level."""

    code = models.SlugField(unique=True)
    name = models.CharField(max_length=64)
    unit = models.CharField(max_length=32, help_text="e.g. mg, mcg, mcg DFE, mg alpha-tocopherol")
    daily_value = models.DecimalField(
        max_digits=10, decimal_places=3, null=True, blank=True, help_text="FDA Daily Value"
    )
    upper_limit = models.DecimalField(
        max_digits=10, decimal_places=3, null=True, blank=True, help_text="Adult UL"
    )
    upper_limit_note = models.CharField(max_length=128, blank=True)
    notice = models.ForeignKey(
        "content.Notice",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text="The warning every product containing this nutrient carries.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class NutrientAmount(models.Model):
    """How much of one nutrient a product gives per serving; the facts panel is built from these."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="nutrient_amounts")
    nutrient = models.ForeignKey(Nutrient, on_delete=models.PROTECT, related_name="amounts")
    amount = models.DecimalField(
        max_digits=10, decimal_places=3, validators=[MinValueValidator(Decimal("0.001"))]
    )
    source_form = models.CharField(
        max_length=128, blank=True, help_text="e.g. as ferrous bisglycinate"
    )

    class Meta:
        ordering = ["nutrient__position"]
        constraints = [
            models.UniqueConstraint(fields=["product", "nutrient"], name="one_amount_per_nutrient")
        ]

    def __str__(self):
        return f"{self.display_amount} {self.nutrient.unit} {self.nutrient.name}"

    @property
    def display_amount(self):
        """'1,000', '2.4', '25': the amount as a label prints it, without trailing zeros."""
        return f"{self.amount.normalize():,f}"

    @property
    def percent_daily_value(self):
        """Whole-number %DV as the FDA panel shows it, or None where no DV is established."""
        if not self.nutrient.daily_value:
            return None
        return round(self.amount / self.nutrient.daily_value * 100)


from oscar.apps.catalogue.models import *  # noqa: E402,F403  (Oscar's documented fork pattern)
