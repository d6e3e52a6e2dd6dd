"""Catalogue reads with their prefetching in one place, so no template triggers N+1 queries."""

from django.core.cache import cache
from django.db.models import Prefetch, Q
from oscar.core.loading import get_model

from content.notices import IRON_WARNING

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


PRODUCTS_BY_NOTICE_CACHE_KEY = "catalogue:products-by-notice"


def products_by_notice():
    """{notice slug: ids of the products whose facts carry it}, for compliance.notices_for.

    A nutrient's warning follows from its facts row; the iron warning follows from iron itself,
    so a nutrient row whose notice link was cleared cannot take the legally required warning
    off an iron product. Cached; cleared when any nutrient or nutrient amount changes.
    """
    mapping = cache.get(PRODUCTS_BY_NOTICE_CACHE_KEY)
    if mapping is None:
        found = {}
        rows = NutrientAmount.objects.values_list(
            "product_id", "nutrient__code", "nutrient__notice__slug"
        )
        for product_id, code, slug in rows:
            if code == "iron":
                found.setdefault(IRON_WARNING, set()).add(product_id)
            if slug:
                found.setdefault(slug, set()).add(product_id)
        mapping = {slug: frozenset(ids) for slug, ids in found.items()}
        cache.set(PRODUCTS_BY_NOTICE_CACHE_KEY, mapping, timeout=None)
    return mapping


def product_classes():
    """Every product class by id (a handful; cleared by catalogue.signals when one changes)."""
    classes = cache.get(PRODUCT_CLASSES_CACHE_KEY)
    if classes is None:
        classes = ProductClass.objects.in_bulk()
        cache.set(PRODUCT_CLASSES_CACHE_KEY, classes, timeout=None)
    return classes


def basket_products(basket):
    """The distinct products of a basket's lines, from the lines the page loads anyway."""
    return list({line.product_id: line.product for line in basket.all_lines()}.values())
