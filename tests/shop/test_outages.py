"""Degrade, don't die: the store keeps serving and taking orders with Redis or the mail server
down (issue 11).

The outage settings are the production settings themselves, loaded in a fresh process with
REDIS_URL and EMAIL_URL pointing at ports where nothing listens, so these tests hold the settings
to what production runs, not to a copy of them.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.checks import run_checks
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from oscar.core.loading import get_model

from content.models import ContactMessage
from mail import outbox
from mail.middleware import NOTICE
from mail.models import OutboundEmail
from shop import cache as shop_cache
from tests.shop.checkout_steps import add_to_cart, checkout_to_preview, place_order

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
DEAD_REDIS = "redis://127.0.0.1:6390/0"  # nothing listens there
DEAD_SMTP = "smtp://127.0.0.1:2526"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
SETTING_NAMES = [
    "CACHES",
    "SESSION_ENGINE",
    "EMAIL_BACKEND",
    "EMAIL_DELIVERY_BACKEND",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS",
    "EMAIL_USE_SSL",
    "EMAIL_TIMEOUT",
]


@pytest.fixture(scope="module")
def production_outage_settings():
    """shop.settings.prod's cache, session and email settings with Redis and mail down."""
    code = (
        "import json, shop.settings.prod as s; "
        f"print(json.dumps({{n: getattr(s, n, None) for n in {SETTING_NAMES!r}}}))"
    )
    keep = {"PATH", "HOME", "LANG", "VIRTUAL_ENV", "PYTHONPATH"}
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update(
        DJANGO_SECRET_KEY="outage-test-key-" + "x" * 40,
        ALLOWED_HOSTS="shop.example.com",
        REDIS_URL=DEAD_REDIS,
        EMAIL_URL=DEAD_SMTP,
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(autouse=True)
def fresh_outage_state():
    shop_cache._outages.clear()
    yield
    shop_cache._outages.clear()


@pytest.fixture
def redis_down(settings, production_outage_settings):
    settings.CACHES = production_outage_settings["CACHES"]
    settings.SESSION_ENGINE = production_outage_settings["SESSION_ENGINE"]
    settings.PAGE_CACHE_SECONDS = 600  # the page cache reads the cache before any view runs
    return settings


@pytest.fixture
def mail_down(settings, production_outage_settings):
    """Production's email settings with the mail server down (pytest-django had set locmem)."""
    for name in SETTING_NAMES:
        if name.startswith("EMAIL_") and production_outage_settings[name] is not None:
            setattr(settings, name, production_outage_settings[name])
    settings.EMAIL_TIMEOUT = 2
    return settings


def mail_back(settings):
    settings.EMAIL_DELIVERY_BACKEND = LOCMEM


def retry_now():
    """Run the retry command as cron would once the next attempt is due."""
    OutboundEmail.objects.update(next_attempt_at=timezone.now())
    call_command("retry_emails", verbosity=0)


def notices(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- Redis down -------------------------------------------------------------------------------


def test_production_puts_sessions_in_the_database_and_gives_redis_short_timeouts(
    production_outage_settings,
):
    cache = production_outage_settings["CACHES"]["default"]
    assert cache["BACKEND"] == "shop.cache.ResilientRedisCache"
    assert cache["OPTIONS"]["socket_connect_timeout"] <= 0.5
    assert cache["OPTIONS"]["socket_timeout"] <= 1
    assert production_outage_settings["SESSION_ENGINE"] == (
        "django.contrib.sessions.backends.cached_db"
    )


def test_with_redis_down_pages_are_served_uncached(redis_down, client, iron):
    for url in ["/", iron.get_absolute_url(), "/catalogue/", "/articles/", "/contact/"]:
        response = client.get(url)
        assert response.status_code == 200, url


def test_with_redis_down_a_guest_fills_a_cart_and_places_an_order(redis_down, client, iron):
    assert add_to_cart(client, iron).status_code == 302
    assert client.get("/basket/").context["basket"].num_items == 1
    preview = checkout_to_preview(client, guest_email="guest@example.com")
    assert preview.status_code == 200
    response = place_order(client)
    assert (response.status_code, response["Location"]) == (302, "/checkout/thank-you/")
    order = Order.objects.get()
    assert order.guest_email == "guest@example.com"
    assert client.get("/checkout/thank-you/").context["order"] == order


def test_with_redis_down_a_customer_signs_in_and_stays_signed_in(redis_down, client, customer):
    response = client.post(
        "/accounts/login/",
        {
            "login-username": customer.email,
            "login-password": "a-long-secret-9",
            "login_submit": "1",
        },
    )
    assert response.status_code == 302
    assert "Hello, Ann" in client.get("/").content.decode()
    assert client.get("/accounts/profile/").status_code == 200


def test_healthz_still_reports_redis_down(redis_down, client):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "error: ConnectionError"
    assert response.json()["database"] == "ok"


def test_a_dead_redis_is_skipped_for_a_moment_after_one_failure(redis_down, caplog):
    from django.core.cache import cache

    assert cache.get("anything", "default") == "default"
    started = time.monotonic()
    for _ in range(200):
        cache.set("key", "value")
        assert cache.get("key") is None
    assert time.monotonic() - started < 0.5
    assert len([r for r in caplog.records if r.name == "shop.cache"]) == 1  # logged once


@pytest.fixture
def live_redis(tmp_path):
    """A real Redis on a free port, for the outage-and-recovery test."""
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield process, f"redis://127.0.0.1:{port}/0"
    process.send_signal(signal.SIGCONT)
    process.terminate()
    process.wait(5)


def test_what_was_written_during_an_outage_is_not_read_stale_afterwards(live_redis, monkeypatch):
    """A session signed out (or a price changed) while Redis was unreachable: Redis still holds
    the old value when it comes back, so the keys lost meanwhile are deleted first."""
    process, url = live_redis
    monkeypatch.setattr(shop_cache._Outage, "RETRY_AFTER", 0.0)
    cache = shop_cache.ResilientRedisCache(
        url, {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}}
    )
    cache.set("session", "signed in")
    cache.set("other", "kept")
    process.send_signal(signal.SIGSTOP)  # unreachable, its data intact
    try:
        cache.delete("session")  # sign-out: lost
        assert cache.get("other") is None
    finally:
        process.send_signal(signal.SIGCONT)
    assert cache.get("session") is None
    assert cache.get("other") == "kept"


# --- Mail server down -------------------------------------------------------------------------


def test_production_delivers_through_the_outbox(production_outage_settings):
    assert production_outage_settings["EMAIL_BACKEND"] == "mail.backends.OutboxBackend"
    assert production_outage_settings["EMAIL_DELIVERY_BACKEND"] == (
        "django.core.mail.backends.smtp.EmailBackend"
    )
    assert production_outage_settings["EMAIL_TIMEOUT"]


def test_registration_with_the_mail_server_down(mail_down, client):
    response = client.post("/accounts/register/", {"email": "new@example.com"}, follow=True)
    assert response.status_code == 200
    assert NOTICE in response.content.decode()
    email = OutboundEmail.objects.get()
    assert email.recipients == "new@example.com" and email.status == OutboundEmail.QUEUED
    assert "ConnectionRefusedError" in email.last_error

    mail_back(mail_down)
    retry_now()
    [sent] = mail.outbox
    assert sent.to == ["new@example.com"] and "/accounts/register/confirm/" in sent.body


def test_password_reset_with_the_mail_server_down(mail_down, client, customer):
    response = client.post("/password-reset/", {"email": customer.email})
    assert response.status_code == 302
    assert notices(response) == [NOTICE]
    assert OutboundEmail.objects.get().recipients == customer.email

    mail_back(mail_down)
    retry_now()
    [sent] = mail.outbox
    assert sent.to == [customer.email] and "/password-reset/confirm/" in sent.body


def test_password_change_with_the_mail_server_down(mail_down, client, customer):
    client.force_login(customer)
    response = client.post(
        "/accounts/change-password/",
        {
            "old_password": "a-long-secret-9",
            "new_password1": "another-long-secret-7",
            "new_password2": "another-long-secret-7",
        },
    )
    assert response.status_code == 302
    assert notices(response)[-1] == NOTICE
    customer.refresh_from_db()
    assert customer.check_password("another-long-secret-7")
    assert OutboundEmail.objects.get().recipients == customer.email


def test_checkout_with_the_mail_server_down(mail_down, committed_db, client, iron):
    # The order really commits (committed_db), so its confirmation, queued for after the commit,
    # is tried while the customer's request is still running, as in production.
    add_to_cart(client, iron)
    checkout_to_preview(client, guest_email="guest@example.com")
    response = place_order(client)
    assert (response.status_code, response["Location"]) == (302, "/checkout/thank-you/")
    order = Order.objects.get()
    page = client.get("/checkout/thank-you/").content.decode()
    assert NOTICE in page and order.number in page
    email = OutboundEmail.objects.get()
    assert email.recipients == "guest@example.com" and order.number in email.subject

    mail_back(mail_down)
    retry_now()
    [sent] = mail.outbox
    assert sent.to == ["guest@example.com"] and order.number in sent.body
    html = [content for content, mimetype in sent.alternatives if mimetype == "text/html"]
    assert html and order.number in html[0]


def test_contact_with_the_mail_server_down(mail_down, client):
    form = {
        "name": "Ann Lee",
        "email": "ann@example.com",
        "subject": "Where is my order?",
        "message": "I ordered magnesium last week and it has not arrived.",
    }
    response = client.post("/contact/", form)
    assert response.status_code == 302
    assert notices(response) == []  # the email was for staff: nothing for the customer to await
    message = ContactMessage.objects.get()
    assert message.email_sent is False  # staff see "Not sent" while it waits

    mail_back(mail_down)
    retry_now()
    [sent] = mail.outbox
    assert sent.to == [mail_down.STAFF_EMAIL] and sent.reply_to == ["ann@example.com"]
    message.refresh_from_db()
    assert message.email_sent is True


def test_emails_sent_while_the_server_works_are_not_kept(settings, client, customer):
    settings.EMAIL_BACKEND = "mail.backends.OutboxBackend"
    settings.EMAIL_DELIVERY_BACKEND = LOCMEM
    response = client.post("/password-reset/", {"email": customer.email})
    assert notices(response) == [] and len(mail.outbox) == 1
    assert not OutboundEmail.objects.exists()


def test_a_retry_waits_for_its_time_and_sends_once(mail_down, client, customer):
    client.post("/password-reset/", {"email": customer.email})
    mail_back(mail_down)
    call_command("retry_emails", verbosity=0)
    assert mail.outbox == []  # next attempt is a minute away
    retry_now()
    retry_now()
    assert len(mail.outbox) == 1
    email = OutboundEmail.objects.get()
    assert (email.status, email.attempts, email.message) == (OutboundEmail.SENT, 2, {})


def test_retries_back_off_then_give_up_where_staff_see_it(mail_down, client, customer, staff):
    mail_down.EMAIL_RETRY_ATTEMPTS = 4
    client.post("/password-reset/", {"email": customer.email})
    delays = []
    for _ in range(3):
        before = timezone.now()
        retry_now()
        email = OutboundEmail.objects.get()
        if email.next_attempt_at:
            delays.append(round((email.next_attempt_at - before).total_seconds() / 60))
    assert delays == [2, 4]
    assert (email.status, email.attempts) == (OutboundEmail.FAILED, 4)

    admin = Client()
    admin.force_login(staff)
    page = admin.get("/admin/mail/outboundemail/?status=failed").content.decode()
    assert customer.email in page and "Failed: gave up" in page
    assert (
        "/password-reset/confirm/"
        not in admin.get(f"/admin/mail/outboundemail/{email.pk}/change/").content.decode()
    )


def test_an_email_is_kept_whole():
    message = EmailMultiAlternatives(
        subject="Your order",
        body="Plain text",
        from_email="Store <orders@example.com>",
        to=["Lee, Ann <ann@example.com>"],
        cc=["cc@example.com"],
        bcc=["bcc@example.com"],
        reply_to=["help@example.com"],
        headers={"X-Order": "100023"},
    )
    message.attach_alternative("<p>HTML</p>", "text/html")
    message.attach("receipt.pdf", b"%PDF-\x00\xff", "application/pdf")
    message.attach("notes.txt", "some notes", "text/plain")
    again = outbox.rebuild(json.loads(json.dumps(outbox.serialise(message))))
    for field in ["subject", "body", "from_email", "to", "cc", "bcc", "reply_to", "extra_headers"]:
        assert getattr(again, field) == getattr(message, field), field
    assert list(again.alternatives) == list(message.alternatives)
    assert [tuple(a) for a in again.attachments] == [tuple(a) for a in message.attachments]


def test_deploy_check_looks_at_the_backend_that_delivers(settings):
    settings.EMAIL_BACKEND = "mail.backends.OutboxBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
    errors = [e for e in run_checks(include_deployment_checks=True) if e.id == "shop.E004"]
    assert errors and "EMAIL_DELIVERY_BACKEND" in errors[0].msg
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert not [e for e in run_checks(include_deployment_checks=True) if e.id == "shop.E004"]
