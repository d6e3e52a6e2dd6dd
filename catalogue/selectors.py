"""Catalogue reads with their prefetching in one place, so no template triggers N+1 queries."""

from django.db.models import Prefetch
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
NutrientAmount = get_model("catalogue", "NutrientAmount")


def product_cards(*, category=None):
    """Public products for a listing, with images and stock records prefetched."""
    products = Product.objects.base_queryset().browsable().order_by("-priority", "title")
    if category is not None:
        products = products.filter(categories__in=category.get_descendants_and_self()).distinct()
    return products


def product_detail_queryset():
    """Products with everything the product page shows: facts, categories, images, stock."""
    return Product.objects.base_queryset().prefetch_related(
        Prefetch("nutrient_amounts", queryset=NutrientAmount.objects.select_related("nutrient")),
        "categories",
    )


def menu_categories():
    return Category.objects.browsable().filter(depth=1).order_by("path")
