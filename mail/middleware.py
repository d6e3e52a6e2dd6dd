from email.utils import parseaddr

from django.conf import settings
from django.contrib import messages

from . import outbox

NOTICE = (
    "We could not send you our email just now: it will follow shortly, "
    "so there is no need to ask again."
)


def _staff_addresses():
    admins = [address for _, address in [*settings.ADMINS, *settings.MANAGERS]]
    return {_address(address) for address in [settings.STAFF_EMAIL, *admins]}


def _address(recipient):
    return parseaddr(recipient)[1].lower()


def _to_customer(email):
    staff = _staff_addresses()
    data = email.message
    return any(_address(r) not in staff for r in [*data["to"], *data["cc"], *data["bcc"]])


def deferred_email_notice(get_response):
    """Tells the customer when an email to them was kept to be retried (mail/outbox.py).

    Emails only to staff (a Contact Us message) are not the customer's to wait for. The notice
    is added after the view, so it shows on the page the customer is sent to next.
    """

    def middleware(request):
        deferred = []
        token = outbox.deferred_in_request.set(deferred)
        try:
            response = get_response(request)
        finally:
            outbox.deferred_in_request.reset(token)
        if any(_to_customer(email) for email in deferred):
            messages.warning(request, NOTICE, fail_silently=True)
        return response

    return middleware
