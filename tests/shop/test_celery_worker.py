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
from tests.shop.live_servers import (
    ROOT,
    server_env,
    shared_database_url,
    shares_the_database,
    stop,
)

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
    shares_the_database,
]


@pytest.fixture
def worker(tmp_path):
    """A Celery worker on its own queue; yields (queue, the folder its emails are written to)."""
    queue = f"test-{uuid.uuid4().hex[:10]}"
    mailbox = tmp_path / "mailbox"
    env = server_env(
        shared_database_url(tmp_path),
        CELERY_BROKER_URL=BROKER_URL,
        EMAIL_URL=f"filemail:///{mailbox}",
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

        redis.Redis.from_url(BROKER_URL).delete(queue)


def wait_for_email(mailbox: Path, process_log: Path, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = sorted(mailbox.glob("*.log")) if mailbox.exists() else []
        if files:
            return message_from_bytes(files[0].read_bytes())
        time.sleep(0.25)
    pytest.fail(f"no email within {timeout} s; worker log:\n{process_log.read_text()}")


def test_a_job_queued_on_redis_is_run_by_a_real_worker(worker, tmp_path):
    queue, mailbox = worker
    message = EmailMessage(
        "Your order has shipped", "It is on its way.", "orders@example.com", ["ann@example.com"]
    )
    # Queued by name through the broker, as a web server does (shop/tasks.py), not run inline.
    producer = Celery(broker=BROKER_URL)
    producer.send_task("mail.tasks.send_message", args=[outbox.serialise(message)], queue=queue)

    delivered = wait_for_email(mailbox, tmp_path / "worker.log")
    assert delivered["To"] == "ann@example.com"
    assert delivered["Subject"] == "Your order has shipped"
    assert "succeeded" in (tmp_path / "worker.log").read_text()
