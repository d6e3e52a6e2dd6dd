from django.apps import AppConfig


class MailConfig(AppConfig):
    """The outbox: emails the mail server refused are kept here and retried (mail/outbox.py)."""

    name = "mail"
    verbose_name = "Mail"
