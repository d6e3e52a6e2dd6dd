"""Stateless app servers: a cart started on one process continues on another, because sessions
live in Redis and carts in PostgreSQL, not in the process."""

import html
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from oscar.core.loading import get_model

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
Product = get_model("catalogue", "Product")


def redis_answers():
    try:
        import redis

        return redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping()
    except Exception:
        return False


pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql" or not redis_answers(),
    reason="needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL or 127.0.0.1:6379); CI has both",
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app_server(port, env):
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "shop.wsgi:application", "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return process
        except OSError:
            time.sleep(0.25)
    process.kill()
    pytest.fail(f"app server on port {port} did not start")


@pytest.fixture
def two_app_servers(committed_db):
    db = connection.settings_dict
    prefix = f"rls-test-{uuid.uuid4().hex[:8]}"
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "shop.settings.dev",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "one-key-for-every-app-server-" + uuid.uuid4().hex,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    ports = [free_port(), free_port()]
    servers = [start_app_server(port, env) for port in ports]
    yield [f"http://127.0.0.1:{port}" for port in ports]
    for server in servers:
        server.terminate()
        server.wait(timeout=10)
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_a_cart_started_on_one_server_continues_on_the_other(two_app_servers):
    first, second = two_app_servers
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    product = Product.objects.get(upc="RLV-MAG-120")

    page = browser.open(first + product.get_absolute_url()).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"quantity": 2, "csrfmiddlewaretoken": token}).encode()
    request = urllib.request.Request(
        f"{first}/basket/add/{product.pk}/", data=form, headers={"Referer": first + "/"}
    )
    browser.open(request).read()

    cart = html.unescape(browser.open(second + "/basket/").read().decode())
    assert product.title in cart
    assert 'id="cart-count" aria-live="polite">2<' in cart
