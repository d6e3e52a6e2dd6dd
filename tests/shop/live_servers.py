"""Real server processes for tests that need more than one: a browser over HTTP, free ports,
and a database those processes can share."""

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack, closing, contextmanager
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from tests.conftest import US_ADDRESS

ROOT = Path(__file__).resolve().parents[2]


def free_ports(count):
    """Ports nothing listens on, all different (each is held until every one is picked)."""
    with ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]


def free_port():
    return free_ports(1)[0]


def server_env(database_url, **extra):
    """The environment of a server process: dev settings with DEBUG off, no Redis."""
    inherited = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "shop.settings.dev",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "one-key-for-every-test-server",
        "DATABASE_URL": database_url,
        **extra,
    }


def wait_until_answering(base, process, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server for {base} exited with {process.returncode}")
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=2)
            return
        except OSError:
            time.sleep(0.25)
    pytest.fail(f"the server for {base} did not answer within {timeout} s")


def start_gunicorn(port, env, log):
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "shop.wsgi:application", "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def gunicorn_servers(count, env, log):
    """`count` one-worker gunicorn processes on ports of their own; yields their base URLs."""
    ports = free_ports(count)
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    processes = []
    try:
        for port in ports:
            processes.append(start_gunicorn(port, env, log))
        for base, process in zip(bases, processes, strict=True):
            wait_until_answering(base, process)
        yield bases
    finally:
        for process in processes:
            stop(process)


# For tests whose servers share the database: on PostgreSQL they use the test database, so
# what they write must be committed (and is flushed after the test); SQLite gets a copy.
shares_the_database = pytest.mark.django_db(transaction=connection.vendor == "postgresql")


def shared_database_url(tmp_path):
    """A database other processes can open, holding the seeded test store.

    PostgreSQL: the test database itself (mark the test shares_the_database). SQLite: pytest's
    test database lives in this process's memory, so it is copied to a file with SQLite's backup
    API, before this test writes anything (a pending write would block the copy).
    """
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    connection.ensure_connection()
    path = tmp_path / "store.sqlite3"
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    return f"sqlite:///{path}"


def query(database_url, sql, params=()):
    """Rows from the database the servers share, as they committed them (`%s` placeholders)."""
    if database_url.startswith("sqlite:///"):
        with closing(sqlite3.connect(database_url.removeprefix("sqlite:///"))) as db:
            return db.execute(sql.replace("%s", "?"), params).fetchall()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def give_password(database_url, email, password):
    """A password the server processes can check: the test settings hash with MD5, which the
    settings the servers run do not accept."""
    hasher = PBKDF2PasswordHasher()
    encoded = hasher.encode(password, hasher.salt(), iterations=1000)
    if database_url.startswith("sqlite:///"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as db:
            db.execute("UPDATE auth_user SET password = ? WHERE email = ?", [encoded, email])
    else:
        get_user_model().objects.filter(email=email).update(password=encoded)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One browser: its own cookies, forms posted with the CSRF token, redirects not followed."""

    def __init__(self, cookies=None):
        self.cookies = cookies if cookies is not None else CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirects()
        )

    def twin(self):
        """The same browser in a second tab: the same cookies, so the same session and cart."""
        return Browser(self.cookies)

    def request(self, url, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            response = self.opener.open(urllib.request.Request(url, data=body), timeout=60)
        except urllib.error.HTTPError as error:  # redirects and errors are answers too
            response = error
        with response:
            return response.status, dict(response.headers), response.read().decode()

    def get(self, url):
        return self.request(url)

    def csrf_token(self):
        return next(c.value for c in self.cookies if c.name == "csrftoken")

    def post(self, url, data):
        return self.request(url, {**data, "csrfmiddlewaretoken": self.csrf_token()})

    def submit_form(self, url, form_selector, **changes):
        """GET the page, then POST its form back as a browser would, with `changes` typed in."""
        status, _, page = self.get(url)
        assert status == 200, (url, status)
        form = BeautifulSoup(page, "html.parser").select_one(form_selector)
        data = {}
        for field in form.select("input[name], select[name], textarea[name]"):
            if field.name == "select":
                chosen = field.select_one("option[selected]") or field.select_one("option")
                data[field["name"]] = chosen.get("value", "") if chosen else ""
            elif field.name == "textarea":
                data[field["name"]] = field.text
            elif field.get("type") in ("checkbox", "radio"):
                if field.has_attr("checked"):
                    data[field["name"]] = field.get("value", "on")
            elif field.get("type") not in ("submit", "button", "file"):
                data[field["name"]] = field.get("value", "")
        data.update(changes)
        return self.request(urllib.parse.urljoin(url, form.get("action") or url), data)

    def sign_in(self, base, email, password):
        self.get(f"{base}/accounts/login/")
        status, headers, _ = self.post(
            f"{base}/accounts/login/",
            {"login-username": email, "login-password": password, "login_submit": "1"},
        )
        assert status == 302, "sign-in failed"

    def checkout_to_preview(self, base, product_pk, *, guest_email):
        """Add one bottle to the cart and walk the checkout to the preview page."""
        self.get(f"{base}/")  # the CSRF cookie
        steps = [
            (f"/basket/add/{product_pk}/", {"quantity": 1}),
            ("/checkout/", {"username": guest_email, "options": "anonymous"}),
            ("/checkout/shipping-address/", US_ADDRESS),
            ("/checkout/shipping-method/", {"method_code": "standard"}),
        ]
        for path, data in steps:
            status, _, page = self.post(base + path, data)
            assert status == 302, (path, status, page[:2000])
        for path in ("/checkout/payment-details/", "/checkout/preview/"):
            status, _, page = self.get(base + path)
            assert status == 200, (path, status, page[:2000])


def text_of(html):
    return re.sub(r"\s+", " ", BeautifulSoup(html, "html.parser").get_text(" "))
