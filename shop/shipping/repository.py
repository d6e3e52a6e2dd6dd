"""Shipping methods come from the database so staff can change prices in the dashboard."""

import copy
from dataclasses import dataclass
from decimal import Decimal

from oscar.apps.shipping import repository
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency  # USD: "$1,234.50"

from shop.request_memo import shared

OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")


METHODS_CACHE_KEY = "shipping:methods"


@shared(METHODS_CACHE_KEY)
def shipping_methods():
    """The methods staff set up, cached: the cart and every checkout step ask for them twice.
    Cleared by shop.shipping.apps when one is saved or deleted."""
    return list(OrderAndItemCharges.objects.order_by("price_per_order"))


def basket_total(basket):
    """The total Oscar's OrderAndItemCharges.calculate compares with the threshold."""
    return basket.total_incl_tax if basket.is_tax_known else basket.total_excl_tax


def qualifies(method, basket):
    """Free when the cart's total is the threshold or more (Oscar's rule: >=)."""
    threshold = getattr(method, "free_shipping_threshold", None)
    return threshold is not None and basket_total(basket) >= threshold


def describe(method, basket):
    """What the method costs this cart, in words true for it. A method with a free-shipping
    threshold gets its price rule spelled out (its saved description, written once for every
    cart, said "over" where the rule is "or more"); any other keeps the description staff wrote."""
    threshold = getattr(method, "free_shipping_threshold", None)
    if threshold is None:
        return method.description
    if qualifies(method, basket):
        return f"Free: your order is {currency(threshold)} or more."
    return f"{currency(method.price_per_order)} — free on orders of {currency(threshold)} or more."


@dataclass(frozen=True)
class FreeShipping:
    """How far the cart is from the free-shipping threshold of the method that has one."""

    method_name: str
    threshold: Decimal
    total: Decimal

    @property
    def qualifies(self):
        return self.total >= self.threshold

    @property
    def remaining(self):
        return max(self.threshold - self.total, Decimal("0.00"))

    @property
    def percent(self):
        if self.threshold <= 0:
            return 100
        return min(100, int(self.total * 100 / self.threshold))

    @property
    def short_name(self):
        """ "Standard (3-5 business days)" → "standard"."""
        return self.method_name.split(" (")[0].lower()


def free_shipping_progress(basket):
    """None when no method is free above a threshold (or the cart is empty)."""
    if basket.is_empty:
        return None
    for method in shipping_methods():
        if method.free_shipping_threshold is not None:
            return FreeShipping(method.name, method.free_shipping_threshold, basket_total(basket))
    return None


def for_basket(method, basket):
    """A copy of the (cached, shared) method whose description is true for this cart."""
    described = copy.copy(method)
    described.description = describe(method, basket)
    return described


class Repository(repository.Repository):
    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        methods = shipping_methods() or list(self.methods)
        if basket is None:
            return methods
        return [for_basket(method, basket) for method in methods]
