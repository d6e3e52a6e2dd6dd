"""Catalogue reads with their prefetching in one place, so no template triggers N+1 queries."""

from django.core.cache import cache
from django.db.models import Prefetch, Q
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
NutrientAmount = get_model("catalogue", "NutrientAmount")
ProductClass = get_model("catalogue", "ProductClass")

PRODUCT_CLASSES_CACHE_KEY = "catalogue:product-classes"


def product_cards(*, category=None):
    """Public products for a listing, with images and stock records prefetched."""
    products = Product.objects.base_queryset().browsable().order_by("-priority", "title")
    if category is not None:
        products = products.filter(categories__in=category.get_descendants_and_self()).distinct()
    return products


def search_product_cards(words):
    """Public products whose title, description or claims contain every one of `words`."""
    products = product_cards()
    for word in words:
        products = products.filter(
            Q(title__icontains=word) | Q(description__icontains=word) | Q(claims__icontains=word)
        )
    return products


def product_detail_queryset():
    """Products with everything the product page shows: facts, categories, images, stock."""
    return Product.objects.base_queryset().prefetch_related(
        Prefetch(
            "nutrient_amounts",
            queryset=NutrientAmount.objects.select_related("nutrient__notice"),
        ),
        "categories",
        "article",
    )


def menu_categories():
    return Category.objects.browsable().filter(depth=1).order_by("path")


IRON_PRODUCTS_CACHE_KEY = "catalogue:iron-product-ids"


def iron_product_ids():
    """Ids of products that contain iron; cached, and cleared when any nutrient amount changes."""
    ids = cache.get(IRON_PRODUCTS_CACHE_KEY)
    if ids is None:
        ids = frozenset(
            NutrientAmount.objects.filter(nutrient__code="iron").values_list(
                "product_id", flat=True
            )
        )
        cache.set(IRON_PRODUCTS_CACHE_KEY, ids, timeout=None)
    return ids


def product_classes():
    """Every product class by id (a handful; cleared by catalogue.signals when one changes)."""
    classes = cache.get(PRODUCT_CLASSES_CACHE_KEY)
    if classes is None:
        classes = ProductClass.objects.in_bulk()
        cache.set(PRODUCT_CLASSES_CACHE_KEY, classes, timeout=None)
    return classes
