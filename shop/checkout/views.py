"""Checkout with bank transfer as the first payment method (DESIGN §7).

The order is placed as "Pending payment" with the order number as the payment reference; staff
mark it paid in the dashboard when the money arrives.
"""

import logging

from django.conf import settings
from django.db import transaction
from oscar.apps.checkout import views
from oscar.core.loading import get_model

from catalogue.selectors import iron_product_ids

Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")

logger = logging.getLogger("shop.checkout")

BANK_TRANSFER = "bank-transfer"


def bank_transfer_context():
    return {"bank_details": settings.BANK_TRANSFER_DETAILS}


class PaymentDetailsView(views.PaymentDetailsView):
    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(bank_transfer_context())
        return ctx

    def handle_payment(self, order_number, total, **kwargs):
        """Nothing is taken now: record that this amount is expected by bank transfer."""
        source_type, _ = SourceType.objects.get_or_create(
            code=BANK_TRANSFER, defaults={"name": "Bank transfer"}
        )
        self.add_payment_source(
            Source(
                source_type=source_type,
                currency=total.currency,
                amount_allocated=total.incl_tax,
                reference=order_number,
            )
        )

    def handle_order_placement(
        self,
        order_number,
        user,
        basket,
        shipping_address,
        shipping_method,
        shipping_charge,
        billing_address,
        order_total,
        surcharges=None,
        **kwargs,
    ):
        """Write the order, its addresses, payment and stock in one transaction.

        Either the whole order exists or none of it does; the confirmation email is sent only
        once it is committed, and a failing mail server cannot undo a placed order.
        """
        with transaction.atomic():
            order = self.place_order(
                order_number=order_number,
                user=user,
                basket=basket,
                shipping_address=shipping_address,
                shipping_method=shipping_method,
                shipping_charge=shipping_charge,
                order_total=order_total,
                billing_address=billing_address,
                surcharges=surcharges,
                **kwargs,
            )
            basket.submit()
        return self.handle_successful_order(order)

    def send_order_placed_email(self, order):
        try:
            super().send_order_placed_email(order)
        except Exception:
            logger.exception("Order #%s placed, but its confirmation email failed", order.number)

    def get_message_context(self, order):
        ctx = super().get_message_context(order)
        ctx.update(bank_transfer_context())
        iron_ids = iron_product_ids()
        ctx["contains_iron"] = any(line.product_id in iron_ids for line in ctx["lines"])
        return ctx


class ThankYouView(views.ThankYouView):
    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(bank_transfer_context())
        return ctx
