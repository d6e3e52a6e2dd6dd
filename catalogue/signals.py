from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Nutrient, NutrientAmount, ProductClass
from .selectors import PRODUCT_CLASSES_CACHE_KEY, PRODUCTS_BY_NOTICE_CACHE_KEY


@receiver([post_save, post_delete], sender=NutrientAmount)
@receiver([post_save, post_delete], sender=Nutrient)
def forget_products_by_notice(**kwargs):
    cache.delete(PRODUCTS_BY_NOTICE_CACHE_KEY)


@receiver([post_save, post_delete], sender=ProductClass)
def forget_product_classes(**kwargs):
    cache.delete(PRODUCT_CLASSES_CACHE_KEY)
