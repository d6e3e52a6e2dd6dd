"""The emails an order sends its customer, from confirmation to cancellation.

`send_order_email(order_id, code)` runs in a worker (shop.order.tasks), queued once the change it
reports has committed. Every email is rendered from one context (`order_email_context`) by
Oscar's CommunicationEventType templates, oscar/communication/emails/commtype_<code>_*, and sent
through Oscar's OrderDispatcher: to the customer's account email or the guest's address, and
recorded as a communication event on the order. Links come from settings.STORE_URL
(shop/links.py), never the Sites domain. Sending goes through EMAIL_BACKEND, the outbox, so a
mail server that is down delays an email but never loses it.
"""

import logging

from django.conf import settings
from oscar.core.loading import get_class, get_model

from shop.links import order_status_url, public_url

from .models import PAID, SHIPPED

CommunicationEventType = get_model("communication", "CommunicationEventType")
Order = get_model("order", "Order")
OrderDispatcher = get_class("order.utils", "OrderDispatcher")

logger = logging.getLogger("shop.order.emails")

ORDER_PLACED = "ORDER_PLACED"
ORDER_PAID = "ORDER_PAID"
ORDER_SHIPPED = "ORDER_SHIPPED"
ORDER_DELIVERED = "ORDER_DELIVERED"
ORDER_CANCELLED = "ORDER_CANCELLED"
PAYMENT_REMINDER = "PAYMENT_REMINDER"

# Each email's name, as staff see it among the communication event types.
EMAIL_NAMES = {
    ORDER_PLACED: "Order placed",
    ORDER_PAID: "Order paid",
    ORDER_SHIPPED: "Order shipped",
    ORDER_DELIVERED: "Order delivered",
    ORDER_CANCELLED: "Order canceled",
    PAYMENT_REMINDER: "Payment reminder",
}


def was_paid(order):
    """Whether this order's money arrived: staff marked it Paid at some point."""
    return any(change.new_status == PAID for change in order.status_changes.all()) or any(
        source.amount_debited for source in order.sources.all()
    )


def order_email_context(order):
    """Everything any order email shows, the same for every one of them."""
    shipment = order.tracked_shipment
    paid = was_paid(order)
    ctx = {
        "order": order,
        "lines": order.lines.all(),
        "status_url": order_status_url(order),
        "store_url": public_url("/"),
        "store_name": settings.OSCAR_SHOP_NAME,
        "awaiting_payment": order.awaiting_payment,
        "payment_due_at": order.payment_due_at,
        "shipment": shipment,
        "carrier_name": shipment.carrier_name if shipment else "",
        "tracking_number": shipment.tracking_number if shipment else "",
        "tracking_url": shipment.tracking_url if shipment else "",
        "shipped": order.status == SHIPPED,
        "cancellation_reason": order.cancellation_reason,
        "was_paid": paid,
        "refund_amount": order.total_incl_tax if paid else None,
        "refund_business_days": settings.REFUND_BUSINESS_DAYS,
        "notice_records": order.notice_records.all(),
    }
    if order.awaiting_payment:
        ctx["bank_details"] = settings.BANK_TRANSFER_DETAILS
    return ctx


def load_order(order_id):
    return (
        Order.objects.select_related("user", "shipping_address")
        .prefetch_related(
            "lines",
            "notice_records",
            "status_changes",
            "sources",
            "shipping_events",
        )
        .filter(pk=order_id)
        .first()
    )


def event_type(code):
    """The communication event type `code`, created on first use so each email is recorded."""
    found, _created = CommunicationEventType.objects.get_or_create(
        code=code,
        defaults={
            "name": EMAIL_NAMES.get(code, code.replace("_", " ").capitalize()),
            "category": CommunicationEventType.ORDER_RELATED,
        },
    )
    return found


def render(order, code):
    """The subject, text and HTML of email `code` for `order` (a dict, as Oscar renders it)."""
    return CommunicationEventType.objects.get_and_render(code, order_email_context(order))


def send_order_email(order_id, code):
    """Email the customer of order `order_id` the message `code`; False if nothing was sent."""
    order = load_order(order_id)
    if order is None:
        logger.warning("Order %s no longer exists: %s email not sent", order_id, code)
        return False
    if code == PAYMENT_REMINDER and not order.awaiting_payment:
        logger.info("Order #%s is %s: payment reminder not sent", order.number, order.status)
        return False
    if not order.email:
        logger.warning("Order #%s has no email address: %s email not sent", order.number, code)
        return False
    event_type(code)
    messages = render(order, code)
    OrderDispatcher(logger=logger).dispatch_order_messages(order, messages, code)
    return True
