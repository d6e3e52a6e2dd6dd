"""The order dashboard's forms, plus the parcel staff ship with and the payment-deadline filter."""

from django import forms
from oscar.apps.dashboard.orders import forms as oscar_forms
from oscar.core.loading import get_model

from shop.addresses import USAddressFormMixin
from shop.order.models import CARRIER_CHOICES, SHIPPED

ShippingEvent = get_model("order", "ShippingEvent")

AWAITING_PAYMENT, PAST_DEADLINE = "awaiting", "past-deadline"
PAYMENT_FILTERS = {AWAITING_PAYMENT: "Awaiting payment", PAST_DEADLINE: "Past payment deadline"}


class ShipmentForm(forms.Form):
    """The carrier and tracking number of a parcel: Shipped needs both (EventHandler.ship)."""

    carrier = forms.ChoiceField(
        required=False, choices=[("", "---------"), *CARRIER_CHOICES], label="Carrier"
    )
    tracking_number = forms.CharField(  # stripped of spaces around it, as CharField does
        required=False,
        max_length=ShippingEvent._meta.get_field("tracking_number").max_length,
        label="Tracking number",
    )


class OrderStatusForm(ShipmentForm, oscar_forms.OrderStatusForm):
    """The new status, and the parcel's carrier and tracking number when it can be Shipped."""

    def __init__(self, order, *args, **kwargs):
        super().__init__(order, *args, **kwargs)
        if SHIPPED in order.available_statuses():
            tracking_number = self.fields["tracking_number"]
            tracking_number.help_text = (
                "Marking the order Shipped needs the carrier and this number."
            )
        else:
            del self.fields["carrier"], self.fields["tracking_number"]


class OrderSearchForm(oscar_forms.OrderSearchForm):
    payment = forms.ChoiceField(
        required=False,
        label="Payment",
        choices=[("", "---------"), *PAYMENT_FILTERS.items()],
    )

    # Next to the status; Oscar's other fields follow in their own order.
    field_order = [
        "order_number",
        "name",
        "product_title",
        "upc",
        "partner_sku",
        "status",
        "payment",
    ]


class ShippingAddressForm(USAddressFormMixin, oscar_forms.ShippingAddressForm):
    """Staff correcting an order's address meet the same US rules as the customer did."""
