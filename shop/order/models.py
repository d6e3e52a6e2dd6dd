from django.db import models
from django.utils import timezone


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
    title = models.CharField(max_length=200)
    text = models.TextField()
    shown_at = models.DateTimeField(
        default=timezone.now, help_text="When it was shown, or when the customer acknowledged it"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"


from oscar.apps.order.models import *  # noqa: E402  (Oscar's documented fork pattern)
