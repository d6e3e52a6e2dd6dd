"""`make serve` keeps answering while clients send their requests slowly (slowloris).

Two sync workers were tied up by two connections that sent their headers slowly, until
gunicorn's 30 s timeout. scripts/serve.sh now runs gthread workers; this test runs that script.
"""

import os
import socket
import subprocess
import time
import urllib.request

import pytest

from tests.shop.live_servers import (
    ROOT,
    free_port,
    shared_database_url,
    shares_the_database,
    stop,
    wait_until_answering,
)

SLOW_CLIENTS = 10
pytestmark = shares_the_database


@pytest.fixture
def served_store(tmp_path):
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "REDIS_URL")},
        "PORT": str(port),
        "DATABASE_URL": shared_database_url(tmp_path),
        "DJANGO_SECRET_KEY": "slow-clients-test-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "ACCESS_LOG": "/dev/null",
        "CACHE_DIR": str(tmp_path / "cache"),
    }
    with open(tmp_path / "serve.log", "w") as log:
        process = subprocess.Popen(
            ["bash", "scripts/serve.sh"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_answering(base, process)
            yield port, base
        finally:
            stop(process)


def test_ten_slow_clients_do_not_stall_the_store(served_store):
    port, base = served_store
    slow = []
    try:
        for _ in range(SLOW_CLIENTS):
            connection = socket.create_connection(("127.0.0.1", port))
            connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # headers never end
            slow.append(connection)
        time.sleep(1)  # let the server hand each of them to a worker
        started = time.monotonic()
        with urllib.request.urlopen(f"{base}/healthz", timeout=25) as response:
            assert response.status == 200
        waited = time.monotonic() - started
        # Stalled, the answer waits for gunicorn's 30 s timeout; a generous bound, not a benchmark.
        assert waited < 10, f"answered after {waited:.1f} s with {SLOW_CLIENTS} slow clients"
    finally:
        for connection in slow:
            connection.close()
