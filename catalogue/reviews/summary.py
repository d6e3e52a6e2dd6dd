"""A product's rating summary and latest reviews, the same for the page, its cards and JSON-LD."""

from dataclasses import dataclass

from django.db.models import Avg, Count
from oscar.core.loading import get_model

# Annotated by a listing's queryset (catalogue.selectors.product_cards) so a card costs no query.
COUNT_ANNOTATION = "approved_review_count"


@dataclass(frozen=True)
class RatingSummary:
    average: float | None  # mean score of the approved reviews, None when there are none
    count: int

    @property
    def average_text(self):
        return f"{self.average:.1f}" if self.count else ""

    @property
    def stars_text(self):
        """What a screen reader says for the stars: "4.5 out of 5 stars"."""
        return f"{self.average_text} out of 5 stars" if self.count else ""

    @property
    def stars(self):
        """Five star characters, the average rounded to a whole star (half up)."""
        full = int(self.average + 0.5) if self.count else 0
        return "★" * full + "☆" * (5 - full)

    @property
    def count_text(self):
        return f"{self.count} review" + ("" if self.count == 1 else "s")


def rating_summary(product):
    """Average and count of the approved reviews: from the listing's annotation when present
    (the average from Oscar's denormalized Product.rating), else one query, kept on the product
    so the page, its summary and its JSON-LD share it."""
    cached = getattr(product, "_rating_summary", None)
    if cached is not None:
        return cached
    if hasattr(product, COUNT_ANNOTATION):
        count = getattr(product, COUNT_ANNOTATION) or 0
        summary = RatingSummary(average=product.rating if count else None, count=count)
    else:
        ProductReview = get_model("reviews", "ProductReview")
        found = ProductReview.objects.filter(
            product_id=product.pk, status=ProductReview.APPROVED
        ).aggregate(average=Avg("score"), count=Count("pk"))
        summary = RatingSummary(average=found["average"], count=found["count"])
    product._rating_summary = summary
    return summary


def latest_reviews(product, limit=5):
    """The newest approved reviews, reviewers joined (one query, whatever the number)."""
    ProductReview = get_model("reviews", "ProductReview")
    return list(
        ProductReview.objects.filter(product_id=product.pk, status=ProductReview.APPROVED)
        .select_related("user")
        .order_by("-date_created", "-pk")[:limit]
    )
