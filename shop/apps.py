from django.apps import AppConfig


class ShopConfig(AppConfig):
    """The project itself: once every model is loaded, wires the invalidation of the page cache
    and of the cached cart counts, and registers the store's own deploy checks."""

    name = "shop"

    def ready(self):
        # Importing shop.checks registers the store's deploy checks.
        from shop import checks, holes, pagecache  # noqa: F401

        pagecache.connect_invalidation()
        holes.connect_invalidation()
