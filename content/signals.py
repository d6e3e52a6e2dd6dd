from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Notice
from .selectors import NOTICES_CACHE_KEY


@receiver([post_save, post_delete], sender=Notice)
def forget_cached_notices(**kwargs):
    cache.delete(NOTICES_CACHE_KEY)
