"""Contact Us plumbing: a per-address rate limit and the email to staff."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage

logger = logging.getLogger("content.contact")


class RateLimit:
    """At most `limit` uses per `window` seconds per key, counted in the shared cache."""

    def __init__(self, name, limit, window):
        self.name, self.limit, self.window = name, limit, window

    def allow(self, key):
        cache_key = f"ratelimit:{self.name}:{key}"
        cache.add(cache_key, 0, self.window)
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, self.window)
            count = 1
        return count <= self.limit


contact_rate_limit = RateLimit("contact", limit=5, window=3600)


def send_to_staff(message):
    """Email the stored message to staff; on failure log it and leave email_sent False."""
    email = EmailMessage(
        subject=f"[Contact] {message.subject}",
        body=(
            f"From: {message.name} <{message.email}>\n"
            f"Received: {message.created_at:%Y-%m-%d %H:%M %Z}\n\n{message.message}\n"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[settings.STAFF_EMAIL],
        reply_to=[message.email],
    )
    try:
        email.send()
    except Exception:
        logger.exception("Contact message %s stored but the email to staff failed", message.pk)
        return False
    message.email_sent = True
    message.save(update_fields=["email_sent"])
    return True
