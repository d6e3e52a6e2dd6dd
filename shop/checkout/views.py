"""Checkout with bank transfer as the first payment method (DESIGN §7).

The order is placed as "Pending payment" with the order number as the payment reference; staff
mark it paid in the dashboard when the money arrives.
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Prefetch
from django.shortcuts import redirect
from django.utils import timezone
from oscar.apps.checkout import views
from oscar.core.loading import get_class, get_model

from catalogue.selectors import basket_products
from compliance.dosage import basket_dose_warnings, products_needing_advice
from compliance.notices import CHECKOUT, ORDER, notices_for
from shop.basket.cookie import guest_basket_id
from shop.order.emails import ORDER_PLACED
from shop.order.tasks import send_order_email
from shop.tasks import after_commit

Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
OrderNoticeRecord = get_model("order", "OrderNoticeRecord")
Order = get_model("order", "Order")
OrderLine = get_model("order", "Line")
Basket = get_model("basket", "Basket")
CheckoutSessionData = get_class("checkout.utils", "CheckoutSessionData")

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


class IndexView(views.IndexView):
    """Oscar's gateway, whose "returning customer" password goes through the sign-in limits.

    Oscar builds the form without the request, so authenticate() ran without one and
    django-axes could neither count nor refuse the passwords tried here (shop/auth.py).
    """

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


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
        on the basket's lock and then shows the order the first one placed.
        """
        try:
            with transaction.atomic():
                self.lock_basket(basket.pk)
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
        except AlreadyPlaced:
            return self.show_placed_order(Order.objects.get(number=order_number))
        return self.handle_successful_order(order)

    @staticmethod
    def lock_basket(basket_id):
        """Hold the basket's lock until the transaction ends, waiting for whoever holds it.

        The lock is a write that changes nothing. On PostgreSQL it takes the row lock. On SQLite,
        as the transaction's first statement, it takes the database's write lock and waits for
        the other writer to commit; a read first (select_for_update, which SQLite ignores) would
        make SQLite refuse the later write with "database is locked" instead of waiting.
        """
        Basket.objects.filter(pk=basket_id).update(status=F("status"))

    def show_placed_order(self, order):
        """The thank-you page of an order this basket already placed, as its first submission."""
        logger.info("Order #%s: submitted again, showing the order already placed", order.number)
        # A twin that froze its stale copy of the basket after the order committed wrote the
        # basket back to Frozen: it is Submitted, since the order it made exists.
        Basket.objects.filter(pk=order.basket_id).update(
            status=Basket.SUBMITTED, date_submitted=order.date_placed
        )
        self.checkout_session.flush()
        self.request.session["checkout_order_id"] = order.pk
        return redirect(self.get_success_url())

    # A submission of a basket that placed its order this long ago or less shows that order; an
    # older one (a stale preview page in another tab, say) is an empty cart again, as in Oscar.
    resubmission_window = timedelta(minutes=10)
    # How long a resubmission waits for a placement in progress (basket frozen, no order yet).
    placement_wait_seconds = 10

    def dispatch(self, request, *args, **kwargs):
        """Place order of a basket that was already submitted lands on that order's thank-you.

        The first submission freezes the basket, then submits it; a second one (a double click,
        a resubmitted page) that arrives after that finds no open basket, and Oscar's checks
        would send it to an empty cart. It is shown the order its basket placed instead.
        """
        if (
            self.preview
            and request.method == "POST"
            and request.POST.get("action") == "place_order"
            and request.basket.is_empty
        ):
            placed = self.order_placed_from(self.submitted_basket_id(request), request)
            if placed is not None:
                self.checkout_session = CheckoutSessionData(request)
                return self.show_placed_order(placed)
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def submitted_basket_id(request):
        """The basket this browser last submitted: no longer open, so no longer request.basket.

        A guest's basket is the one its signed basket cookie names, as in Oscar's middleware,
        or, once a page has dropped that cookie, the one of the order this session placed. A
        signed-in customer's is their latest checked-out basket.
        """
        user = request.user if request.user.is_authenticated else None
        if user is not None:
            return (
                Basket.objects.filter(owner=user, status__in=[Basket.FROZEN, Basket.SUBMITTED])
                .order_by("-pk")
                .values_list("pk", flat=True)
                .first()
            )
        if request.COOKIES.get(settings.OSCAR_BASKET_COOKIE_OPEN):
            basket_id = guest_basket_id(request)
            if basket_id is None:
                return None
            guest_basket = Basket.objects.filter(pk=basket_id, owner=None)
            return basket_id if guest_basket.exclude(status=Basket.OPEN).exists() else None
        order_id = request.session.get("checkout_order_id")
        return Order.objects.filter(pk=order_id).values_list("basket_id", flat=True).first()

    def order_placed_from(self, basket_id, request):
        """The order placed from this basket, once any placement in progress has finished.

        Only this visitor's order (theirs if signed in, a guest order otherwise), and only a
        recent one: see resubmission_window.
        """
        if basket_id is None:
            return None
        deadline = time.monotonic() + self.placement_wait_seconds
        while True:
            with transaction.atomic():
                self.lock_basket(basket_id)  # waits while the first submission places the order
                basket = Basket.objects.filter(pk=basket_id).values_list("status", flat=True)
                status = basket.first()
                order = Order.objects.filter(basket_id=basket_id).first()
            if order is not None or status != Basket.FROZEN:
                break
            if time.monotonic() > deadline:
                return None
            time.sleep(0.05)  # frozen, not yet locked: the first submission is about to place it
        user_id = request.user.pk if request.user.is_authenticated else None
        if (
            order is None
            or order.user_id != user_id
            or order.date_placed < timezone.now() - self.resubmission_window
        ):
            return None
        return order

    def send_order_placed_email(self, order):
        """Queue the confirmation (shop/order/emails.py) for once the order has committed.

        It is sent by a worker, not in this request: a slow or failing mail server cannot
        delay or undo the order, and the outbox keeps an email the server refuses to retry it.
        """
        after_commit(send_order_email, order.pk, ORDER_PLACED)


class ThankYouView(views.ThankYouView):
    def get(self, request, *args, **kwargs):
        """Load the visitor's basket, so that Oscar's middleware finds the submitted one no longer
        open and drops its cookie (the header counts the cart without loading the basket)."""
        request.basket.id  # noqa: B018
        return super().get(request, *args, **kwargs)

    def get_object(self, queryset=None):
        """Oscar's (this session's order; a superuser may name any), loaded with what the page
        shows of it: address and country joined, a query each for the lines with their products,
        their options and the surcharges, however many lines the order has."""
        orders = Order._default_manager.select_related(
            "shipping_address__country"
        ).prefetch_related(
            Prefetch("lines", queryset=OrderLine.objects.select_related("product")),
            "lines__attributes",
            "surcharges",
        )
        asked, order = self.request.GET, None
        if self.request.user.is_superuser:
            if "order_number" in asked:
                order = orders.filter(number=asked["order_number"]).first()
            elif "order_id" in asked:
                order = orders.filter(id=asked["order_id"]).first()
        if order is None and "checkout_order_id" in self.request.session:
            order = orders.filter(pk=self.request.session["checkout_order_id"]).first()
        return order

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(bank_transfer_context())
        products = [line.product for line in self.object.lines.all() if line.product is not None]
        ctx["page_notices"] = notices_for(products, context=CHECKOUT)
        return ctx
