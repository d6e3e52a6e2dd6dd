"""`make run PORT=…`: the store answers on that port and the links it writes point there."""

import os
import signal
import subprocess
import time
import urllib.request
from io import StringIO

import pytest
from django.contrib.sites.models import Site
from django.core import mail

from catalogue.management.commands.seed_store import Command as SeedStore
from tests.shop.checkout_steps import add_to_cart, checkout_to_preview, place_order
from tests.shop.live_servers import (
    ROOT,
    free_port,
    query,
    server_env,
    shared_database_url,
    shares_the_database,
)

pytestmark = pytest.mark.django_db


def seed_site(domain=None):
    SeedStore(stdout=StringIO()).seed_site(domain)
    return Site.objects.get_current()


@pytest.mark.parametrize("before", ["example.com", "127.0.0.1:8000", "localhost:8000"])
def test_the_seed_moves_a_placeholder_or_local_domain_to_the_port_served(before):
    Site.objects.filter(pk=Site.objects.get_current().pk).update(domain=before)
    Site.objects.clear_cache()
    assert seed_site("127.0.0.1:8123").domain == "127.0.0.1:8123"


def test_the_seed_keeps_a_public_domain_staff_set():
    Site.objects.filter(pk=Site.objects.get_current().pk).update(domain="shop.example.org")
    Site.objects.clear_cache()
    assert seed_site("127.0.0.1:8123").domain == "shop.example.org"


def test_a_seed_without_a_port_leaves_a_local_domain_alone():
    seed_site("127.0.0.1:8123")
    assert seed_site().domain == "127.0.0.1:8123"


def test_order_emails_link_to_the_store_url_not_the_sites_domain(
    client, iron, settings, django_capture_on_commit_callbacks
):
    """`make run PORT=8123` sets STORE_URL to its address; the Sites row says otherwise."""
    seed_site("127.0.0.1:8000")
    settings.STORE_URL = "http://127.0.0.1:8123"
    add_to_cart(client, iron)
    checkout_to_preview(client, guest_email="guest@example.com")
    with django_capture_on_commit_callbacks(execute=True):  # the email is queued on commit
        place_order(client)
    assert "http://127.0.0.1:8123/" in mail.outbox[0].body
    assert "127.0.0.1:8000" not in mail.outbox[0].body


@shares_the_database
def test_make_run_serves_on_the_port_given_and_the_site_follows(tmp_path, settings):
    port = free_port()
    database_url = shared_database_url(tmp_path)
    env = server_env(
        database_url, CACHE_DIR=str(tmp_path / "cache"), MEDIA_ROOT=str(settings.MEDIA_ROOT)
    )
    env.pop("DJANGO_SETTINGS_MODULE")  # make run's own: manage.py picks the dev settings
    env.pop("PORT", None)
    base = f"http://127.0.0.1:{port}"
    with open(tmp_path / "make-run.log", "w") as log:
        make_run = subprocess.Popen(
            # -o: never reinstall the virtualenv from inside a test
            ["make", "-o", ".venv/.installed", "run", f"PORT={port}"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # runserver's reloader is a child: stop the whole group
        )
        try:
            sitemap = answer(base + "/sitemap.xml", make_run, tmp_path / "make-run.log")
        finally:
            os.killpg(make_run.pid, signal.SIGTERM)
            make_run.wait(timeout=30)

    assert query(database_url, "SELECT domain FROM django_site") == [(f"127.0.0.1:{port}",)]
    assert f"<loc>{base}/</loc>" in sitemap


def answer(url, process, log_path, timeout=180):
    """The page at `url` once the server answers (make run migrates and seeds first)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"make run exited with {process.returncode}:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"nothing answered at {url} within {timeout} s:\n{log_path.read_text()}")
