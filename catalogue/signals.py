from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from oscar.core.loading import get_model

from .models import Nutrient, NutrientAmount, Product, ProductClass
from .selectors import PRODUCT_CLASSES_CACHE_KEY, PRODUCTS_BY_NOTICE_CACHE_KEY


@receiver([post_save, post_delete], sender=NutrientAmount)
@receiver([post_save, post_delete], sender=Nutrient)
def forget_products_by_notice(**kwargs):
    cache.delete(PRODUCTS_BY_NOTICE_CACHE_KEY)


@receiver([post_save, post_delete], sender=ProductClass)
def forget_product_classes(**kwargs):
    cache.delete(PRODUCT_CLASSES_CACHE_KEY)


@receiver(post_save, sender=Product)
def start_analytics_record(instance, created, raw=False, **kwargs):
    """Oscar's analytics count views, cart additions and purchases by updating a product's
    record and create it on the first count: two shoppers adding a new product at once both
    tried to create it, and one count was lost (one order, inside its transaction, would fail
    on PostgreSQL). A record made with the product is only ever updated."""
    if created and not raw:
        get_model("analytics", "ProductRecord").objects.get_or_create(product=instance)
