from django.db import models


class OutboundEmail(models.Model):
    """An email the mail server did not take when it was sent, kept to be tried again.

    `message` holds everything needed to send it again (mail/outbox.py); it is emptied once the
    email is sent, so reset links and customers' addresses are kept no longer than needed.
    """

    QUEUED, SENT, FAILED = "queued", "sent", "failed"
    STATUSES = [(QUEUED, "Waiting to retry"), (SENT, "Sent"), (FAILED, "Failed: gave up")]

    created_at = models.DateTimeField(auto_now_add=True)
    subject = models.CharField(max_length=255)
    recipients = models.TextField(help_text="To, Cc and Bcc, comma-separated")
    message = models.JSONField(default=dict)
    status = models.CharField(max_length=8, choices=STATUSES, default=QUEUED)
    attempts = models.PositiveSmallIntegerField(default=1, help_text="Including the first")
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.subject} to {self.recipients} ({self.get_status_display()})"
