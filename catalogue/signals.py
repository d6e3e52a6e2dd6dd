from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Nutrient, NutrientAmount, ProductClass
from .selectors import IRON_PRODUCTS_CACHE_KEY, PRODUCT_CLASSES_CACHE_KEY


@receiver([post_save, post_delete], sender=NutrientAmount)
@receiver([post_save, post_delete], sender=Nutrient)
def forget_iron_products(**kwargs):
    cache.delete(IRON_PRODUCTS_CACHE_KEY)


@receiver([post_save, post_delete], sender=ProductClass)
def forget_product_classes(**kwargs):
    cache.delete(PRODUCT_CLASSES_CACHE_KEY)
