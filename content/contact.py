"""Contact Us plumbing: a per-address rate limit and the email to staff."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.dispatch import receiver

from mail.signals import email_delivered
from security.ratelimit import RateLimit

from .models import ContactMessage

logger = logging.getLogger("content.contact")


contact_rate_limit = RateLimit("contact", limit=5, window=3600)


# Names the ContactMessage in its email, so a late delivery can be recorded on the message.
CONTACT_MESSAGE_HEADER = "X-Contact-Message"


def send_to_staff(message):
    """Email the stored message to staff; True once it has left.

    With the mail server down the email is kept in the outbox (mail/outbox.py) and `email_sent`
    stays False, so the dashboard says "Not sent" until a retry delivers it and
    `record_late_delivery` sets it.
    """
    email = EmailMessage(
        subject=f"[Contact] {message.subject}",
        body=(
            f"From: {message.name} <{message.email}>\n"
            f"Received: {message.created_at:%Y-%m-%d %H:%M %Z}\n\n{message.message}\n"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[settings.STAFF_EMAIL],
        reply_to=[message.email],
        headers={CONTACT_MESSAGE_HEADER: str(message.pk)},
    )
    try:
        sent = email.send()
    except Exception:
        logger.exception("Contact message %s stored but the email to staff failed", message.pk)
        return False
    if not sent:
        logger.warning("Contact message %s stored; its email to staff will be retried", message.pk)
        return False
    message.email_sent = True
    message.save(update_fields=["email_sent"])
    return True


@receiver(email_delivered)
def record_late_delivery(sender, message, **kwargs):
    """A contact email the outbox kept has now reached staff."""
    pk = message.extra_headers.get(CONTACT_MESSAGE_HEADER, "")
    if pk.isdigit():
        ContactMessage.objects.filter(pk=int(pk)).update(email_sent=True)
