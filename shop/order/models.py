from datetime import timedelta
from urllib.parse import quote

from django.conf import settings
from django.db import models
from django.utils import timezone
from oscar.apps.address.abstract_models import AbstractBillingAddress, AbstractShippingAddress
from oscar.apps.order.abstract_models import AbstractOrder, AbstractShippingEvent

from shop.addresses import PrintedTheUSWay

# Carriers staff ship with, and where a customer follows a parcel ({} is the tracking number).
CARRIERS = {
    "usps": ("USPS", "https://tools.usps.com/go/TrackConfirmAction?tLabels={}"),
    "ups": ("UPS", "https://www.ups.com/track?tracknum={}"),
    "fedex": ("FedEx", "https://www.fedex.com/fedextrack/?trknbr={}"),
    "dhl": ("DHL Express", "https://www.dhl.com/us-en/home/tracking.html?tracking-id={}"),
}
CARRIER_CHOICES = [(code, name) for code, (name, _url) in CARRIERS.items()]

PENDING_PAYMENT, PAID, SHIPPED, DELIVERED, CANCELLED = (
    "Pending payment",
    "Paid",
    "Shipped",
    "Delivered",
    "Cancelled",
)

STATUS_LABELS = {CANCELLED: "Canceled"}


def payment_deadline(placed_at):
    """When a bank-transfer order placed at `placed_at` must be paid by (PAYMENT_DEADLINE_DAYS)."""
    return placed_at + timedelta(days=settings.PAYMENT_DEADLINE_DAYS)


class OrderQuerySet(models.QuerySet):
    """The payment-deadline rule in one place, for the sweep and the dashboard's filters."""

    def awaiting_payment(self):
        return self.filter(status=PENDING_PAYMENT)

    def past_payment_deadline(self, now=None):
        return self.awaiting_payment().filter(payment_due_at__lte=now or timezone.now())


class Order(AbstractOrder):
    """Oscar's order plus its payment deadline, fixed when it is placed.

    The deadline is stored, not computed from the setting, so changing PAYMENT_DEADLINE_DAYS
    never moves the date a customer was already told.
    """

    payment_due_at = models.DateTimeField(
        null=True, blank=True, db_index=True, help_text="Pay by: cancelled if unpaid then"
    )
    payment_reminder_sent_at = models.DateTimeField(null=True, blank=True)
    cancellation_reason = models.CharField(max_length=255, blank=True)

    objects = OrderQuerySet.as_manager()

    @property
    def status_label(self):
        """The status as customers read it, in American English ("Canceled"); the stored value
        stays Oscar's pipeline name."""
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def awaiting_payment(self):
        return self.status == PENDING_PAYMENT

    @property
    def past_payment_deadline(self):
        return (
            self.awaiting_payment
            and self.payment_due_at is not None
            and self.payment_due_at <= timezone.now()
        )

    @property
    def tracked_shipment(self):
        """The latest shipping event with a tracking number, or None."""
        events = [e for e in self.shipping_events.all() if e.tracking_number]
        return max(events, key=lambda e: (e.date_created, e.pk)) if events else None


class ShippingAddress(PrintedTheUSWay, AbstractShippingAddress):
    """Oscar's order shipping address, printed the US way ("Springfield, IL 62704")."""


class BillingAddress(PrintedTheUSWay, AbstractBillingAddress):
    """Oscar's order billing address, printed the US way."""


class ShippingEvent(AbstractShippingEvent):
    """Oscar's shipping event plus the carrier and tracking number staff record when shipping."""

    carrier = models.CharField(max_length=16, choices=CARRIER_CHOICES, blank=True)
    tracking_number = models.CharField(max_length=64, blank=True)

    @property
    def carrier_name(self):
        return CARRIERS[self.carrier][0] if self.carrier in CARRIERS else ""

    @property
    def tracking_url(self):
        if self.carrier not in CARRIERS or not self.tracking_number:
            return ""
        return CARRIERS[self.carrier][1].format(quote(self.tracking_number, safe=""))


class OrderNoticeRecord(models.Model):
    """A copy of one notice, dose message or acknowledgement as its customer saw it.

    The text is copied, not linked: a later edit of a notice leaves old orders' records alone.
    """

    NOTICE, DOSE, ACKNOWLEDGEMENT = "notice", "dose", "acknowledgement"
    KINDS = [(NOTICE, "Notice"), (DOSE, "Dose message"), (ACKNOWLEDGEMENT, "Acknowledgement")]

    order = models.ForeignKey(
        "order.Order", on_delete=models.CASCADE, related_name="notice_records"
    )
    kind = models.CharField(max_length=16, choices=KINDS)
    slug = models.SlugField(
        max_length=64, blank=True, help_text="The notice's slug, or the nutrient's code"
    )
    version = models.PositiveIntegerField(null=True, blank=True, help_text="The notice's version")
    # Text: a notice's title names every product of the order it concerns (the iron warning
    # with a cart of iron products), which no length bounds.
    title = models.TextField()
    text = models.TextField()
    shown_at = models.DateTimeField(
        default=timezone.now, help_text="When it was shown, or when the customer acknowledged it"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"


from oscar.apps.order.models import *  # noqa: E402  (Oscar's documented fork pattern)
