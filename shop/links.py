"""Absolute links for emails: STORE_URL plus a path, never the Sites domain or a worker's port."""

from django.conf import settings
from django.urls import reverse


def public_url(path):
    """`path` (from reverse()) on the store's public address, settings.STORE_URL."""
    return f"{settings.STORE_URL}{path}"


def order_status_path(order):
    """Where the customer follows this order: their account's order page, or, for a guest, the
    order-status page opened by the signed link alone (no email to retype)."""
    if order.user_id:
        return reverse("customer:order", kwargs={"order_number": order.number})
    return reverse(
        "customer:anon-order",
        kwargs={"order_number": order.number, "hash": order.verification_hash()},
    )


def order_status_url(order):
    return public_url(order_status_path(order))
