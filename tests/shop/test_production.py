"""Production settings, security headers, health check and the sign-in rate limit."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def run_manage(*args, **env):
    # The browser tests allow sync database calls from async code in this process; a production
    # check must not inherit that.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**inherited, "DJANGO_SETTINGS_MODULE": "shop.settings.prod", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_with_production_settings_is_clean():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="shop.example.com",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_SECRET_KEY="")
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


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


def sign_in(client, email, password):
    return client.post(
        "/accounts/login/",
        {"login-username": email, "login-password": password, "login_submit": "Log In"},
    )


def test_ten_failed_sign_ins_lock_the_account_with_a_clear_message(client, customer):
    for _ in range(9):
        assert sign_in(client, customer.email, "wrong-password").status_code == 200
    locked = sign_in(client, customer.email, "wrong-password")
    assert locked.status_code == 429
    assert "too many unsuccessful attempts" in locked.content.decode()
    # even the right password is refused during the cool-off
    assert sign_in(client, customer.email, "a-long-secret-9").status_code == 429


def test_ten_failures_from_one_address_lock_that_address(client, customer):
    for n in range(10):
        sign_in(client, f"nobody{n}@example.com", "wrong-password")
    assert sign_in(client, customer.email, "a-long-secret-9").status_code == 429
    other = client.post(
        "/accounts/login/",
        {
            "login-username": customer.email,
            "login-password": "a-long-secret-9",
            "login_submit": "1",
        },
        REMOTE_ADDR="10.1.2.3",
    )
    assert other.status_code == 302


def test_a_successful_sign_in_resets_the_count(client, customer):
    for _ in range(5):
        sign_in(client, customer.email, "wrong-password")
    assert sign_in(client, customer.email, "a-long-secret-9").status_code == 302
    client.logout()
    for _ in range(9):
        sign_in(client, customer.email, "wrong-password")
    assert sign_in(client, customer.email, "a-long-secret-9").status_code == 302


def test_behind_a_proxy_the_forwarded_address_is_used_and_spoofing_is_ignored(rf, settings):
    from shop.clientip import client_ip

    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7", REMOTE_ADDR="10.0.0.1")
    assert client_ip(request) == "203.0.113.7"
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.1"
