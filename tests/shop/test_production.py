"""Production settings, security headers, health check and the sign-in rate limit."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.checks import run_checks
from django.db import connection
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db

# What a real deploy sets (README, "Running in production"); each test below spoils one of them.
DEPLOY_ENV = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "shop.example.com",
    "EMAIL_URL": "smtp+tls://orders:secret@smtp.example.com:587",
    "BANK_ACCOUNT_NAME": "Restful Legs Vitamins LLC",
    "BANK_NAME": "Second Real Bank",
    "BANK_ROUTING_NUMBER": "021000021",
    "BANK_ACCOUNT_NUMBER": "4455667788",
    "STORE_URL": "https://shop.example.com",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
# Inherited from whoever runs the tests, these would make a subprocess's settings not the ones
# a test names; the browser tests' async flag must not reach a production check either.
NOT_INHERITED = {
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_DEBUG",
    "CELERY_BROKER_URL",
    "CELERY_TASK_ALWAYS_EAGER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    *DEPLOY_ENV,
}


def subprocess_env(**env):
    inherited = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    return {**inherited, **{k: v for k, v in env.items() if v is not None}}


def run_python(*args, **env):
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=subprocess_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_manage(*args, **env):
    return run_python("manage.py", *args, **{"DJANGO_SETTINGS_MODULE": "shop.settings.prod", **env})


def prod_settings(*names, **env):
    """The named values of shop.settings.prod, loaded in a fresh process with this environment."""
    code = (
        "import json, shop.settings.prod as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {list(names)!r}}}))"
    )
    result = run_python("-c", code, **{**DEPLOY_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_with_production_settings_is_clean():
    """HSTS subdomains and preload are off by default, so exactly Django's two warnings about
    them (security.W005, W021) are silenced, and besides them only the warning that the store's
    url_tags replaces Oscar's (templates.W003, shop/templatetags/url_tags.py)."""
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **DEPLOY_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (3 silenced)." in result.stdout


def test_check_deploy_silences_only_the_tag_override_when_a_deploy_opts_into_preload():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **DEPLOY_ENV,
        SECURE_HSTS_SECONDS="31536000",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="true",
        SECURE_HSTS_PRELOAD="true",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (1 silenced)." in result.stdout


def test_check_deploy_refuses_the_demo_defaults_and_says_what_to_set():
    """Only a secret key set: the localhost hosts, console email and demo bank account that
    make serve runs with on this machine are each refused, with the variable to set."""
    result = run_manage("check", "--deploy", DJANGO_SECRET_KEY=DEPLOY_ENV["DJANGO_SECRET_KEY"])
    assert result.returncode != 0
    output = result.stderr
    for check_id, hint in [
        ("shop.E003", "Set ALLOWED_HOSTS"),
        ("shop.E004", "Set EMAIL_URL"),
        ("shop.E005", "Set BANK_NAME, BANK_ROUTING_NUMBER, BANK_ACCOUNT_NUMBER"),
    ]:
        assert check_id in output and hint in output, output


def test_check_deploy_refuses_email_links_over_http():
    result = run_manage(
        "check", "--deploy", **{**DEPLOY_ENV, "STORE_URL": "http://shop.example.com"}
    )
    assert result.returncode != 0
    assert "shop.E006" in result.stderr and "STORE_URL" in result.stderr


def test_check_deploy_refuses_background_jobs_without_a_broker():
    result = run_manage("check", "--deploy", **{**DEPLOY_ENV, "REDIS_URL": None})
    assert result.returncode != 0
    assert "shop.E007" in result.stderr and "CELERY_BROKER_URL" in result.stderr


def test_production_refuses_to_start_with_the_committed_development_key():
    result = run_manage(
        "check", **{**DEPLOY_ENV, "DJANGO_SECRET_KEY": "dev-only-insecure-key-change-me"}
    )
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY to a key of production's own" in result.stderr


