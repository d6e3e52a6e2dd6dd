"""Catalogue reads with their prefetching in one place, so no template triggers N+1 queries."""

import time

from django.core.cache import cache
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from oscar.core.loading import get_model

from catalogue import search
from content.notices import IRON_WARNING
from shop.request_memo import shared

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
NutrientAmount = get_model("catalogue", "NutrientAmount")
ProductClass = get_model("catalogue", "ProductClass")
ProductReview = get_model("reviews", "ProductReview")

PRODUCT_CLASSES_CACHE_KEY = "catalogue:product-classes"


def products():
    """Oscar's base_queryset less the prefetches no page here reads, each a query per page:
    children (Oscar's strategy asks `children.public()`, a query of its own) and both option
    lists (`Product.options` unites two fresh querysets; the annotations say whether any exist)."""
    return (
        Product.objects.base_queryset()
        .prefetch_related(None)
        .prefetch_related("stockrecords", "images")
    )


def product_cards(*, category=None):
    """Public products for a listing, with images and stock records prefetched, and the count
    of approved reviews beside Oscar's stored average rating (a subquery, so the listing's
    `distinct()` and the search ranking are unaffected)."""
    approved_reviews = (
        ProductReview.objects.filter(product=OuterRef("pk"), status=ProductReview.APPROVED)
        .order_by()
        .values("product")
        .annotate(count=Count("pk"))
        .values("count")
    )
    cards = (
        products()
        .browsable()
        .annotate(
            approved_review_count=Coalesce(
                Subquery(approved_reviews, output_field=IntegerField()), 0
            )
        )
        .order_by("-priority", "title")
    )
    if category is not None:
        cards = cards.filter(categories__in=category.get_descendants_and_self()).distinct()
    return cards


def search_product_cards(query, words):
    """Public products the search `query` (split into `words`) finds, best first.

    PostgreSQL: full text over title, claims and description, ranked (catalogue.search).
    SQLite: every word in the title, description or claims, in the listing's order.
    """
    if search.uses_postgres():
        return search.rank_matches(product_cards(), query, document=search.product_document)
    return search.matches_every_word(product_cards(), words, ("title", "description", "claims"))


def product_detail_queryset():
    """Products with everything the product page shows: facts, categories, images, stock, and
    the article (a join: one per product)."""
    return (
        products()
        .select_related("article")
        .prefetch_related(
            Prefetch(
                "nutrient_amounts",
                queryset=NutrientAmount.objects.select_related("nutrient__notice"),
            ),
            "categories",
        )
    )


def menu_categories():
    return Category.objects.browsable().filter(depth=1).order_by("path")


PRODUCTS_BY_NOTICE_CACHE_KEY = "catalogue:products-by-notice"


@shared(PRODUCTS_BY_NOTICE_CACHE_KEY)
def products_by_notice():
    """{notice slug: ids of the products whose facts carry it}, for compliance.notices_for.

    A nutrient's warning follows from its facts row; the iron warning follows from iron itself,
    so a nutrient row whose notice link was cleared cannot take the legally required warning
    off an iron product. Cached; cleared when any nutrient or nutrient amount changes.
    """
    found = {}
    rows = NutrientAmount.objects.values_list(
        "product_id", "nutrient__code", "nutrient__notice__slug"
    )
    for product_id, code, slug in rows:
        if code == "iron":
            found.setdefault(IRON_WARNING, set()).add(product_id)
        if slug:
            found.setdefault(slug, set()).add(product_id)
    return {slug: frozenset(ids) for slug, ids in found.items()}


@shared(PRODUCT_CLASSES_CACHE_KEY)
def product_classes():
    """Every product class by id (a handful; cleared by catalogue.signals when one changes)."""
    return ProductClass.objects.in_bulk()


def basket_products(basket):
    """The distinct products of a basket's lines, from the lines the page loads anyway."""
    return list({line.product_id: line.product for line in basket.all_lines()}.values())


RELATED_PRODUCTS_LIMIT = 4


def related_products(product, limit=RELATED_PRODUCTS_LIMIT):
    """Up to `limit` public products as cards: staff's recommendations (Oscar's Upselling tab)
    by ranking first, then the other products of the same article; never `product` itself.

    One query and the cards' prefetches, however many products either list holds; cached with
    the page cache's versions of the site and of each card's product (shop.pagecache), so a
    change to any of them, a card's shown stock included, builds them again.
    """
    from django.db.models import F, OuterRef, Q, Subquery

    from shop import pagecache

    key = f"catalogue:related:{product.pk}:{limit}"
    cached = cache.get(key)
    fresh = isinstance(cached, dict) and "versions" in cached  # another shape: an older deploy's
    if fresh and pagecache.still_current(cached["versions"]):
        return cached["cards"]
    read_since = time.time()
    ProductRecommendation = get_model("catalogue", "ProductRecommendation")
    staff = ProductRecommendation.objects.filter(primary=product)
    wanted = Q(pk__in=staff.values("recommendation_id"))
    if product.article_id:
        wanted |= Q(article_id=product.article_id)
    cards = list(
        product_cards()
        .filter(wanted)
        .exclude(pk=product.pk)
        .annotate(
            staff_rank=Subquery(staff.filter(recommendation=OuterRef("pk")).values("ranking")[:1])
        )
        .order_by(F("staff_rank").desc(nulls_last=True), "-priority", "title")[:limit]
    )
    versions = pagecache.versions_of([card.pk for card in cards], read_since)
    if versions is not None:
        cache.set(key, {"cards": cards, "versions": versions}, timeout=3600)
    return cards


def is_in_wishlist(user, product):
    """Whether `product` is in any of the signed-in `user`'s wish lists."""
    WishListLine = get_model("wishlists", "Line")
    return WishListLine.objects.filter(wishlist__owner=user, product=product).exists()
