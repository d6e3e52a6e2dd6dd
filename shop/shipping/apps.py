import oscar.apps.shipping.apps as apps


class ShippingConfig(apps.ShippingConfig):
    name = "shop.shipping"

    def ready(self):
        super().ready()
        from django.core.cache import cache
        from django.db.models.signals import post_delete, post_save

        from .models import OrderAndItemCharges
        from .repository import METHODS_CACHE_KEY

        def forget_methods(**kwargs):
            cache.delete(METHODS_CACHE_KEY)

        for signal in (post_save, post_delete):
            signal.connect(forget_methods, sender=OrderAndItemCharges, weak=False)