def test_every_secret_key_committed_to_the_repository_is_refused():
    """Read from the settings files themselves, so a key changed there cannot slip past."""
    import ast

    from shop.checks import COMMITTED_SECRET_KEYS

    found = set()
    for path in (ROOT / "shop" / "settings").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Assign) and "SECRET_KEY" in [
                getattr(target, "id", None) for target in node.targets
            ]:
                found |= {
                    c.value
                    for c in ast.walk(node.value)
                    if isinstance(c, ast.Constant) and c.value not in ("", "DJANGO_SECRET_KEY")
                }
    assert {"dev-only-insecure-key-change-me", "test-only-key"} <= found <= COMMITTED_SECRET_KEYS


REAL_BANK = {
    "account_name": DEPLOY_ENV["BANK_ACCOUNT_NAME"],
    "bank_name": DEPLOY_ENV["BANK_NAME"],
    "routing_number": DEPLOY_ENV["BANK_ROUTING_NUMBER"],
    "account_number": DEPLOY_ENV["BANK_ACCOUNT_NUMBER"],
}
# The demo details shop/settings/base.py falls back to (see also the check --deploy test above,
# which runs on base.py's own defaults).
DEMO_BANK = {
    "account_name": "Restful Legs Vitamins LLC",
    "bank_name": "First Example Bank",
    "routing_number": "011000015",
    "account_number": "000123456789",
}


@pytest.fixture
def deploy_settings(settings):
    """This process's settings made what a real deploy sets, so one change makes one refusal."""
    settings.SECRET_KEY = DEPLOY_ENV["DJANGO_SECRET_KEY"]
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["shop.example.com", ".shop.example.com"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.BANK_TRANSFER_DETAILS = REAL_BANK
    settings.STORE_URL = "https://shop.example.com"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    return settings


def store_check_errors():
    return [e for e in run_checks(include_deployment_checks=True) if e.id.startswith("shop.")]


def test_a_real_deploy_passes_the_store_checks(deploy_settings):
    assert store_check_errors() == []


@pytest.mark.parametrize(
    "name, value, check_id, hint",
    [
        ("SECRET_KEY", "dev-only-insecure-key-change-me", "shop.E001", "Set DJANGO_SECRET_KEY"),
        ("SECRET_KEY", "test-only-key", "shop.E001", "Set DJANGO_SECRET_KEY"),
        ("DEBUG", True, "shop.E002", "shop.settings.prod"),
        ("ALLOWED_HOSTS", [], "shop.E003", "Set ALLOWED_HOSTS"),
        ("ALLOWED_HOSTS", ["*"], "shop.E003", "Set ALLOWED_HOSTS"),
        ("ALLOWED_HOSTS", ["shop.example.com", "localhost"], "shop.E003", "Set ALLOWED_HOSTS"),
        ("ALLOWED_HOSTS", ["shop.example.com", "127.0.0.1"], "shop.E003", "Set ALLOWED_HOSTS"),
        ("ALLOWED_HOSTS", ["[::1]"], "shop.E003", "Set ALLOWED_HOSTS"),
        ("ALLOWED_HOSTS", ["shop.localhost"], "shop.E003", "Set ALLOWED_HOSTS"),
        *[
            (
                "EMAIL_BACKEND",
                f"django.core.mail.backends.{b}.EmailBackend",
                "shop.E004",
                "EMAIL_URL",
            )
            for b in ("console", "locmem", "dummy", "filebased")
        ],
        ("BANK_TRANSFER_DETAILS", DEMO_BANK, "shop.E005", "Set BANK_NAME"),
        (
            "BANK_TRANSFER_DETAILS",
            {**REAL_BANK, "account_number": "000123456789"},
            "shop.E005",
            "Set BANK_ACCOUNT_NUMBER to",
        ),
        ("BANK_TRANSFER_DETAILS", {**REAL_BANK, "bank_name": ""}, "shop.E005", "Set BANK_NAME to"),
        ("STORE_URL", "http://shop.example.com", "shop.E006", "STORE_URL"),
        ("STORE_URL", "https://127.0.0.1:8000", "shop.E006", "STORE_URL"),
        ("CELERY_TASK_ALWAYS_EAGER", True, "shop.E007", "CELERY_BROKER_URL"),
    ],
)
def test_each_unsafe_setting_is_refused_by_check_deploy(
    deploy_settings, name, value, check_id, hint
):
    setattr(deploy_settings, name, value)
    errors = store_check_errors()
    assert [e.id for e in errors] == [check_id]
    assert hint in errors[0].hint


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_SECRET_KEY="")
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_hsts_is_one_day_without_subdomains_or_preload_unless_a_deploy_asks():
    names = ("SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD")
    assert prod_settings(*names, "SILENCED_SYSTEM_CHECKS") == {
        "SECURE_HSTS_SECONDS": 86400,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": False,
        "SECURE_HSTS_PRELOAD": False,
        "SILENCED_SYSTEM_CHECKS": ["templates.W003", "security.W005", "security.W021"],
    }
    opted_in = prod_settings(
        *names,
        "SILENCED_SYSTEM_CHECKS",
        SECURE_HSTS_SECONDS="31536000",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="true",
        SECURE_HSTS_PRELOAD="true",
    )
    assert opted_in == {
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SILENCED_SYSTEM_CHECKS": ["templates.W003"],
    }


