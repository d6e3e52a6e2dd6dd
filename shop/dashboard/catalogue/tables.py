"""Oscar's product list table plus the price and stock of each product.

Both come from the product's first stock record (the lowest id: the store has one partner),
read from the stockrecords Oscar's base_queryset already prefetches, so the list costs the same
number of queries for any number of products. The view (views.ProductListView) annotates the
same first record's price and available stock so that both columns sort in the database.
"""

from django.utils.html import format_html
from django_tables2 import Column
from oscar.apps.dashboard.catalogue import tables
from oscar.templatetags.currency_filters import currency

NONE = "—"


def first_stockrecord(product):
    records = list(product.stockrecords.all())  # prefetched: no query
    return min(records, key=lambda record: record.pk) if records else None


class ProductTable(tables.ProductTable):
    price = Column(
        verbose_name="Price",
        empty_values=(),
        order_by=("first_price",),
        attrs={"td": {"class": "text-nowrap"}},
    )
    stock = Column(
        verbose_name="Stock",
        empty_values=(),
        order_by=("first_available",),
        attrs={"td": {"class": "text-nowrap"}},
    )

    class Meta(tables.ProductTable.Meta):
        sequence = (
            "checkbox",
            "title",
            "upc",
            "image",
            "product_class",
            "variants",
            "price",
            "stock",
            "stock_records",
            "...",
            "is_public",
            "date_updated",
            "actions",
        )

    def render_price(self, record):
        stockrecord = first_stockrecord(record)
        if stockrecord is None or stockrecord.price is None:
            return NONE
        return currency(stockrecord.price, stockrecord.price_currency)

    def render_stock(self, record):
        stockrecord = first_stockrecord(record)
        if stockrecord is None:
            return NONE
        if stockrecord.num_in_stock is None:
            return "Not tracked"
        allocated = stockrecord.num_allocated or 0
        return format_html(
            '<strong>{} available</strong><br><small class="text-muted">in stock {} '
            "(allocated {})</small>",
            stockrecord.num_in_stock - allocated,
            stockrecord.num_in_stock,
            allocated,
        )
