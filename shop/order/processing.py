"""Order status changes: they move stock and tell the customer.

Shipping consumes the allocation and cancelling releases it. Every change to Paid, Shipped,
Delivered or Cancelled queues the matching email once the change commits (shop/order/emails.py).
Shipped requires the carrier and tracking number: ship() records them, then changes the status.
"""

from django.db import transaction
from django.db.models import F
from oscar.apps.order import processing
from oscar.apps.order.exceptions import InvalidOrderStatus
from oscar.core.loading import get_model

from shop.tasks import after_commit

from . import emails
from .models import CANCELLED, CARRIERS, DELIVERED, PAID, SHIPPED

Order = get_model("order", "Order")
ShippingEventType = get_model("order", "ShippingEventType")
ShippingEvent = get_model("order", "ShippingEvent")

# The email each new status sends (Oscar communication event type codes).
STATUS_EMAILS = {
    PAID: emails.ORDER_PAID,
    SHIPPED: emails.ORDER_SHIPPED,
    DELIVERED: emails.ORDER_DELIVERED,
    CANCELLED: emails.ORDER_CANCELLED,
}


class TrackingRequired(InvalidOrderStatus):
    """Shipped without a carrier and tracking number: the customer could not follow the parcel."""


class EventHandler(processing.EventHandler):
    def handle_order_status_change(self, order, new_status, note_msg=None):
        old_status = order.status
        if new_status == SHIPPED and old_status != SHIPPED and order.tracked_shipment is None:
            raise TrackingRequired(
                f"Order #{order.number}: enter the carrier and tracking number to mark it Shipped."
            )
        with transaction.atomic():
            if new_status != old_status:
                self.lock_status(order, old_status)
            super().handle_order_status_change(order, new_status, note_msg=note_msg)
            if new_status == old_status:
                return
            if new_status == CANCELLED:
                self.cancel_stock_allocations(order)
            elif new_status == SHIPPED:
                self.consume_stock_allocations(order)
            if new_status in STATUS_EMAILS:
                from .tasks import send_order_email

                after_commit(send_order_email, order.pk, STATUS_EMAILS[new_status])

    @staticmethod
    def lock_status(order, expected):
        """Lock the order's row and check its status is still the one `order` was read with.

        A page or a worker that read the order before another changed it (staff marking it Paid
        as the payment-deadline sweep cancels it) would otherwise write its stale status over
        the new one. The lock is held until the change commits.
        """
        if not Order.objects.filter(pk=order.pk, status=expected).update(status=F("status")):
            current = Order.objects.filter(pk=order.pk).values_list("status", flat=True).first()
            raise InvalidOrderStatus(
                f"Order #{order.number} is now {current}, no longer {expected}: "
                "reload it to see what changed."
            )

    def ship(self, order, *, carrier, tracking_number, reference="", note_msg=None):
        """Record the parcel (all lines, carrier, tracking number) and mark the order Shipped.

        `reference` is staff's own dispatch reference, kept on the shipping event; `note_msg`
        goes to the order's notes with the status change.
        """
        tracking_number = (tracking_number or "").strip()
        if carrier not in CARRIERS:
            raise TrackingRequired("Choose the carrier the order ships with.")
        if not tracking_number:
            raise TrackingRequired("Enter the tracking number the carrier gave the parcel.")
        with transaction.atomic():
            event_type, _ = ShippingEventType.objects.get_or_create(
                code="shipped", defaults={"name": "Shipped"}
            )
            lines = list(order.lines.all())
            event = ShippingEvent.objects.create(
                order=order,
                event_type=event_type,
                carrier=carrier,
                tracking_number=tracking_number,
                notes=(reference or "").strip(),
            )
            for line in lines:
                event.line_quantities.create(line=line, quantity=line.quantity)
            self.handle_order_status_change(order, SHIPPED, note_msg=note_msg)
        return event
