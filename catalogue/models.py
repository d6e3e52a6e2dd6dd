"""The store's catalogue: Oscar's Product plus supplement facts (DESIGN §3, §6)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from oscar.apps.catalogue.abstract_models import (
    AbstractCategory,
    AbstractProduct,
    AbstractProductAttribute,
    AbstractProductAttributeValue,
    AbstractProductImage,
)
from oscar.utils.models import get_image_upload_path

from compliance import publishing
from compliance.dosage import upper_limit_share_errors
from compliance.labels import format_amount, percent_daily_value
from shop.images import validate_image_upload


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

    def clean(self):
        super().clean()
        publishing.enforce(publishing.product_errors(self, check_facts=False))

    def save(self, *args, **kwargs):
        """The publish rules hold for every way in: dashboard, admin, seed, import, shell."""
        publishing.enforce(publishing.product_errors(self))
        super().save(*args, **kwargs)

    def update_rating(self):
        """Oscar calls this on every review saved or deleted: write the rating alone. A full save
        would run the publish checks and retire every cached page; the review itself retires
        only this product's pages (shop.pagecache)."""
        self.rating = self.calculate_rating()
        type(self).objects.filter(pk=self.pk).update(rating=self.rating)

    update_rating.alters_data = True

    @property
    def label_directions(self):
        return publishing.label_directions(self)

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
    """A vitamin or mineral with its FDA Daily Value and adult Tolerable Upper Intake Level.

    Some upper limits cover only part of what the label declares: folate is labelled in mcg DFE
    but its UL is 1,000 mcg of folic acid (methylfolate and food folate are not covered); the
    vitamin A UL counts preformed vitamin A, not beta-carotene. Such a nutrient counts a share
    that each product's row records (NutrientAmount.upper_limit_amount), in `upper_limit_unit`.
    """

    WHOLE_AMOUNT = "whole"
    RECORDED_SHARE = "share"
    UPPER_LIMIT_BASIS_CHOICES = [
        (WHOLE_AMOUNT, "the whole amount per serving"),
        (RECORDED_SHARE, "only the share recorded on each product's row"),
    ]

    code = models.SlugField(unique=True)
    name = models.CharField(max_length=64)
    unit = models.CharField(max_length=32, help_text="e.g. mg, mcg, mcg DFE, mg alpha-tocopherol")
    daily_value = models.DecimalField(
        max_digits=10, decimal_places=3, null=True, blank=True, help_text="FDA Daily Value"
    )
    upper_limit = models.DecimalField(
        max_digits=10, decimal_places=3, null=True, blank=True, help_text="Adult UL"
    )
    upper_limit_unit = models.CharField(
        max_length=64,
        blank=True,
        help_text=(
            "The unit the adult UL is in: a measure, then what it counts, e.g. "
            "'mcg folic acid'. Blank: the same unit as the amounts."
        ),
    )
    upper_limit_basis = models.CharField(
        "upper limit counts",
        max_length=8,
        choices=UPPER_LIMIT_BASIS_CHOICES,
        default=WHOLE_AMOUNT,
        help_text=(
            "Whether the UL counts the whole amount per serving, or only a share each product "
            "records (folic acid of folate, preformed vitamin A)."
        ),
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

    @property
    def counts_recorded_share(self):
        return self.upper_limit_basis == self.RECORDED_SHARE

    @property
    def limit_unit(self):
        """The unit the upper limit (and the share counted against it) is expressed in."""
        return self.upper_limit_unit or self.unit


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
    upper_limit_amount = models.DecimalField(
        "share counted against the upper limit",
        max_digits=10,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=(
            "Per serving, in the nutrient's upper-limit unit, where its UL counts only a share: "
            "e.g. 240 (mcg folic acid) for 400 mcg DFE from folic acid, 0 for methylfolate or "
            "beta-carotene. Leave blank for other nutrients."
        ),
    )

    class Meta:
        ordering = ["nutrient__position"]
        constraints = [
            models.UniqueConstraint(fields=["product", "nutrient"], name="one_amount_per_nutrient")
        ]

    def __str__(self):
        return f"{self.display_amount} {self.nutrient.unit} {self.nutrient.name}"

    def save(self, *args, **kwargs):
        """The share rule holds however a row is saved: dashboard, admin, seed or import."""
        self.validate_upper_limit_share()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        """A public product keeps at least one facts row (compliance.publishing)."""
        publishing.enforce(publishing.facts_row_removal_errors(self))
        return super().delete(*args, **kwargs)

    def clean(self):
        super().clean()
        self.validate_upper_limit_share()

    def validate_upper_limit_share(self):
        """Raise ValidationError where the nutrient's UL counts a share this row lacks or
        overstates (compliance.dosage.upper_limit_share_errors)."""
        if self.nutrient_id is None or self.amount is None:
            return  # field validation reports these
        errors = upper_limit_share_errors(self)
        if errors:
            raise ValidationError(errors)

    @property
    def display_amount(self):
        """'1,000', '2.4', '25': the amount as a label prints it, without trailing zeros."""
        return format_amount(self.amount)

    @property
    def percent_daily_value(self):
        """Whole-number %DV as the FDA panel shows it, or None where no DV is established."""
        return percent_daily_value(self.amount, self.nutrient)


class ClaimCheckedCopy:
    """Customer-facing text fields that the claim check reads: clean() shows a disease claim
    beside its field, save() refuses it on every other way in (compliance.publishing)."""

    copy_fields = ()

    def clean(self):
        super().clean()
        publishing.enforce(publishing.copy_errors(self, self.copy_fields))

    def save(self, *args, **kwargs):
        publishing.enforce(publishing.copy_errors(self, self.copy_fields))
        super().save(*args, **kwargs)


class Category(ClaimCheckedCopy, AbstractCategory):
    """Oscar's category; its name and description are customer-facing copy (DESIGN §5)."""

    copy_fields = publishing.CATEGORY_COPY

    image = models.ImageField(
        "Image",
        upload_to="categories",
        blank=True,
        null=True,
        max_length=255,
        validators=[validate_image_upload],
    )


class ProductImage(ClaimCheckedCopy, AbstractProductImage):
    """Oscar's product image; its caption is customer-facing copy (DESIGN §5)."""

    copy_fields = publishing.IMAGE_COPY

    original = models.ImageField(
        "Original",
        upload_to=get_image_upload_path,
        max_length=255,
        validators=[validate_image_upload],
    )


class ProductAttribute(AbstractProductAttribute):
    """Oscar's attribute; an image attribute's upload gets the store's image checks."""

    def _validate_image(self, value):
        super()._validate_image(value)
        validate_image_upload(value)  # the dashboard product form validates attributes here


class ProductAttributeValue(AbstractProductAttributeValue):
    """Oscar's attribute value; the image checks also guard the Django admin's forms."""

    value_image = models.ImageField(
        upload_to=get_image_upload_path,
        max_length=255,
        blank=True,
        null=True,
        validators=[validate_image_upload],
    )


from oscar.apps.catalogue.models import *  # noqa: E402,F403  (Oscar's documented fork pattern)
