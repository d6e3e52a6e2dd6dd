from django.apps import AppConfig


class ShopConfig(AppConfig):
    """The project itself: wires the page cache's invalidation once every model is loaded."""

    name = "shop"

    def ready(self):
        from shop import pagecache

        pagecache.connect_invalidation()
