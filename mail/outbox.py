"""The outbox: emails the mail server did not take, kept and tried again with growing delays.

`mail.backends.OutboxBackend` calls `store()` when the real backend fails, so a mail outage never
fails a request (registration, password reset, checkout, Contact Us all send through it).
`retry_due()` tries the stored ones again; `manage.py retry_emails` runs it from cron. Both it and
`deliver()` are plain functions, so a Celery task (issue 12) can wrap either as it is.

Each retry is claimed by one conditional UPDATE (one more attempt counted, the next one scheduled)
before it is sent: two runs at once never send an email twice, and a run that dies mid-send
leaves the email to be tried again later.
"""

import base64
import logging
from collections import Counter
from contextvars import ContextVar
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives, get_connection
from django.utils import timezone

from .models import OutboundEmail
from .signals import email_delivered

logger = logging.getLogger("mail.outbox")

OUTBOX_BACKEND = "mail.backends.OutboxBackend"

# The emails stored during the current request; mail.middleware tells the customer about them.
deferred_in_request = ContextVar("deferred_in_request", default=None)


def delivery_backend():
    """The dotted path of the backend that really delivers (EMAIL_URL's in the settings)."""
    if settings.EMAIL_BACKEND != OUTBOX_BACKEND:
        return settings.EMAIL_BACKEND
    backend = getattr(settings, "EMAIL_DELIVERY_BACKEND", None)
    if not backend or backend == OUTBOX_BACKEND:
        raise ImproperlyConfigured(
            "EMAIL_BACKEND is the outbox: set EMAIL_DELIVERY_BACKEND to the backend that delivers."
        )
    return backend


def retry_delay(attempts):
    """How long to wait after the `attempts`-th failed try: doubling, up to the maximum."""
    delay = settings.EMAIL_RETRY_FIRST_DELAY * 2 ** max(attempts - 1, 0)
    return min(delay, settings.EMAIL_RETRY_MAX_DELAY)


def serialise(message):
    """Everything needed to send `message` again, as JSON."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            raise TypeError("An email with a MIME attachment cannot be stored to retry")
        filename, content, mimetype = attachment
        if isinstance(content, bytes):
            content = {"base64": base64.b64encode(content).decode("ascii")}
        attachments.append([filename, content, mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": str(message.from_email),
        "to": [str(a) for a in message.to],
        "cc": [str(a) for a in message.cc],
        "bcc": [str(a) for a in message.bcc],
        "reply_to": [str(a) for a in message.reply_to],
        "headers": {str(name): str(value) for name, value in message.extra_headers.items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "content_subtype": message.content_subtype,
        "mixed_subtype": message.mixed_subtype,
        "attachments": attachments,
    }


def rebuild(data):
    """The EmailMessage `serialise()` recorded."""
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(alternative) for alternative in data["alternatives"]],
    )
    message.content_subtype = data["content_subtype"]
    message.mixed_subtype = data["mixed_subtype"]
    for filename, content, mimetype in data["attachments"]:
        if isinstance(content, dict):
            content = base64.b64decode(content["base64"])
        message.attach(filename, content, mimetype)
    return message


def _describe(error):
    return f"{type(error).__name__}: {error}"[:2000]


def store(message, error):
    """Keep `message`, which the mail server refused with `error`, to be retried."""
    now = timezone.now()
    final = settings.EMAIL_RETRY_ATTEMPTS <= 1
    email = OutboundEmail.objects.create(
        subject=str(message.subject)[:255],
        recipients=", ".join(message.recipients()),
        message=serialise(message),
        status=OutboundEmail.FAILED if final else OutboundEmail.QUEUED,
        attempts=1,
        next_attempt_at=None if final else now + retry_delay(1),
        last_error=_describe(error),
    )
    logger.warning(
        "Email %r to %s not sent (%s): kept as outbound email %s, to retry",
        email.subject,
        email.recipients,
        email.last_error,
        email.pk,
    )
    deferred = deferred_in_request.get()
    if deferred is not None:
        deferred.append(email)
    return email


def _claim(pk, now):
    """Count one more attempt of a waiting email and schedule the next; None if taken."""
    email = OutboundEmail.objects.filter(pk=pk, status=OutboundEmail.QUEUED).first()
    if email is None:
        return None
    attempts = email.attempts + 1
    claimed = OutboundEmail.objects.filter(
        pk=pk, status=OutboundEmail.QUEUED, attempts=email.attempts
    ).update(attempts=attempts, next_attempt_at=now + retry_delay(attempts))
    return (email, attempts) if claimed else None


def _failed(email, attempts, error, now):
    final = attempts >= settings.EMAIL_RETRY_ATTEMPTS
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=OutboundEmail.FAILED if final else OutboundEmail.QUEUED,
        next_attempt_at=None if final else now + retry_delay(attempts),
        last_error=_describe(error),
    )
    if final:
        logger.error(
            "Gave up on outbound email %s (%r to %s) after %s attempts: %s",
            email.pk,
            email.subject,
            email.recipients,
            attempts,
            _describe(error),
        )
        return OutboundEmail.FAILED
    return OutboundEmail.QUEUED


def deliver(pk, *, connection=None, now=None):
    """Try once more to send the stored email `pk`; its status afterwards (None if not waiting).

    `connection` is an open connection of the delivering backend, shared by a batch.
    """
    now = now or timezone.now()
    claimed = _claim(pk, now)
    if claimed is None:
        return None
    email, attempts = claimed
    message = rebuild(email.message)
    try:
        (connection or get_connection(delivery_backend())).send_messages([message])
    except Exception as error:  # whatever the mail server says, it is tried again later
        return _failed(email, attempts, error, now)
    # Sent: the body (reset links, addresses) is no longer needed.
    OutboundEmail.objects.filter(pk=pk).update(
        status=OutboundEmail.SENT, sent_at=timezone.now(), next_attempt_at=None, message={}
    )
    logger.info("Outbound email %s sent at attempt %s", pk, attempts)
    for receiver, result in email_delivered.send_robust(
        sender=OutboundEmail, email=email, message=message
    ):
        if isinstance(result, Exception):
            logger.error("email_delivered receiver %r failed: %r", receiver, result)
    return OutboundEmail.SENT


def retry_due(*, now=None, limit=200):
    """Try every stored email whose next attempt is due; a count of their statuses afterwards."""
    now = now or timezone.now()
    due = list(
        OutboundEmail.objects.filter(status=OutboundEmail.QUEUED, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
    results = Counter()
    if not due:
        return results
    connection = get_connection(delivery_backend())
    try:
        connection.open()
    except Exception as error:  # still down: each due email's attempt fails the same way
        for pk in due:
            claimed = _claim(pk, now)
            if claimed is not None:
                results[_failed(*claimed, error, now)] += 1
        return results
    try:
        for pk in due:
            status = deliver(pk, connection=connection, now=now)
            if status is not None:
                results[status] += 1
    finally:
        connection.close()
    return results
