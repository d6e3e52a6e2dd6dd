from django.apps import AppConfig


class ShopConfig(AppConfig):
    """The project itself: once every model is loaded, wires the page cache's invalidation and
    registers the store's own deploy checks."""

    name = "shop"

    def ready(self):
        # Importing shop.checks registers the store's deploy checks.
        from shop import checks, pagecache  # noqa: F401

        pagecache.connect_invalidation()
