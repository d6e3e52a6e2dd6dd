"""Checkout with bank transfer as the first payment method (DESIGN §7).

The order is placed as "Pending payment" with the order number as the payment reference; staff
mark it paid in the dashboard when the money arrives.
"""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import timezone
from oscar.apps.checkout import views
from oscar.core.loading import get_model

from catalogue.selectors import basket_products
from compliance.dosage import basket_dose_warnings, products_needing_advice
from compliance.notices import CHECKOUT, ORDER, notices_for

Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
OrderNoticeRecord = get_model("order", "OrderNoticeRecord")
Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")

logger = logging.getLogger("shop.checkout")

BANK_TRANSFER = "bank-transfer"


class AlreadyPlaced(Exception):
    """This basket's order number is taken: the same checkout was submitted twice."""


ACKNOWLEDGEMENT = "I am taking this on my doctor's advice"
ACKNOWLEDGEMENT_FIELD = "doctors_advice"


def bank_transfer_context():
    return {"bank_details": settings.BANK_TRANSFER_DETAILS}


def acknowledgement_key(products):
    """What the checkbox confirms: these products, so a cart changed in another tab asks again."""
    return ",".join(str(product.pk) for product in sorted(products, key=lambda p: p.pk))


def notice_records(order, *, products, dose_warnings, acknowledged=None):
    """Copies of what the customer was shown, so a later edit of a notice changes no order."""
    records = [
        OrderNoticeRecord(
            order=order,
            kind=OrderNoticeRecord.NOTICE,
            slug=notice.slug,
            version=notice.version,
            title=f"{notice.title} ({', '.join(notice.products)})"
            if notice.products
            else notice.title,
            text=notice.text,
        )
        for notice in notices_for(products, context=ORDER)
    ]
    records += [
        OrderNoticeRecord(
            order=order,
            kind=OrderNoticeRecord.DOSE,
            slug=warning.code,
            title=warning.title,
            text=warning.message,
        )
        for warning in dose_warnings
    ]
    if acknowledged:
        products, at = acknowledged
        records.append(
            OrderNoticeRecord(
                order=order,
                kind=OrderNoticeRecord.ACKNOWLEDGEMENT,
                slug="doctors-advice",
                title="Doctor's advice",
                text=f"{ACKNOWLEDGEMENT}: {', '.join(p.get_title() for p in products)}.",
                shown_at=at,
            )
        )
    return records


class PaymentDetailsView(views.PaymentDetailsView):
    acknowledged = None  # (products, time) once the customer ticks the box

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(bank_transfer_context())
        if self.preview:
            basket = self.request.basket
            advice_products = products_needing_advice(basket)
            ctx["dose_warnings"] = basket_dose_warnings(basket)
            ctx["advice_products"] = advice_products
            ctx["acknowledgement"] = ACKNOWLEDGEMENT
            ctx["acknowledgement_key"] = acknowledgement_key(advice_products)
        return ctx

    def handle_place_order_submission(self, request):
        """Refuse the order until the customer confirms their doctor advised high-dose products.

        Nothing is frozen or written before this check, so a refusal keeps the basket as it was
        and shows the preview again with the reason.
        """
        advice_products = products_needing_advice(request.basket)
        if advice_products:
            given = request.POST.get(ACKNOWLEDGEMENT_FIELD, "")
            if given != acknowledgement_key(advice_products):
                titles = ", ".join(p.get_title() for p in advice_products)
                error = (
                    f"Please tick “{ACKNOWLEDGEMENT}” for {titles} to place your order. "
                    "Your cart is unchanged."
                )
                return self.render_preview(request, error=error, acknowledgement_error=True)
            self.acknowledged = (advice_products, timezone.now())
        return super().handle_place_order_submission(request)

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
        once it is committed, and a failing mail server cannot undo a placed order. A second
        submission of the same basket (a double click, a resubmitted page) waits for the first
        on the basket's row lock and then shows the order the first one placed.
        """
        try:
            with transaction.atomic():
                Basket.objects.select_for_update().filter(pk=basket.pk).first()
                if Order.objects.filter(number=order_number).exists():
                    raise AlreadyPlaced
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
                OrderNoticeRecord.objects.bulk_create(
                    notice_records(
                        order,
                        products=basket_products(basket),
                        dose_warnings=basket_dose_warnings(basket),
                        acknowledged=self.acknowledged,
                    )
                )
                basket.submit()
        except (AlreadyPlaced, IntegrityError):
            # IntegrityError: on SQLite, which has no row locks, the twin insert of the number.
            placed = Order.objects.filter(number=order_number).first()
            if placed is None:
                raise
            return self.show_placed_order(placed, basket)
        return self.handle_successful_order(order)

    def show_placed_order(self, order, basket):
        logger.info("Order #%s: submitted again, showing the order already placed", order.number)
        Basket.objects.filter(pk=basket.pk).update(status=Basket.SUBMITTED)
        self.request.session["checkout_order_id"] = order.pk
        return redirect(self.get_success_url())

    def send_order_placed_email(self, order):
        try:
            super().send_order_placed_email(order)
        except Exception:
            logger.exception("Order #%s placed, but its confirmation email failed", order.number)

    def get_message_context(self, order):
        ctx = super().get_message_context(order)
        ctx.update(bank_transfer_context())
        ctx["notice_records"] = order.notice_records.all()
        return ctx


class ThankYouView(views.ThankYouView):
    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(bank_transfer_context())
        products = [line.product for line in self.object.lines.all() if line.product is not None]
        ctx["page_notices"] = notices_for(products, context=CHECKOUT)
        return ctx