@pytest.mark.parametrize(
    "command, settings_module",
    [
        (
            [
                "-c",
                "import shop.wsgi; from django.conf import settings as s; print(s.SETTINGS_MODULE)",
            ],
            "shop.settings.prod",
        ),
        (
            [
                "-c",
                "import shop.asgi; from django.conf import settings as s; print(s.SETTINGS_MODULE)",
            ],
            "shop.settings.prod",
        ),
        (
            [
                "manage.py",
                "shell",
                "-c",
                "from django.conf import settings as s; print(s.SETTINGS_MODULE)",
            ],
            "shop.settings.dev",
        ),
    ],
)
def test_servers_default_to_production_settings_and_manage_py_to_development(
    command, settings_module
):
    result = run_python(*command, **DEPLOY_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == settings_module


def test_a_server_started_without_settings_or_a_key_refuses_rather_than_run_development():
    result = run_python("-c", "import shop.wsgi")
    assert result.returncode != 0 and "Set DJANGO_SECRET_KEY" in result.stderr


def test_reset_link_in_the_email_starts_with_the_store_url(client, customer, settings):
    settings.STORE_URL = "https://shop.example.com"
    settings.SITE_ID = 1  # the Sites row still says 127.0.0.1:8000 or example.com: not used
    client.post("/password-reset/", {"email": customer.email})
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "https://shop.example.com/password-reset/confirm/" in body
    assert "http://" not in body and "example.com:" not in body


def test_email_links_default_to_the_make_run_address_in_development():
    result = run_python(
        "-c", "import shop.settings.dev as s; print(s.STORE_URL)", DJANGO_SECRET_KEY=None
    )
    assert result.stdout.strip() == "http://127.0.0.1:8000", result.stderr


def no_store(response):
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives


@pytest.mark.parametrize(
    "path",
    [
        "/basket/",
        "/checkout/",
        "/accounts/login/",
        "/accounts/register/",
        "/password-reset/",
        "/dashboard/",
        "/admin/login/",
    ],
)
def test_personal_pages_are_private_and_not_stored_even_for_a_new_visitor(client, path):
    response = client.get(path)
    assert response.status_code in (200, 302)
    assert no_store(response), (path, response.get("Cache-Control"))


@pytest.mark.parametrize(
    "path", ["/accounts/profile/", "/accounts/orders/", "/accounts/addresses/"]
)
def test_account_pages_of_a_customer_are_private_and_not_stored(client, customer, path):
    client.force_login(customer)
    response = client.get(path)
    assert response.status_code == 200 and no_store(response)


def test_checkout_pages_with_a_cart_are_private_and_not_stored(client, iron):
    client.post(f"/basket/add/{iron.pk}/", {"quantity": 1})
    assert no_store(client.get("/basket/"))
    response = client.post("/checkout/", {"username": "guest@example.com", "options": "anonymous"})
    assert no_store(response)
    assert no_store(client.get("/checkout/shipping-address/"))


def test_cached_anonymous_product_pages_keep_their_caching_headers(settings, iron):
    settings.PAGE_CACHE_SECONDS = 600
    responses = [Client().get(iron.get_absolute_url()) for _ in range(2)]
    assert [r["X-Page-Cache"] for r in responses] == ["miss", "hit"]
    assert not any(no_store(r) for r in responses)


def test_a_product_page_for_a_customer_with_a_session_or_cart_is_not_stored(
    settings, client, customer, iron
):
    settings.PAGE_CACHE_SECONDS = 600
    cart_client = Client()
    cart_client.post(f"/basket/add/{iron.pk}/", {"quantity": 1})
    client.force_login(customer)
    for visitor in (cart_client, client):
        response = visitor.get(iron.get_absolute_url())
        assert "X-Page-Cache" not in response and no_store(response)


def test_public_pages_for_a_visitor_without_cookies_are_not_marked_private(client, iron):
    """With the page cache off too: what makes a page personal is the visitor's cookies."""
    for path in (iron.get_absolute_url(), "/catalogue/", "/robots.txt", "/sitemap.xml"):
        response = client.get(path)
        assert response.status_code == 200 and not no_store(response), path


@pytest.mark.parametrize("path", ["/", "/catalogue/", "/basket/", "/healthz", "/no-such-page/"])
def test_every_response_carries_a_deny_all_permissions_policy(client, path):
    policy = client.get(path)["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


def test_a_page_from_the_anonymous_page_cache_carries_the_permissions_policy(settings, iron):
    settings.PAGE_CACHE_SECONDS = 600
    Client().get(iron.get_absolute_url())
    hit = Client().get(iron.get_absolute_url())
    assert hit["X-Page-Cache"] == "hit" and "camera=()" in hit["Permissions-Policy"]


def test_store_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    script_src = next(p for p in policy.split(";") if p.strip().startswith("script-src"))
    assert "'self'" in script_src and "unsafe-inline" not in script_src
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize("path", ["/", "/catalogue/", "/basket/", "/articles/", "/contact/"])
def test_store_pages_have_no_inline_scripts(client, iron, path):
    client.post(f"/basket/add/{iron.pk}/", {"quantity": 1})
    html = client.get(path).content.decode()
    for chunk in html.split("<script")[1:]:
        tag = chunk.split(">", 1)[0]
        assert "src=" in tag or 'type="application/ld+json"' in tag, f"inline script on {path}"
    assert " onclick=" not in html and " onload=" not in html


def test_healthz_answers_when_database_and_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise ConnectionError("database down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error: ConnectionError"


def test_healthz_is_503_when_the_cache_fails(client, monkeypatch):
    def broken_set(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(cache, "set", broken_set)
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["cache"] == "error: ConnectionError"


# Sign-in limits: tests/shop/test_signin_security.py.


def test_behind_a_proxy_the_forwarded_address_is_used_and_spoofing_is_ignored(rf, settings):
    from shop.clientip import client_ip

    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7", REMOTE_ADDR="10.0.0.1")
    assert client_ip(request) == "203.0.113.7"
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.1"


def test_every_email_link_tag_uses_the_store_url_not_the_sites_domain(settings):
    """Oscar's templates call {% absolute_url site.domain path %}; the store's tag wins."""
    from django.template import engines

    settings.STORE_URL = "https://shop.example.com"
    template = engines["django"].from_string(
        '{% load url_tags %}{% absolute_url "127.0.0.1:8000" "/order-status/1/" %}'
    )
    assert template.render({}) == "https://shop.example.com/order-status/1/"
