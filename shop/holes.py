"""The per-visitor parts of a shared page: rendered in place, stored as a newcomer sees them, and
filled in again from the visitor's session when it is served (shop.pagecache).

A hole is a template of its own under templates/shop/holes/, rendered from the visitor alone
(never from the page's context), so the page rendered in full and the page served from the cache
say the same: `{% hole "cart_count" %}`, or `{% hole "stock_alert" product.pk %}` for a hole that
concerns one product. Everything a page shows that depends on who is looking belongs in a hole;
tests/shop/test_page_cache.py checks that pages rendered for different visitors are stored the
same.
"""

import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection, transaction
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils.functional import cached_property, empty
from django.utils.safestring import mark_safe
from oscar.core.loading import get_model

from shop.basket.cookie import guest_basket_id

HOLES = {
    "account",  # the header's greeting and account links
    "phone_account",  # the same in the phone menu
    "cart_count",  # My Cart (n)
    "messages",
    "staff_edit",  # a product page's "Edit this product", for staff
    "stock_alert",  # "Email me when it's back": one field less when signed in
    "save_for_later",  # signed-in customers' wish list
}
HOLE = re.compile(r"<!--hole:([a-z_]+)(?::(\d+))?-->.*?<!--/hole-->", re.S)
CART_COUNT = re.compile(r"<!--hole:cart_count-->.*?<!--/hole-->", re.S)
CSRF_PLACEHOLDER = "__csrf_token__"  # a stored page's token, each visitor's own when served


class Visitor:
    """Who is looking, read once per request: from the middleware's `request.user` when the
    page is rendered, from the session when it comes from the cache. The cart count comes from
    Oscar's basket if the page loaded it (the cart, the checkout), else from what the caller
    already read (the page cache, the cart page's fingerprint), else from the cache or one
    query: loading the basket with its offers only to count it would cost six."""

    def __init__(self, request):
        self.request = request
        self.known_cart_count = None

    @cached_property
    def user(self):
        user = getattr(self.request, "user", None)
        return user if user is not None else get_user(self.request)

    @cached_property
    def greeting_name(self):
        user = self.user
        if not user.is_authenticated:
            return ""
        return user.first_name or user.email.split("@")[0]

    @cached_property
    def cart_count(self):
        basket = getattr(self.request, "basket", None)
        if basket is not None and (basket._wrapped is not empty or self.has_guest_cart_to_merge):
            return basket.num_items  # loaded by the page anyway, or to merge the guest cart
        if self.known_cart_count is not None:
            return self.known_cart_count
        return cart_count_without_basket(self.guest_basket_id, self.user)

    @cached_property
    def guest_basket_id(self):
        return guest_basket_id(self.request)

    @cached_property
    def has_guest_cart_to_merge(self):
        has_cookie = bool(self.request.COOKIES.get(settings.OSCAR_BASKET_COOKIE_OPEN))
        return has_cookie and self.user.is_authenticated

    def know_cart_count(self, count):
        """The count, when the caller has just read the cart anyway (shop.cartcache)."""
        self.known_cart_count = count

    @cached_property
    def csrf_token(self):
        return get_token(self.request)


class Newcomer:
    """A visitor with no account, no cart and no message waiting: whom a stored page is filled in
    for, the token left as a placeholder. Most visitors are; the rest differ in a hole or two."""

    user = AnonymousUser()
    greeting_name = ""
    cart_count = 0
    csrf_token = CSRF_PLACEHOLDER
    has_guest_cart_to_merge = False


NEWCOMER = Newcomer()


def visitor(request):
    if not hasattr(request, "_visitor"):
        request._visitor = Visitor(request)
    return request._visitor


def cart_count_without_basket(basket_id, user):
    """The items in the visitor's open cart, without loading Oscar's basket: the signed-in
    customer's own, or the guest's one the cart cookie names (`basket_id`).

    One plain SQL statement: the ORM takes ten times as long to build the same query, and this
    runs on every cached page a shopper with a cart is served. A guest's count is kept in the
    cache too (forgotten whenever the cart changes: forget_cart_count), and the page cache reads
    it in the same round trip as the page (prefetch), so such a page costs no query at all.
    """
    if user.is_authenticated:
        return _count_open_lines("b.owner_id = %s", user.pk)
    if basket_id is None:
        return 0
    count = cache.get(cart_count_key(basket_id))
    if count is None:
        count = _count_open_lines("b.id = %s AND b.owner_id IS NULL", basket_id)
        cache.set(cart_count_key(basket_id), count, CART_COUNT_SECONDS)
    return count


