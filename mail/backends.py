"""EMAIL_BACKEND for every sender: delivers through the real backend, keeps what fails."""

import logging

from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend

from . import outbox

logger = logging.getLogger("mail.outbox")


class OutboxBackend(BaseEmailBackend):
    """Hands each email to EMAIL_DELIVERY_BACKEND; one it refuses is stored to be retried.

    Oscar's order and account emails, Django's password reset and Contact Us all send through
    EMAIL_BACKEND, so a mail server that is down degrades them all the same way, without an
    exception reaching the view. send_messages() counts only what was delivered: 0 for an email
    that was stored, so a caller that cares (Contact Us) can tell "sent" from "will follow".
    """

    def __init__(self, fail_silently=False, **kwargs):
        super().__init__(fail_silently=fail_silently)
        self.delivery = get_connection(outbox.delivery_backend(), fail_silently=False, **kwargs)

    def open(self):
        try:
            return self.delivery.open()
        except Exception:  # send_messages() tries again and keeps what it cannot send
            return False

    def close(self):
        try:
            self.delivery.close()
        except Exception:
            logger.warning("Closing the mail server connection failed", exc_info=True)

    def send_messages(self, email_messages):
        messages = list(email_messages or [])
        if not messages:
            return 0
        try:
            opened = self.delivery.open()
        except Exception as error:
            return self._keep(messages, error)
        sent = 0
        try:
            for message in messages:
                try:
                    sent += self.delivery.send_messages([message]) or 0
                except Exception as error:
                    self._keep([message], error)
        finally:
            if opened:
                self.close()
        return sent

    def _keep(self, messages, error):
        for message in messages:
            try:
                outbox.store(message, error)
            except Exception:
                logger.exception("An email the mail server refused could not be stored either")
                if not self.fail_silently:
                    raise error from None
        return 0
