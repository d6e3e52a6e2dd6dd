"""Order jobs for Celery: the status emails and the payment-deadline sweep."""

from celery import shared_task
from django.db import DatabaseError


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