CART_COUNT_SECONDS = 300  # bounds a count read just before a change and stored just after it


def cart_count_key(basket_id):
    return f"cart-count:{basket_id}"


def prefetch_keys(request):
    """Cache keys the page cache reads with the page, for filling its holes in."""
    basket_id = visitor(request).guest_basket_id
    return [cart_count_key(basket_id)] if basket_id is not None else []


def prefetched(request, values):
    basket_id = visitor(request).guest_basket_id
    count = values.get(cart_count_key(basket_id)) if basket_id is not None else None
    if count is not None:
        visitor(request).know_cart_count(count)


def forget_cart_count(sender, instance, **kwargs):
    """A cart's line or the cart itself saved or deleted: its count is read again."""
    basket_id = instance.pk if sender is get_model("basket", "Basket") else instance.basket_id
    cache.delete(cart_count_key(basket_id))
    transaction.on_commit(lambda: cache.delete(cart_count_key(basket_id)))


def connect_invalidation():
    from django.db.models.signals import post_delete, post_save

    for model in (get_model("basket", "Basket"), get_model("basket", "Line")):
        for signal in (post_save, post_delete):
            signal.connect(forget_cart_count, sender=model, dispatch_uid=f"holes-{model.__name__}")


def _count_open_lines(condition, value):
    Basket, Line = get_model("basket", "Basket"), get_model("basket", "Line")
    sql = (
        f"SELECT SUM(l.quantity) FROM {Line._meta.db_table} l"
        f" JOIN {Basket._meta.db_table} b ON b.id = l.basket_id"
        f" WHERE b.status = %s AND {condition}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [Basket.OPEN, value])
        return cursor.fetchone()[0] or 0


def render(name, product_pk, request, who=None):
    """One hole's HTML for this request's visitor (or `who`), between its markers."""
    if name not in HOLES:
        raise ValueError(f"Unknown hole {name!r}; one of {sorted(HOLES)}")
    who = who or visitor(request)
    context = {
        "request": request,
        "visitor": who,
        "user": who.user,
        "product_pk": product_pk,
        "csrf_token": who.csrf_token,
    }
    if name == "messages":
        context["messages"] = [] if who is NEWCOMER else messages.get_messages(request)
    if name == "save_for_later" and who.user.is_authenticated:
        from catalogue.selectors import is_in_wishlist

        context["saved_for_later"] = is_in_wishlist(who.user, product_pk)
    marker = f"hole:{name}" + (f":{product_pk}" if product_pk is not None else "")
    html = get_template(f"shop/holes/{name}.html").render(context)
    return mark_safe(f"<!--{marker}-->{html}<!--/hole-->")


def _render_every_hole(html, request, who=None):
    def rendered(match):
        return render(match[1], int(match[2]) if match[2] else None, request, who=who)

    return HOLE.sub(rendered, html)


def for_newcomer(html, request):
    """The page as stored: every hole filled in for a newcomer (`Newcomer`), whoever it was
    rendered for, so that serving it to a newcomer fills in nothing."""
    return _render_every_hole(html, request, who=NEWCOMER)


def fill_in(html, request):
    """The stored page for this request's visitor: a signed-in customer's holes all rendered
    again, a guest's cart count if the guest has a cart, nothing for a newcomer."""
    who = visitor(request)
    if who.user.is_authenticated:
        return _render_every_hole(html, request)
    if who.cart_count:
        return CART_COUNT.sub(lambda match: render("cart_count", None, request), html)
    return html


def must_render(request):
    """Whether this visitor's page must be rendered in full, not filled in from a stored copy:
    messages are waiting (a cart update, a sign-in), to be shown once and marked as read as
    Django's middleware does; or a customer signed in with a guest cart still in their cookie,
    which Oscar merges into their account's cart when a page loads the basket."""
    if request.COOKIES.get("messages"):  # Django's cookie storage (an empty one is deleted)
        return True
    if not request.COOKIES.get(settings.SESSION_COOKIE_NAME):
        return False
    return bool(request.session.get("_messages")) or visitor(request).has_guest_cart_to_merge
