"""Contact Us plumbing: a per-address rate limit, the email to staff, staff replies to the
customer, and the orders a message quotes."""

import logging
import re

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.text import Truncator
from oscar.core.loading import get_model

from mail.signals import email_delivered
from mail.tasks import send_after_commit
from security.ratelimit import RateLimit
from shop.links import public_url

from .models import ContactMessage, ContactReply

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


# How much of the customer's message a reply quotes back to them.
REPLY_QUOTE_CHARS = 600


def reply_subject(message):
    """ "Re: <their subject>" on one line (a subject is an email header), never "Re: Re: ..."."""
    subject = " ".join(message.subject.split())
    return subject if subject.lower().startswith("re:") else f"Re: {subject}"


def reply_email(reply):
    """The email of a staff reply: the reply, a short quote of the message, the signature.

    The customer's answer goes to STAFF_EMAIL (Reply-To), not to the no-reply sender address.
    """
    message = reply.message
    received = format_date(timezone.localtime(message.created_at), "M j, Y")
    quoted = Truncator(message.message.strip()).chars(REPLY_QUOTE_CHARS)
    quote = "\n".join(f"> {line}".rstrip() for line in quoted.splitlines())
    body = (
        f"{reply.body}\n\n"
        f"On {received}, {message.name} wrote:\n{quote}\n\n"
        f"-- \n{settings.OSCAR_SHOP_NAME}\n{public_url(reverse('contact'))}\n"
    )
    return EmailMessage(
        subject=reply_subject(message),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.email],
        reply_to=[settings.STAFF_EMAIL],
    )


def reply_to_customer(message, body, staff_user):
    """Save a staff reply, mark the message handled, and email the reply once it commits.

    Returns (reply, True), or (the earlier reply, False) when this is a resubmission of the
    latest reply by the same person (a double click): the customer gets it once. The email is
    sent by a worker after the commit (mail.tasks.send_after_commit); with the mail server down
    the outbox keeps it to retry, and the reply stays saved either way.
    """
    with transaction.atomic():
        message = ContactMessage.objects.select_for_update().get(pk=message.pk)
        latest = message.replies.order_by("-created_at", "-pk").first()
        if latest is not None and latest.body == body and latest.sent_by_id == staff_user.pk:
            return latest, False
        reply = ContactReply.objects.create(message=message, body=body, sent_by=staff_user)
        if message.handled_at is None:
            message.handled_at, message.handled_by = timezone.now(), staff_user
            message.save(update_fields=["handled_at", "handled_by"])
        send_after_commit(reply_email(reply))
    return reply, True


# A whole number of 6 to 20 digits (Oscar's order numbers are 100000 + the basket's id): not
# part of a word or of a longer number, including one written with separators ("1-100023-4",
# "100023.50"), so "#100023" and "order 100023." match and "1000231" does not.
ORDER_NUMBER = re.compile(r"(?<!\w)(?<![0-9][-.,/])([0-9]{6,20})(?!\w)(?![-.,/][0-9])")
# Candidates looked up per message: bounds the query whatever a message is stuffed with.
MAX_ORDER_NUMBERS = 10


def order_numbers_in(*texts):
    """The distinct order-number candidates quoted in `texts`, first quoted first."""
    numbers = {}
    for text in texts:
        for match in ORDER_NUMBER.finditer(text or ""):
            numbers.setdefault(match.group(1))
            if len(numbers) == MAX_ORDER_NUMBERS:
                return list(numbers)
    return list(numbers)


def attach_quoted_orders(messages):
    """Set `quoted_orders` on each message: the existing orders its subject or body quotes.

    One query for all the messages (a page of the list), whatever their number.
    """
    messages = list(messages)
    quoted = {
        message.pk: order_numbers_in(message.subject, message.message) for message in messages
    }
    numbers = set().union(*quoted.values())
    orders = {}
    if numbers:
        Order = get_model("order", "Order")
        orders = {
            order.number: order
            for order in Order.objects.filter(number__in=numbers).select_related("user")
        }
    for message in messages:
        message.quoted_orders = [
            orders[number] for number in quoted[message.pk] if number in orders
        ]
    return messages
