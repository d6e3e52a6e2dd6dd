"""Order jobs for Celery: the status emails and the payment-deadline sweep."""

import logging

from celery import shared_task
from django.db import DatabaseError

logger = logging.getLogger("shop.order.tasks")


@shared_task(
    name="shop.order.tasks.send_order_email",
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    max_retries=5,
)
def send_order_email(order_id, code):
    """Email the customer of order `order_id` the message `code` (shop/order/emails.py)."""
    from .emails import send_order_email as send

    send(order_id, code)


@shared_task(name="shop.order.tasks.sweep_payment_deadlines")
def sweep_payment_deadlines():
    """Remind unpaid orders halfway to their deadline, cancel those past it (beat, every 10 min)."""
    from .payments import sweep

    counts = sweep()
    logger.info(
        "Payment deadlines: %(reminded)s reminders queued, %(cancelled)s orders canceled", counts
    )
    return counts
