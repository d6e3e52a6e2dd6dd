"""The store's own deploy checks: `manage.py check --deploy` fails on a setting that would let
production run unsafe, with a message that says what to set.

Django's own deploy checks only warn, and about the web server alone; these are errors, and they
cover what would hurt a customer: paying into the demo bank account, emails that never leave,
links that carry a reset token over http. They are deploy checks (not run by every command), so
the production settings can still be tried on this machine with `make serve`.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register

# The keys committed in shop/settings/dev.py and test.py: anyone can forge sessions with them.
COMMITTED_SECRET_KEYS = frozenset({"dev-only-insecure-key-change-me", "test-only-key"})
# The demo account shop/settings/base.py falls back to without the BANK_* variables.
DEMO_BANK_DETAILS = {
    "bank_name": "First Example Bank",
    "routing_number": "011000015",
    "account_number": "000123456789",
}
BANK_VARIABLES = {
    "account_name": "BANK_ACCOUNT_NAME",
    "bank_name": "BANK_NAME",
    "routing_number": "BANK_ROUTING_NUMBER",
    "account_number": "BANK_ACCOUNT_NUMBER",
}
# Email backends that deliver nothing: a customer would never get an order or a reset email.
UNDELIVERED_EMAIL_BACKENDS = frozenset(
    f"django.core.mail.backends.{name}.EmailBackend"
    for name in ("console", "locmem", "dummy", "filebased")
)
LOCAL_HOSTS = frozenset({"*", "localhost", ".localhost", "0.0.0.0", "::1", "[::1]"})


def _is_local_host(host):
    host = host.lower()
    return host in LOCAL_HOSTS or host.endswith(".localhost") or host.startswith("127.")


@register(Tags.security, deploy=True)
def check_secret_key(app_configs, **kwargs):
    if settings.SECRET_KEY in COMMITTED_SECRET_KEYS:
        return [
            Error(
                "SECRET_KEY is a key committed to the repository, so anyone can forge sessions.",
                hint="Set DJANGO_SECRET_KEY to a long random value kept out of the repository, "
                "e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))'.",
                id="shop.E001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_debug(app_configs, **kwargs):
    if settings.DEBUG:
        return [
            Error(
                "DEBUG is on: error pages would show settings and code to anyone.",
                hint="Run with DJANGO_SETTINGS_MODULE=shop.settings.prod, which turns DEBUG off.",
                id="shop.E002",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_allowed_hosts(app_configs, **kwargs):
    local = [host for host in settings.ALLOWED_HOSTS if _is_local_host(host)]
    if local or not settings.ALLOWED_HOSTS:
        found = ", ".join(local) if local else "nothing"
        return [
            Error(
                f"ALLOWED_HOSTS lists {found}: production answers only to its public host names.",
                hint="Set ALLOWED_HOSTS to the public host names, comma-separated "
                "(e.g. ALLOWED_HOSTS=shop.example.com,www.shop.example.com), and have the load "
                "balancer's health check send one of them as its Host header.",
                id="shop.E003",
            )
        ]
    return []


@register("shop", deploy=True)
def check_email_backend(app_configs, **kwargs):
    # EMAIL_BACKEND is normally the outbox (mail/backends.py), which only keeps what fails; the
    # backend behind it is the one that has to deliver. (Imported here: the production settings
    # import this module before any model can be.)
    from mail.outbox import OUTBOX_BACKEND

    outboxed = settings.EMAIL_BACKEND == OUTBOX_BACKEND
    name = "EMAIL_DELIVERY_BACKEND" if outboxed else "EMAIL_BACKEND"
    backend = getattr(settings, name, None)
    if backend in UNDELIVERED_EMAIL_BACKENDS or backend in (None, "", OUTBOX_BACKEND):
        return [
            Error(
                f"{name} is {backend}: no order, reset or contact email would leave the server.",
                hint="Set EMAIL_URL to the mail service, "
                "e.g. EMAIL_URL=smtp+tls://user:password@smtp.example.com:587.",
                id="shop.E004",
            )
        ]
    return []


@register("shop", deploy=True)
def check_bank_details(app_configs, **kwargs):
    details = settings.BANK_TRANSFER_DETAILS
    wrong = [
        BANK_VARIABLES[field]
        for field in BANK_VARIABLES
        if not details.get(field) or details.get(field) == DEMO_BANK_DETAILS.get(field)
    ]
    if wrong:
        return [
            Error(
                "The bank-transfer details are the demo ones (or empty): customers would be told "
                "to pay into an account that is not the store's.",
                hint=f"Set {', '.join(wrong)} to the store's own bank account.",
                id="shop.E005",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_email_links_use_https(app_configs, **kwargs):
    url = urlsplit(settings.STORE_URL)
    if url.scheme != "https" or not url.hostname or _is_local_host(url.hostname):
        return [
            Error(
                f"Links in emails start with {settings.STORE_URL}: customers need the store's "
                "public https address (a password-reset link would otherwise carry its token "
                "unencrypted, or point at this machine).",
                hint="Set STORE_URL to the store's public address, e.g. https://shop.example.com.",
                id="shop.E006",
            )
        ]
    return []


@register(Tags.compatibility, deploy=True)
def check_background_jobs_have_a_broker(app_configs, **kwargs):
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return [
            Error(
                "Background jobs run inside requests (no Celery broker): every order email "
                "waits on the mail server, and no scheduled job cancels unpaid orders.",
                hint="Set CELERY_BROKER_URL (or REDIS_URL) to a Redis with noeviction, and run "
                "`make worker` (README, Scaling out).",
                id="shop.E007",
            )
        ]
    return []
