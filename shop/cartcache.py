"""The cart page from the page cache, keyed by what the cart holds (shop.pagecache).

A cart page is one visitor's, but it is the same page every time that cart is shown with the
same lines, prices and stock on the same day: a reload, a return from a product page. Its key is
a fingerprint of exactly that, read in one SQL statement, so a change to the cart, a price or
the stock gives a new key and nothing needs retiring; the rest of what the page shows (offers,
shipping methods, notices, products' text) is the site's, and its stored copy carries the `site`
version as every page does. Like every stored page, its holes (greeting, cart count, messages)
and CSRF token are filled in for the visitor.

Only a guest's cart without a voucher is kept: a signed-in customer's cart page also lists the
items saved for later, and a voucher's validity depends on more than the cart. Those render.
"""

import hashlib

from django.conf import settings
from django.db import connection
from django.utils import timezone
from oscar.core.loading import get_model

from shop import holes

CART_PATH = "/basket/"


def key_for(request):
    """The cart page's cache key for this visitor, or None when it is rendered every time."""
    who = holes.visitor(request)
    if request.META.get("QUERY_STRING") or who.user.is_authenticated:
        return None
    if not request.COOKIES.get(settings.OSCAR_BASKET_COOKIE_OPEN):
        contents = ("empty", ())
    elif who.guest_basket_id is None:  # a cookie that does not verify: Oscar replaces it
        return None
    else:
        contents = _contents(who.guest_basket_id)
    if contents is None:
        return None
    items = sum(int(line[2]) for line in contents[1] if line[0] != "None")
    who.know_cart_count(items)
    fingerprint = repr((timezone.localdate().isoformat(), request.get_host(), contents))
    return "pagecache:cart:" + hashlib.sha256(fingerprint.encode()).hexdigest()


def _contents(basket_id):
    """The cart's lines with their prices and their stock, or None if it cannot be kept: a cart
    no longer open (Oscar replaces it), a voucher."""
    Basket, Line = get_model("basket", "Basket"), get_model("basket", "Line")
    StockRecord = get_model("partner", "StockRecord")
    vouchers = Basket.vouchers.through._meta.db_table
    sql = (
        f"SELECT b.status, (SELECT COUNT(*) FROM {vouchers} v WHERE v.basket_id = b.id),"
        " l.id, l.product_id, l.quantity, l.price_excl_tax, l.price_incl_tax,"
        " s.price, s.num_in_stock, s.num_allocated"
        f" FROM {Basket._meta.db_table} b"
        f" LEFT JOIN {Line._meta.db_table} l ON l.basket_id = b.id"
        f" LEFT JOIN {StockRecord._meta.db_table} s ON s.id = l.stockrecord_id"
        " WHERE b.id = %s AND b.owner_id IS NULL ORDER BY l.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [basket_id])
        rows = cursor.fetchall()
    if not rows or rows[0][0] != Basket.OPEN or rows[0][1]:
        return None
    return (basket_id, tuple(tuple(str(value) for value in row[2:]) for row in rows))
