"""One job through a real Celery worker and Redis broker, as production runs it (make worker).

Everywhere else the tests run tasks inline (eager); this starts `celery -A shop worker` on a
queue of its own, queues an email job by name from this process as the web servers do, and
reads the email the worker delivered. It needs Redis (127.0.0.1:6379 or REDIS_URL): CI has it.
"""

import os
import subprocess
import sys
import time
import uuid
from email import message_from_bytes
from pathlib import Path

import pytest
from celery import Celery
from django.core.mail import EmailMessage

from mail import outbox
from tests.shop.live_servers import ROOT, server_env, shared_database_url, stop

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
BROKER_URL = REDIS_URL.rsplit("/", 1)[0] + "/14"  # a database of its own, away from the cache


def redis_answers():
    try:
        import redis

        return redis.Redis.from_url(BROKER_URL, socket_timeout=1).ping()
    except Exception:
        return False


pytestmark = [
    pytest.mark.skipif(not redis_answers(), reason="needs Redis (CI has it)"),
    # The order is committed before the worker's copy of the database is made (on SQLite a
    # pending write would block the copy; on PostgreSQL the worker reads the test database).
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def order():
    """A guest's order, in the database before the worker's copy of it is made."""
    from tests.shop.test_order_emails import make_order

    return make_order(guest_email="ann@example.com")


@pytest.fixture
def worker(order, tmp_path):
    """A Celery worker on its own queue; yields (queue, the folder its emails are written to)."""
    queue = f"test-{uuid.uuid4().hex[:10]}"
    mailbox = tmp_path / "mailbox"
    env = server_env(
        shared_database_url(tmp_path),
        CELERY_BROKER_URL=BROKER_URL,
        EMAIL_URL=f"filemail:///{mailbox}",
        STORE_URL="https://shop.example.com",
    )
    env.pop("CELERY_TASK_ALWAYS_EAGER", None)
    log = open(tmp_path / "worker.log", "w")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "shop", "worker", "-Q", queue]
        + ["--pool", "solo", "--without-gossip", "--without-mingle", "--loglevel", "INFO"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield queue, mailbox
    finally:
        stop(process)
        log.close()
        import redis

        broker = redis.Redis.from_url(BROKER_URL)
        broker.delete(queue, *broker.keys(f"*{queue}*"))  # the queue and kombu's bindings


def wait_for_emails(count, mailbox: Path, process_log: Path, timeout=90):
    """The emails the worker wrote (the file backend writes one file per connection)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = sorted(mailbox.glob("*.log")) if mailbox.exists() else []
        if len(files) >= count:
            return [message_from_bytes(file.read_bytes()) for file in files]
        time.sleep(0.25)
    pytest.fail(f"not {count} emails within {timeout} s; worker log:\n{process_log.read_text()}")


def text_of(message):
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode()


def test_jobs_queued_on_redis_are_run_by_a_real_worker(order, worker, tmp_path):
    queue, mailbox = worker
    message = EmailMessage(
        "Re: Where is my order?", "It is on its way.", "orders@example.com", ["bo@example.com"]
    )
    # Queued by name through the broker, as a web server does (shop/tasks.py), not run inline.
    producer = Celery(broker=BROKER_URL, set_as_current=False)  # the store's app stays eager
    producer.send_task("mail.tasks.send_message", args=[outbox.serialise(message)], queue=queue)
    producer.send_task(
        "shop.order.tasks.send_order_email", args=[order.pk, "ORDER_PLACED"], queue=queue
    )

    delivered = {m["To"]: m for m in wait_for_emails(2, mailbox, tmp_path / "worker.log")}
    assert delivered["bo@example.com"]["Subject"] == "Re: Where is my order?"
    confirmation = delivered["ann@example.com"]
    assert order.number in confirmation["Subject"]
    body = text_of(confirmation)
    # The worker builds links from STORE_URL and signs them with the web servers' key.
    assert f"https://shop.example.com/accounts/order-status/{order.number}/" in body
    assert (tmp_path / "worker.log").read_text().count("succeeded") == 2
