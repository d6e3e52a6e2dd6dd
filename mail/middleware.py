from email.utils import parseaddr

from django.conf import settings
from django.contrib import messages

from . import outbox

NOTICE = (
    "We could not send you our email just now: it will follow shortly, "
    "so there is no need to ask again."
)
# Staff at work in the dashboard (a reply, an order marked Shipped) sent it to a customer.
STAFF_NOTICE = (
    "The mail server did not take the email to {recipients} just now: it is kept and will be "
    "retried automatically (Django admin, Mail → Outbound emails)."
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
    is added after the view, so it shows on the page the customer is sent to next. In the
    dashboard, the staff member who sent an email to a customer is told it will be retried.
    """

    def middleware(request):
        deferred = []
        token = outbox.deferred_in_request.set(deferred)
        try:
            response = get_response(request)
        finally:
            outbox.deferred_in_request.reset(token)
        to_customers = [email for email in deferred if _to_customer(email)]
        if to_customers and request.path.startswith("/dashboard/"):
            recipients = ", ".join(sorted({email.recipients for email in to_customers}))
            messages.warning(
                request, STAFF_NOTICE.format(recipients=recipients), fail_silently=True
            )
        elif to_customers:
            messages.warning(request, NOTICE, fail_silently=True)
        return response

    return middleware
