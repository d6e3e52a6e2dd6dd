"""Oscar's orders dashboard, forked: Shipped needs the carrier and tracking number (views.py),
and the order list filters and shows the bank-transfer payment deadline."""

from oscar.apps.dashboard.orders import apps


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    name = "shop.dashboard.orders"
