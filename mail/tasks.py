"""Mail jobs for Celery: the outbox's retries on the beat schedule (CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from . import outbox


@shared_task(name="mail.tasks.retry_emails")
def retry_emails():
    """Send the stored emails whose next attempt is due; a count of their statuses afterwards."""
    return dict(outbox.retry_due())


@shared_task(name="mail.tasks.send_message")
def send_message(data):
    """Send one email recorded by outbox.serialise(); a refused one is kept to retry."""
    from django.core.mail import get_connection

    return get_connection().send_messages([outbox.rebuild(data)])


def send_after_commit(message):
    """Send `message` (an EmailMessage) from a worker once the current transaction commits."""
    from shop.tasks import after_commit

    after_commit(send_message, outbox.serialise(message))
