"""The payment deadline of bank-transfer orders: a reminder halfway, cancellation at the end.

An order placed as "Pending payment" is given `payment_due_at` when it is placed
(shop/order/utils.py). `send_payment_reminders()` emails each one once, from halfway through its
window; `cancel_overdue_orders()` cancels the ones still unpaid at the deadline, which gives their
stock back and emails the customer. `sweep()` runs both: the Celery beat task
shop.order.tasks.sweep_payment_deadlines and `manage.py sweep_payment_deadlines` call it.

Both are idempotent and safe to run at once in several workers: each order is claimed by one
conditional UPDATE, the first statement of its transaction, and what that transaction writes
(the reminder's time, the Cancelled status) makes the condition false for any other worker, whose
UPDATE then changes no row (PostgreSQL makes it wait for the row lock and check again; SQLite
runs one writer at a time). Emails are queued only once the claim commits.
"""

import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.dateformat import format as format_date
from oscar.core.loading import get_model

from shop.tasks import after_commit

from .emails import PAYMENT_REMINDER
from .models import CANCELLED, PENDING_PAYMENT
from .processing import EventHandler

Order = get_model("order", "Order")

logger = logging.getLogger("shop.order.payments")

DATE_FORMAT = "l, F j, Y"  # Monday, December 7, 2026


def long_date(value):
    return format_date(timezone.localtime(value), DATE_FORMAT)


def reminder_due(date_placed, payment_due_at, now):
    """From halfway through the payment window until its end."""
    return date_placed + (payment_due_at - date_placed) / 2 <= now < payment_due_at


def send_payment_reminders(now=None):
    """Queue the payment reminder of each unpaid order past halfway; how many were queued."""
    from .tasks import send_order_email

    now = now or timezone.now()
    candidates = Order.objects.filter(
        status=PENDING_PAYMENT,
        payment_reminder_sent_at__isnull=True,
        payment_due_at__gt=now,
        date_placed__lte=now,
    ).values_list("pk", "number", "date_placed", "payment_due_at")
    sent = 0
    for pk, number, date_placed, payment_due_at in list(candidates):
        if not reminder_due(date_placed, payment_due_at, now):
            continue
        with transaction.atomic():
            claimed = Order.objects.filter(
                pk=pk,
                status=PENDING_PAYMENT,
                payment_reminder_sent_at__isnull=True,
                payment_due_at__gt=now,
            ).update(payment_reminder_sent_at=now)
            if not claimed:
                continue  # another worker reminded it, or it was paid or cancelled meanwhile
            after_commit(send_order_email, pk, PAYMENT_REMINDER)
        logger.info("Order #%s: payment reminder queued", number)
        sent += 1
    return sent


def cancel_overdue_orders(now=None):
    """Cancel each order still unpaid at its deadline; how many were cancelled.

    Cancelling goes through the EventHandler, which releases the stock allocations, leaves a
    note on the order and queues the ORDER_CANCELLED email once the cancellation commits.
    """
    now = now or timezone.now()
    overdue = Order.objects.past_payment_deadline(now)
    cancelled = 0
    for pk in list(overdue.values_list("pk", flat=True)):
        try:
            if cancel_overdue_order(pk, now):
                cancelled += 1
        except Exception:  # one order's failure must not stop the others being swept
            logger.exception("Order %s: cancelling it after its payment deadline failed", pk)
    return cancelled


def cancel_overdue_order(pk, now):
    """Cancel order `pk` if it is still unpaid past its deadline; whether this call did."""
    with transaction.atomic():
        # The claim is the transaction's first statement, a write: it takes the row lock on
        # PostgreSQL and the write lock on SQLite until the cancellation commits, and matches no
        # row once another worker has cancelled the order or staff have marked it paid.
        claimed = Order.objects.past_payment_deadline(now).filter(pk=pk).update(status=F("status"))
        if not claimed:
            return False
        order = Order.objects.get(pk=pk)  # locked by the claim above
        deadline = long_date(order.payment_due_at)
        order.cancellation_reason = f"We did not receive your bank transfer by {deadline}."
        note = (
            f"Canceled automatically: no bank transfer received by the payment deadline, "
            f"{deadline} ({timezone.localtime(order.payment_due_at):%I:%M %p %Z})."
        )
        EventHandler().handle_order_status_change(order, CANCELLED, note_msg=note)
    logger.info("Order #%s: canceled, unpaid at its payment deadline", order.number)
    return True


def sweep(now=None):
    """Remind, then cancel: what each did, as counts."""
    now = now or timezone.now()
    return {
        "reminded": send_payment_reminders(now),
        "cancelled": cancel_overdue_orders(now),
    }
