"""What the product page and product cards say beyond Oscar's defaults.

Stock in words ("In stock", "Only 3 left", "Out of stock") rather than Oscar's "200 available",
the cost per serving and the days one container lasts, and arrival dates per shipping method in
business days. Nothing here depends on the visitor: one cached copy of a product page serves
everybody (shop.pagecache), so only data every visitor sees may be rendered.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.conf import settings
from django.utils import timezone

register = template.Library()

CENT = Decimal("0.01")


@dataclass(frozen=True)
class StockStatus:
    code: str  # "instock", "lowstock" or "outofstock": also the CSS class
    text: str


def stock_status(purchase_info):
    """Oscar's availability as the store words it; never the exact count above the threshold."""
    availability = purchase_info.availability
    if not availability.is_available_to_buy:
        return StockStatus("outofstock", "Out of stock")
    left = getattr(availability, "num_available", None)
    if left is not None and left <= settings.LOW_STOCK_THRESHOLD:
        return StockStatus("lowstock", f"Only {left} left")
    return StockStatus("instock", "In stock")


register.simple_tag(stock_status)


def quantity_max(purchase_info):
    """The quantity field's `max`: the bottles left where the page says how many ("Only 3 left"),
    else the most one cart line may hold. Never the exact stock above the threshold: it would
    change with every order, and with it the cached page (shop.pagecache.stock_shown); the cart
    refuses more than is in stock with a message saying how many are left."""
    left = getattr(purchase_info.availability, "num_available", None)
    if left is not None and left <= settings.LOW_STOCK_THRESHOLD:
        return max(left, 1)
    return settings.OSCAR_MAX_BASKET_QUANTITY_THRESHOLD


register.simple_tag(quantity_max)


@dataclass(frozen=True)
class ServingCost:
    per_serving: Decimal
    days_supply: int


def serving_cost(product, purchase_info):
    """The price of one serving, to the cent, and how many days one container lasts."""
    servings = product.servings_per_container
    price = purchase_info.price
    if not servings or not price.exists or price.incl_tax is None:
        return None
    per_serving = (price.incl_tax / servings).quantize(CENT, rounding=ROUND_HALF_UP)
    return ServingCost(per_serving, servings // (product.servings_per_day or 1))


register.simple_tag(serving_cost)


# US federal holidays: carriers do not deliver and the store does not ship on them.
def _nth_weekday(year, month, weekday, n):
    """The n-th `weekday` (Monday 0) of the month; n = -1 for the last one."""
    if n > 0:
        first = datetime.date(year, month, 1)
        return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)
    return last - datetime.timedelta(days=(last.weekday() - weekday) % 7)


def _observed(day):
    """A holiday on a Saturday is observed the Friday before, on a Sunday the Monday after."""
    return day + datetime.timedelta(days={5: -1, 6: 1}.get(day.weekday(), 0))


def federal_holidays(year):
    fixed = [(1, 1), (6, 19), (7, 4), (11, 11), (12, 25)]
    return {_observed(datetime.date(year, m, d)) for m, d in fixed} | {
        _nth_weekday(year, 1, 0, 3),  # Martin Luther King Jr. Day
        _nth_weekday(year, 2, 0, 3),  # Washington's Birthday
        _nth_weekday(year, 5, 0, -1),  # Memorial Day
        _nth_weekday(year, 9, 0, 1),  # Labor Day
        _nth_weekday(year, 10, 0, 2),  # Columbus Day
        _nth_weekday(year, 11, 3, 4),  # Thanksgiving
        _observed(datetime.date(year + 1, 1, 1)),  # may fall on Dec 31
    }


def is_business_day(day):
    return day.weekday() < 5 and day not in federal_holidays(day.year)


def add_business_days(start, days):
    day = start
    while days > 0:
        day += datetime.timedelta(days=1)
        if is_business_day(day):
            days -= 1
    return day


@dataclass(frozen=True)
class Arrival:
    name: str
    business_days: int
    date: datetime.date


def arrival_estimates(methods, today=None):
    """(method, latest arrival) for each method with days in settings.SHIPPING_BUSINESS_DAYS,
    counted from `today` in the store's time zone: processing plus transit, in business days."""
    today = today or timezone.localdate()
    estimates = []
    for method in methods:
        days = settings.SHIPPING_BUSINESS_DAYS.get(getattr(method, "code", ""))
        if days:
            total = sum(days)
            name = method.name.split(" (")[0]  # "Standard (3-5 business days)" → "Standard"
            estimates.append(Arrival(name, total, add_business_days(today, total)))
    return estimates


@register.simple_tag
def shipping_arrivals():
    from shop.shipping.repository import shipping_methods  # cached; one query when cold

    return arrival_estimates(shipping_methods())
