"""Shipping methods come from the database so staff can change prices in the dashboard."""

from oscar.apps.shipping import repository
from oscar.core.loading import get_model

OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")


class Repository(repository.Repository):
    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        methods = list(OrderAndItemCharges.objects.order_by("price_per_order"))
        return methods or list(self.methods)
