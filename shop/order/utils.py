"""Order placement that never sells more than the store has (DESIGN §7)."""

from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.apps.order import utils
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.core.loading import get_model

from shop import pagecache

from .models import PENDING_PAYMENT, payment_deadline

StockRecord = get_model("partner", "StockRecord")

OrderNumberGenerator = utils.OrderNumberGenerator
OrderDispatcher = utils.OrderDispatcher


class InsufficientStock(UnableToPlaceOrder):
    """Raised inside the order transaction, so the half-written order is rolled back."""


# Bottles not yet promised to an order, in SQL.
FREE_STOCK = F("num_in_stock") - Coalesce(F("num_allocated"), 0)


class OrderCreator(utils.OrderCreator):
    def create_order_model(
        self,
        user,
        basket,
        shipping_address,
        shipping_method,
        shipping_charge,
        billing_address,
        total,
        order_number,
        status,
        request=None,
        surcharges=None,
        **extra_order_fields,
    ):
        """The order, with its payment deadline when it is placed awaiting payment.

        Set as the order is written, inside its transaction, so no unpaid order exists without
        one; stored, so the date the customer is told never moves (shop/order/payments.py).
        """
        if status == PENDING_PAYMENT and not extra_order_fields.get("payment_due_at"):
            placed = extra_order_fields.setdefault("date_placed", timezone.now())
            extra_order_fields["payment_due_at"] = payment_deadline(placed)
        return super().create_order_model(
            user,
            basket,
            shipping_address,
            shipping_method,
            shipping_charge,
            billing_address,
            total,
            order_number,
            status,
            request=request,
            surcharges=surcharges,
            **extra_order_fields,
        )

    def update_stock_records(self, line):
        """Allocate with one conditional UPDATE: it succeeds only while enough stock is free.

        Oscar's StockRecord.allocate adds to num_allocated unconditionally. Here the check and
        the allocation are a single statement, which the database serialises per row (a row
        lock on PostgreSQL, the write lock on SQLite), so two checkouts cannot both take the
        last bottle.
        """
        if not line.product.get_product_class().track_stock:
            return
        allocated = (
            StockRecord.objects.filter(pk=line.stockrecord_id)
            .alias(free=FREE_STOCK)
            .filter(free__gte=line.quantity)
            .update(num_allocated=Coalesce(F("num_allocated"), 0) + line.quantity)
        )
        if allocated:
            self.retire_pages_if_stock_shown_changed(line.stockrecord_id, line.quantity)
        if not allocated:
            stockrecord = StockRecord.objects.get(pk=line.stockrecord_id)
            left = max(stockrecord.net_stock_level, 0)
            raise InsufficientStock(
                _(
                    "Sorry, we only have %(left)d of '%(title)s' left, so we could not place "
                    "your order. Your cart is unchanged: please lower the quantity and try again."
                )
                % {"left": left, "title": line.product.get_title()}
            )

    @staticmethod
    def retire_pages_if_stock_shown_changed(stockrecord_id, quantity):
        """Retire this product's pages once the order commits, if the stock they show changed.

        Pages say "In stock" above LOW_STOCK_THRESHOLD and "Only N left" or "Out of stock" at
        or below it (shop.pagecache.stock_shown), so an order that leaves more than the
        threshold free changes no page, and a busy hour of orders leaves the cache warm; one
        that does retires only the pages showing that product.
        """
        record = (
            StockRecord.objects.filter(pk=stockrecord_id)
            .annotate(free=FREE_STOCK)
            .values("product_id", "free")
            .first()
        )
        if record is None:
            return
        before, after = record["free"] + quantity, record["free"]
        if pagecache.stock_shown(before) != pagecache.stock_shown(after):
            pagecache.retire_products([record["product_id"]])  # on commit
