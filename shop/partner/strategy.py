"""Oscar's default pricing strategy, reading a basket line's own stock record.

Oscar looks a line's product's stock records up again for every line, twice per page: the line
already carries its stock record (loaded with the line), so the cart costs the same queries
whatever it holds.

Every price and stock a page shows is read here, so here the page cache learns which products a
page shows (shop.pagecache): their stock changing retires that page.
"""

from oscar.apps.partner import strategy

from shop import pagecache


class Default(strategy.Default):
    def fetch_for_product(self, product, stockrecord=None):
        pagecache.product_shown(product.pk)
        return super().fetch_for_product(product, stockrecord=stockrecord)

    def fetch_for_line(self, line, stockrecord=None):
        return self.fetch_for_product(line.product, stockrecord=stockrecord or line.stockrecord)


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return Default(request)
