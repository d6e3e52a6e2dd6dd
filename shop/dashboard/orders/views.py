"""Oscar's order dashboard views, with the parcel recorded when an order ships.

Marking an order Shipped, from its status form or with a "Shipped" shipping event, goes through
EventHandler.ship(): the carrier and tracking number are required, and without them nothing
changes. The order list filters by the bank-transfer payment deadline and shows it.
"""

from django.contrib import messages
from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import redirect
from oscar.apps.dashboard.orders import views
from oscar.apps.order.exceptions import InvalidOrderStatus, InvalidShippingEvent
from oscar.apps.payment.exceptions import PaymentError
from oscar.core.loading import get_model
from oscar.core.utils import format_datetime

from shop.order.models import CANCELLED, SHIPPED

from .forms import (
    AWAITING_PAYMENT,
    PAST_DEADLINE,
    PAYMENT_FILTERS,
    OrderSearchForm,
    OrderStatusForm,
    ShipmentForm,
)

ShippingEvent = get_model("order", "ShippingEvent")

# The shipping event type seeded by shop/order/migrations/0024 that EventHandler.ship() records.
SHIPPED_EVENT_CODE = "shipped"

NOT_IN_BULK = (
    "Orders are not marked Shipped from the list: open each order and ship it from its page, "
    "with the carrier and tracking number."
)


def form_errors(form):
    """A form's errors as one line for a message: "Tracking number: Ensure this value…"."""
    return " ".join(
        f"{form.fields[name].label}: {error}" if name in form.fields else str(error)
        for name, errors in form.errors.items()
        for error in errors
    )


class OrderListView(views.OrderListView):
    form_class = OrderSearchForm
    CSV_COLUMNS = {**views.OrderListView.CSV_COLUMNS, "pay_by": "Pay by"}

    def get_queryset(self):
        queryset = super().get_queryset()
        payment = self.form.cleaned_data["payment"] if self.form.is_valid() else ""
        if payment == AWAITING_PAYMENT:
            return queryset.awaiting_payment()
        if payment == PAST_DEADLINE:
            return queryset.past_payment_deadline()
        return queryset

    def get_search_filter_descriptions(self):
        descriptions = super().get_search_filter_descriptions()
        payment = getattr(self.form, "cleaned_data", {}).get("payment")
        if payment:
            descriptions.append(PAYMENT_FILTERS[payment])
        return descriptions

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        # Shipped needs a carrier and tracking number per order: not offered in bulk.
        ctx["order_statuses"] = [status for status in ctx["order_statuses"] if status != SHIPPED]
        ctx["payment_filters"] = self.payment_filter_links()
        return ctx

    def payment_filter_links(self):
        """Quick filters by payment; each keeps the search's other filters."""
        current = self.request.GET.get("payment", "")
        links = []
        for value, label in [("", "All orders"), *PAYMENT_FILTERS.items()]:
            params = self.request.GET.copy()
            params.pop("page", None)
            params.pop("payment", None)
            if value:
                params["payment"] = value
            links.append(
                {"label": label, "url": f"?{params.urlencode()}", "active": value == current}
            )
        return links

    def get_row_values(self, order):
        row = super().get_row_values(order)
        if order.awaiting_payment and order.payment_due_at:
            row["pay_by"] = format_datetime(order.payment_due_at, "DATETIME_FORMAT")
        return row

    def change_order_statuses(self, request, orders):
        if request.POST.get("new_status", "").strip() == SHIPPED:
            messages.error(request, NOT_IN_BULK)
            return redirect("dashboard:order-list")
        return super().change_order_statuses(request, orders)

    def change_order_status(self, request, order):
        try:
            super().change_order_status(request, order)
        except InvalidOrderStatus as error:  # another request changed the order meanwhile
            messages.error(request, f"Order #{order.number}: {error}")


class OrderDetailView(views.OrderDetailView):
    def get_order_status_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        return OrderStatusForm(order=self.object, data=data)

    def get_order_lines(self):
        # The lines table links each line's product and partner: one query, not two per line.
        return self.object.lines.select_related("product", "partner")

    def get_context_data(self, **kwargs):
        # The shipping events with what their table shows, in three queries (GET only: a POST
        # that ships must read the order's events afresh).
        events = ShippingEvent.objects.select_related("event_type").prefetch_related(
            "line_quantities__line"
        )
        prefetch_related_objects([self.object], Prefetch("shipping_events", queryset=events))
        ctx = super().get_context_data(**kwargs)
        ctx["shipment_form"] = ShipmentForm(auto_id="shipment_%s")
        ctx["order_cancelled"] = self.object.status == CANCELLED
        return ctx

    def change_order_status(self, request, order):
        form = self.get_order_status_form()
        if not form.is_valid():
            return self.reload_page(error=form_errors(form))
        new_status = form.cleaned_data["new_status"]
        if new_status == SHIPPED:
            return self.mark_shipped(request, order, form)
        note = f"Order status changed from '{order.status}' to '{new_status}'"
        try:
            self.get_handler(user=request.user).handle_order_status_change(
                order, new_status, note_msg=note
            )
        except (InvalidOrderStatus, PaymentError) as error:
            # Oscar says only "not valid"; the handler's message says why (changed meanwhile).
            messages.error(request, f"Status not changed: {error}")
        else:
            messages.info(request, note)
        return self.reload_page()

    def create_shipping_event(self, request, order, lines, quantities):
        if request.POST.get("shipping_event_type") != SHIPPED_EVENT_CODE:
            return super().create_shipping_event(request, order, lines, quantities)
        selected = {line.pk: quantity for line, quantity in zip(lines, quantities, strict=True)}
        if any(selected.get(line.pk) != line.quantity for line in order.lines.all()):
            return self.reload_page(
                error="A Shipped event covers the whole order: select every line, at its full "
                "quantity."
            )
        reference = request.POST.get("reference")
        return self.mark_shipped(request, order, ShipmentForm(request.POST), reference)

    def mark_shipped(self, request, order, form, reference=None):
        """Record the parcel and mark the order Shipped, or change nothing and say why."""
        if not form.is_valid():
            return self.reload_page(error=form_errors(form))
        carrier = form.cleaned_data.get("carrier", "")
        tracking_number = form.cleaned_data.get("tracking_number", "")
        note = f"Order status changed from '{order.status}' to '{SHIPPED}'"
        if reference and reference.strip():
            note += f" (reference: {reference.strip()})"
        handler = self.get_handler(user=request.user)
        try:
            if carrier or tracking_number:
                event = handler.ship(
                    order,
                    carrier=carrier,
                    tracking_number=tracking_number,
                    reference=reference or "",
                    note_msg=note,
                )
            else:
                # Refuses with TrackingRequired (an InvalidOrderStatus), whose message says what
                # is missing, unless the order's parcel is already on record.
                handler.handle_order_status_change(order, SHIPPED, note_msg=note)
                event = order.tracked_shipment
        except (InvalidOrderStatus, InvalidShippingEvent, PaymentError) as error:
            messages.error(request, f"Not marked Shipped: {error}")
        else:
            messages.info(
                request, f"{note}: {event.carrier_name}, tracking number {event.tracking_number}."
            )
        return self.reload_page()
