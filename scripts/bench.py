"""make bench: every page for an anonymous visitor and for a visitor with a cart, against a bare
Django view, on SQLite and on PostgreSQL + Redis; the page cache's hit rate in a mixed run
(browse, add to cart, check out); SQL queries per page; the goals, met or not.

Per stack, the store runs under gunicorn with the production settings (scripts/serve.sh: 2
gthread workers) on port 8050:

- sqlite: db.sqlite3 (migrated and seeded here) and the file cache the settings choose without
  REDIS_URL;
- postgres: a database `bench_rls` (dropped, created, migrated and seeded every run) on
  127.0.0.1:5432 and Redis database 13 (flushed first). Unreachable: said, and skipped.

wrk loads each page for --duration seconds at --connections connections right after the bare view
(/bench/bare, the same processes and middleware), --rounds times, once without cookies
(anonymous) and once with the cookies of a visitor who added a product to the cart; a page's
ratio is the median of its pairs' (the machine is shared, and one run can be a third of the next:
a pair shares its slow spell). Compare the ratios, not the numbers. Then --shoppers simulated
shoppers loop for --mixed-duration seconds: home, list, a category, a product, an article, a
search, add to cart, the cart, two more pages with the cart, and one in --checkout-every checks
out as a guest to a placed order (stock is topped up first, on the bench database only).
Responses are counted by their X-Page-Cache header (hit, miss, none) and status.

SQL queries per page are counted in a Django process (pages rendered, page cache off), for both
visitors and for a cart of 20 lines, on each stack and with --large products (SQLite).

The Markdown tables and the verdicts are printed and written to bench-results.md.

Usage: python scripts/bench.py [--stack sqlite|postgres|both] [--duration 2] [--rounds 5]
           [--connections 16] [--shoppers 8] [--mixed-duration 20] [--checkout-every 4]
           [--large 10000 100000] [--skip-large] [--output bench-results.md]
"""

import argparse
import gzip
import hashlib
import html
import http.client
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
HOST = "127.0.0.1"
PORT = 8050
BASE = f"http://{HOST}:{PORT}"
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
POSTGRES_URL = f"{POSTGRES_SERVER}/bench_rls"
REDIS_URL = "redis://127.0.0.1:6379/13"
BROWSE_PAGES = ["home", "list", "category", "product", "article"]
CACHEABLE = [*BROWSE_PAGES, "search"]
PAGES = [*CACHEABLE, "cart"]
VISITORS = ["anonymous", "cart"]
QUERY_LIMIT = 10
CART_LINES = 20
OUTPUT_NAME = "bench-results.md"
US_ADDRESS = {
    "first_name": "Ann",
    "last_name": "Lee",
    "line1": "1 Main Street",
    "line4": "Springfield",
    "state": "IL",
    "postcode": "62701",
    "country": "US",
    "phone_number": "",
}
# What gunicorn and Django log when something went wrong (a handled IntegrityError included).
LOG_PROBLEM = re.compile(
    r"Traceback|\bERROR\b|Internal Server Error|CRITICAL|WORKER TIMEOUT|\w+(Error|Exception)\b"
)
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def say(message=""):
    print(message, flush=True)


# ---------------------------------------------------------------------------------------------
# Pure helpers (tests/shop/test_bench_script.py)


def apply_set_cookie(cookies, header, now=None):
    """Update `cookies` (name → value) from one Set-Cookie header, as a browser would.

    Secure cookies are kept too: the bench speaks plain HTTP to the production settings, which
    mark every cookie Secure. A cookie expired (Max-Age 0 or a past Expires) is deleted.
    """
    parts = [part.strip() for part in header.split(";")]
    name, _, value = parts[0].partition("=")
    name, value = name.strip(), value.strip()
    if not name:
        return cookies
    expired = False
    for attribute in parts[1:]:
        key, _, argument = attribute.partition("=")
        key = key.strip().lower()
        if key == "max-age":
            try:
                expired = int(argument) <= 0
            except ValueError:
                pass
        elif key == "expires" and not expired:
            try:
                when = parsedate_to_datetime(argument.strip())
            except (TypeError, ValueError):
                continue
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            expired = when <= (now or datetime.now(UTC))
    if expired:
        cookies.pop(name, None)
    else:
        cookies[name] = value
    return cookies


def cookie_header(cookies):
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def to_ms(text):
    """wrk's latency ("812.00us", "3.98ms", "1.20s", "2.00m") in milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not match:
        raise ValueError(f"not a wrk latency: {text!r}")
    number, unit = float(match.group(1)), match.group(2)
    return number * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def parse_wrk(output):
    """Requests/s, p50 and p99 in ms, non-2xx/3xx responses and socket errors of one wrk run."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.M))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "rps": rps,
        "p50": to_ms(latency["50"]) if "50" in latency else None,
        "p99": to_ms(latency["99"]) if "99" in latency else None,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(map(int, sockets.groups())) if sockets else 0,
    }


def hit_rate(counts):
    """Share of responses marked X-Page-Cache: hit among those counted (`counts`: header → n)."""
    total = sum(counts.values())
    return counts.get("hit", 0) / total if total else None


def percentile(values, share):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def markdown_table(header, rows, align=None):
    align = align or ["---"] + ["---:"] * (len(header) - 1)
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def fmt_rps(value):
    return "—" if value is None else f"{value:,.0f}"


def fmt_ratio(value):
    return "—" if value is None else f"{value:.2f}"


def fmt_ms(value):
    return "—" if value is None else (f"{value:.1f}" if value >= 10 else f"{value:.2f}")


def fmt_share(value):
    return "—" if value is None else f"{100 * value:.1f} %"


def verdict(failures):
    return "met" if not failures else "NOT met: " + ", ".join(failures)


def goal_lines(wrk, bare, queries, errors):
    """One line per goal. wrk: (page, visitor) → parse_wrk result; queries: label → count."""

    def ratio(page, visitor):
        result = wrk.get((page, visitor))
        return result["ratio"] if result else None

    def below(pages, visitors, goal):
        failures = []
        for page in pages:
            for visitor in visitors:
                value = ratio(page, visitor)
                if value is None or value < goal:
                    failures.append(f"{page} ({visitor}) {fmt_ratio(value)}")
        return failures

    over = [f"{label}: {count}" for label, count in queries.items() if count > QUERY_LIMIT]
    return [
        f"browse pages, anonymous ≥ 0.8× bare: {verdict(below(BROWSE_PAGES, ['anonymous'], 0.8))}",
        f"browse pages, with a cart ≥ 0.5× bare: {verdict(below(BROWSE_PAGES, ['cart'], 0.5))}",
        f"search ≥ 0.3× bare (both visitors): {verdict(below(['search'], VISITORS, 0.3))}",
        f"cart page ≥ 0.2× bare (both visitors): {verdict(below(['cart'], VISITORS, 0.2))}",
        f"≤ {QUERY_LIMIT} SQL queries on every page, every visitor: {verdict(over)}",
        f"no errors under load: {verdict([f'{n} {kind}' for kind, n in errors.items() if n])}",
    ]


# ---------------------------------------------------------------------------------------------
# Stacks: environment, database, reachability


def base_env():
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "CACHE_KEY_PREFIX")
    }
    env["DJANGO_SETTINGS_MODULE"] = "shop.settings.dev"
    return env


def sqlite_env():
    return {**base_env(), "DATABASE_URL": f"sqlite:///{ROOT / 'db.sqlite3'}"}


def postgres_env():
    return {**base_env(), "DATABASE_URL": POSTGRES_URL, "REDIS_URL": REDIS_URL}


def postgres_unreachable():
    """Why PostgreSQL + Redis cannot be used, or None; when usable, a fresh bench_rls and an
    empty Redis database 13."""
    try:
        import psycopg
        import redis
    except ImportError as error:
        return f"{error.name} is not installed"
    try:
        with psycopg.connect(
            f"{POSTGRES_SERVER}/postgres", autocommit=True, connect_timeout=3
        ) as db:
            db.execute("DROP DATABASE IF EXISTS bench_rls WITH (FORCE)")
            db.execute("CREATE DATABASE bench_rls")
    except psycopg.Error as error:
        return f"PostgreSQL: {str(error).strip().splitlines()[0]}"
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).flushdb()
    except redis.RedisError as error:
        return f"Redis: {error}"
    return None


SETUP_CODE = """
import json, sys
import django
django.setup()
from django.core.management import call_command
from oscar.core.loading import get_model
from content.models import Article
call_command("migrate", verbosity=0, interactive=False)
call_command("seed_store", "--demo-staff", verbosity=0, stdout=open("/dev/null", "w"))
Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")
# Orders placed by the mixed run must not run out of stock: each record gets 100,000 free units.
# Saved one by one (not a queryset update), so the page cache retires pages showing the old stock.
for record in StockRecord.objects.all():
    free = record.num_in_stock - (record.num_allocated or 0)
    if free < 100_000:
        record.num_in_stock = (record.num_allocated or 0) + 100_000
        record.save()
public = Product.objects.filter(is_public=True).order_by("pk")
iron = Product.objects.get(upc="RLV-IRON-25")
print(json.dumps({
    "category": Category.objects.order_by("path").first().get_absolute_url(),
    "product": iron.get_absolute_url(),
    "product_pk": iron.pk,
    "product_title": iron.title,
    "article": Article.objects.published().first().get_absolute_url(),
    "categories": [c.get_absolute_url() for c in Category.objects.order_by("path")],
    "products": [
        {"url": p.get_absolute_url(), "pk": p.pk, "advice": p.requires_doctors_advice}
        for p in public
    ],
    "articles": [a.get_absolute_url() for a in Article.objects.published()],
}))
"""


def django_json(code, env, *args):
    out = subprocess.run(
        [PYTHON, "-c", code, *map(str, args)], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if out.returncode:
        raise RuntimeError(out.stderr.strip()[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def setup_database(env):
    """Migrate, seed, top up stock; the URLs to load, read from that database."""
    site = django_json(SETUP_CODE, env)
    site["paths"] = {
        "bare": "/bench/bare",
        "home": "/",
        "list": "/catalogue/",
        "category": site["category"],
        "product": site["product"],
        "article": site["article"],
        "search": "/search/?q=iron",
        "cart": "/basket/",
    }
    return site


# ---------------------------------------------------------------------------------------------
# SQL queries per page


QUERIES_CODE = """
import json, sys
import django
django.setup()
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from oscar.core.loading import get_model

paths, lines = json.loads(sys.argv[1]), int(sys.argv[2])
Product = get_model("catalogue", "Product")


def measure(client, path):
    client.get(path)  # warm: the counts are for a page seen before
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    return [len(queries), status]


def add(client, product):
    client.post(f"/basket/add/{product.pk}/", {"quantity": 1})
    client.get("/basket/")  # shows and so clears the "added" message, as a browser would


counts = {"anonymous": {}, "cart": {}}
with override_settings(PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["testserver"]):
    anonymous = Client()
    for name, path in paths.items():
        counts["anonymous"][name] = measure(anonymous, path)
    shopper = Client()
    add(shopper, Product.objects.get(upc="RLV-IRON-25"))
    for name, path in paths.items():
        counts["cart"][name] = measure(shopper, path)
    # The cart with `lines` lines: numbered copies of the range if the catalogue is smaller,
    # made inside a transaction that is rolled back, so the bench database keeps its catalogue.
    with transaction.atomic():
        if Product.objects.filter(is_public=True).count() < lines:
            call_command("seed_store", "--count", str(lines), verbosity=0,
                         stdout=open("/dev/null", "w"))
        big = Client()
        for product in Product.objects.filter(is_public=True).order_by("pk")[:lines]:
            big.post(f"/basket/add/{product.pk}/", {"quantity": 1})
        big.get("/basket/")
        counts["cart_lines"] = measure(big, "/basket/")
        lines_shown = get_model("basket", "Basket").objects.order_by("-pk").first().num_lines
        transaction.set_rollback(True)
print(json.dumps({"products": Product.objects.count(), "counts": counts, "lines": lines_shown}))
"""


def count_queries(env, paths):
    """Warm SQL queries per page, rendered for real (page cache off), in a Django process."""
    pages = {name: path for name, path in paths.items() if name != "bare"}
    query_env = {**env, "DJANGO_SETTINGS_MODULE": "shop.settings.dev", "DJANGO_DEBUG": "false"}
    return django_json(QUERIES_CODE, query_env, json.dumps(pages), CART_LINES)


def query_labels(counts):
    """label → queries, for the goal: every page for both visitors and the 20-line cart."""
    labels = {}
    for visitor in VISITORS:
        for name, (queries, _status) in counts[visitor].items():
            labels[f"{name} ({visitor})"] = queries
    labels[f"cart with {CART_LINES} lines"] = counts["cart_lines"][0]
    return labels


def query_problems(measured):
    """Pages that did not answer 200 while counted, or a big cart without its lines."""
    counts, bad = measured["counts"], []
    for visitor in VISITORS:
        bad += [
            f"{name} ({visitor}): {status}"
            for name, (_q, status) in counts[visitor].items()
            if status != 200
        ]
    if counts["cart_lines"][1] != 200:
        bad.append(f"cart with {CART_LINES} lines: {counts['cart_lines'][1]}")
    if measured.get("lines") != CART_LINES:
        bad.append(f"the big cart held {measured.get('lines')} lines, not {CART_LINES}")
    return bad


# ---------------------------------------------------------------------------------------------
# The server


def start_server(env, log_path):
    try:
        socket.create_connection((HOST, PORT), timeout=1).close()
        sys.exit(f"something already listens on port {PORT}: stop it first")
    except OSError:
        pass
    server_env = {
        **env,
        "PORT": str(PORT),
        "BENCH_BARE_VIEW": "true",
        "WEB_CONCURRENCY": "2",
        "ACCESS_LOG": "/dev/null",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    log = open(log_path, "w")
    server = subprocess.Popen(
        [str(ROOT / "scripts" / "serve.sh")],
        env=server_env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    for _ in range(120):
        try:
            if Browser().request("GET", "/healthz").status == 200:
                return server
        except OSError:
            pass
        if server.poll() is not None:
            break
        time.sleep(0.5)
    stop_server(server)
    raise RuntimeError(f"gunicorn did not answer /healthz within 60 s (log: {log_path})")


def stop_server(server):
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def server_log_problems(log_path):
    """Tracebacks and error lines gunicorn and Django logged during the run."""
    text = Path(log_path).read_text(errors="replace")
    problems = [line for line in text.splitlines() if LOG_PROBLEM.search(line)]
    return problems


# ---------------------------------------------------------------------------------------------
# HTTP clients


class Response:
    def __init__(self, status, headers, body, seconds):
        self.status, self.headers, self.body, self.seconds = status, headers, body, seconds

    @property
    def cache(self):
        return (self.headers.get("X-Page-Cache") or "none").lower()

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


class Browser:
    """One visitor: a keep-alive connection and the cookies the store set (Secure ones too)."""

    def __init__(self):
        self.cookies = {}
        self.connection = None
        self.reconnects = 0

    def request(self, method, path, form=None, referer=None):
        headers = {"Host": f"{HOST}:{PORT}", "Accept-Encoding": "identity"}
        if self.cookies:
            headers["Cookie"] = cookie_header(self.cookies)
        if referer:
            headers["Referer"] = BASE + referer
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in range(2):
            fresh = self.connection is None
            if fresh:
                self.connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
            started = time.perf_counter()
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()
                if fresh or attempt:  # only a kept-alive connection the server closed is retried
                    raise
                self.reconnects += 1
                continue
            except Exception:
                self.close()
                raise
            seconds = time.perf_counter() - started
            for header in response.headers.get_all("Set-Cookie") or []:
                apply_set_cookie(self.cookies, header)
            if response.will_close:
                self.close()
            return Response(response.status, response.headers, content, seconds)

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def csrf_token(self, response):
        match = CSRF_FIELD.search(response.text)
        return match.group(1) if match else self.cookies.get("csrftoken", "")


def cart_visitor(site):
    """Cookies of a visitor who added the iron product to the cart, checked on the cart page."""
    browser = Browser()
    product_path = site["paths"]["product"]
    page = browser.request("GET", product_path)
    token = browser.csrf_token(page)
    added = browser.request(
        "POST",
        f"/basket/add/{site['product_pk']}/",
        {"csrfmiddlewaretoken": token, "quantity": 1},
        referer=product_path,
    )
    if added.status not in (301, 302, 303):
        raise RuntimeError(f"add to cart answered {added.status}: {added.text[:500]}")
    cart = browser.request("GET", "/basket/")  # shows (and clears) the "added" message
    again = browser.request("GET", "/")
    del cart, again
    browser.close()
    if not cart_shows(site, browser.cookies):
        raise RuntimeError("the cart page does not show the product added: not a cart visitor")
    return dict(browser.cookies)


def cart_shows(site, cookies):
    """The cart page, for these cookies, lists the product the cart visitor added."""
    browser = Browser()
    browser.cookies = dict(cookies)
    page = browser.request("GET", "/basket/")
    browser.close()
    return page.status == 200 and site["product_title"] in html.unescape(page.text)


def run_wrk(path, duration, connections, cookies=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency"]
    if cookies:
        command += ["-H", f"Cookie: {cookie_header(cookies)}"]
    out = subprocess.run([*command, BASE + path], capture_output=True, text=True, check=True)
    return parse_wrk(out.stdout)


def paired_result(pairs):
    """A page measured right after the bare view, several times: the median of the ratios (the
    slow spells of a shared machine last seconds, so a pair sees the same one), and the run
    with the median requests/s carrying every run's errors."""
    ratios = sorted(page["rps"] / bare["rps"] for bare, page in pairs)
    return {
        **median_run([page for _, page in pairs]),
        "ratio": ratios[len(ratios) // 2],
        "ratios": ratios,
    }


def median_run(runs):
    """The run with the median requests/s, carrying the errors of every run."""
    middle = sorted(runs, key=lambda run: run["rps"])[len(runs) // 2]
    return {
        **middle,
        "non_2xx": sum(run["non_2xx"] for run in runs),
        "socket_errors": sum(run["socket_errors"] for run in runs),
    }


def cache_header(path, cookies=None):
    """X-Page-Cache of a warm request (the third in a row) for this visitor."""
    browser = Browser()
    browser.cookies = dict(cookies or {})
    for _ in range(3):
        response = browser.request("GET", path)
    browser.close()
    return f"{response.status} {response.cache}"


# ---------------------------------------------------------------------------------------------
# The mixed run


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.cache = defaultdict(Counter)  # (page, visitor) → X-Page-Cache → n
        self.status = Counter()
        self.errors = []  # (what, detail)
        self.latencies = []  # seconds, every request
        self.orders = 0
        self.visitors = 0
        self.checkouts = 0
        self.cut_off = 0  # checkouts the end of the run interrupted
        self.reconnects = 0

    def record(self, page, visitor, response):
        with self.lock:
            self.status[response.status] += 1
            self.latencies.append(response.seconds)
            if page in PAGES:
                self.cache[(page, visitor)][response.cache] += 1

    def error(self, what, detail):
        with self.lock:
            self.errors.append((what, detail))


class Shopper(threading.Thread):
    """Loops until the deadline, a new visitor (no cookies) each time round."""

    def __init__(self, number, site, tally, deadline, checkout_every, seed):
        super().__init__(daemon=True)
        self.number, self.site, self.tally = number, site, tally
        self.deadline, self.checkout_every = deadline, checkout_every
        self.random = random.Random(seed)

    def run(self):
        browser = Browser()
        visit = 0
        while time.monotonic() < self.deadline:
            visit += 1
            browser.cookies = {}
            self.in_checkout = False
            with self.tally.lock:
                self.tally.visitors += 1
            try:
                self.visit(browser, visit)
            except _OutOfTime:
                if self.in_checkout:
                    with self.tally.lock:
                        self.tally.cut_off += 1
                break
            except _StepFailed:
                continue
            except OSError as error:  # socket errors: refused, reset, timed out
                self.tally.error("socket", f"{type(error).__name__}: {error}")
                browser.close()
        with self.tally.lock:
            self.tally.reconnects += browser.reconnects
        browser.close()

    def get(self, browser, page, visitor, path, expect=(200,)):
        return self.send(browser, page, visitor, "GET", path, None, None, expect)

    def follow(self, browser, path):
        """GET a checkout page, following its redirects: (the page, where it ended)."""
        for _ in range(5):
            response = self.get(browser, "checkout", "cart", path, (200, 302))
            if response.status == 200:
                return response, path
            path = urllib.parse.urlsplit(response.headers["Location"]).path
        raise_flow(self.tally, f"checkout: too many redirects at {path}")

    def send(self, browser, page, visitor, method, path, form, referer, expect):
        if time.monotonic() >= self.deadline:
            raise _OutOfTime
        response = browser.request(method, path, form, referer)
        self.tally.record(page, visitor, response)
        if response.status not in expect:
            if response.status >= 400:
                self.tally.error("http", f"{method} {path} → {response.status}")
            else:
                self.tally.error("flow", f"{method} {path} → {response.status}, expected {expect}")
            raise _StepFailed
        return response

    def visit(self, browser, visit):
        pick = self.random.choice
        site = self.site
        product = pick(site["products"])
        if product["advice"]:  # checkout would need the doctor's-advice box: another product
            product = next(p for p in site["products"] if not p["advice"])
        for page, path in (
            ("home", "/"),
            ("list", "/catalogue/"),
            ("category", pick(site["categories"])),
            ("product", product["url"]),
            ("article", pick(site["articles"])),
            ("search", "/search/?q=iron"),
        ):
            response = self.get(browser, page, "anonymous", path)
            if page == "product":
                token = browser.csrf_token(response)
        form = {"csrfmiddlewaretoken": token, "quantity": 1}
        add = f"/basket/add/{product['pk']}/"
        self.send(browser, "add", "cart", "POST", add, form, product["url"], (302,))
        self.get(browser, "cart", "cart", "/basket/")
        self.get(browser, "product", "cart", pick(site["products"])["url"])
        self.get(browser, "home", "cart", "/")
        if (self.number + visit) % self.checkout_every:
            return
        with self.tally.lock:
            self.tally.checkouts += 1
        self.in_checkout = True
        self.checkout(browser, visit)

    def checkout(self, browser, visit):
        """Guest checkout as a browser walks it: each form's page, then its POST, then where
        the POST redirects."""
        email = f"bench-{self.number}-{visit}-{self.random.randrange(10**9)}@example.com"
        steps = [
            ("/checkout/", {"username": email, "options": "anonymous"}),
            ("/checkout/shipping-address/", US_ADDRESS),
            ("/checkout/shipping-method/", {"method_code": "standard"}),
        ]
        page, path = self.follow(browser, "/checkout/")
        for step_path, fields in steps:
            if path != step_path:
                raise_flow(self.tally, f"checkout at {path}, expected {step_path}")
            form = {"csrfmiddlewaretoken": browser.csrf_token(page), **fields}
            posted = self.send(browser, "checkout", "cart", "POST", path, form, path, (302,))
            page, path = self.follow(
                browser, urllib.parse.urlsplit(posted.headers["Location"]).path
            )
        if path == "/checkout/payment-details/":  # bank transfer: a page of details, a link on
            page, path = self.follow(browser, "/checkout/preview/")
        if path != "/checkout/preview/":
            raise_flow(self.tally, f"checkout at {path}, expected the preview")
        form = {"csrfmiddlewaretoken": browser.csrf_token(page), "action": "place_order"}
        placed = self.send(browser, "checkout", "cart", "POST", path, form, path, (302,))
        thanks = urllib.parse.urlsplit(placed.headers["Location"]).path
        if thanks != "/checkout/thank-you/":
            raise_flow(self.tally, f"place order went to {thanks}")
        with self.tally.lock:
            self.tally.orders += 1
        self.in_checkout = False
        self.get(browser, "checkout", "cart", thanks)


class _OutOfTime(Exception):
    pass


class _StepFailed(Exception):
    pass


def raise_flow(tally, detail):
    tally.error("flow", detail)
    raise _StepFailed


def mixed_run(site, shoppers, seconds, checkout_every):
    tally = Tally()
    deadline = time.monotonic() + seconds
    threads = [
        Shopper(number, site, tally, deadline, checkout_every, seed=number)
        for number in range(shoppers)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tally.elapsed = time.monotonic() - started
    return tally


def mixed_summary(tally):
    counts = {visitor: Counter() for visitor in VISITORS}
    for (page, visitor), headers in tally.cache.items():
        if page in CACHEABLE:  # the hit rate: the pages every visitor sees, not the cart
            counts[visitor].update(headers)
    overall = counts["anonymous"] + counts["cart"]
    requests = sum(tally.status.values())
    errors = Counter(what for what, _detail in tally.errors)
    return {
        "requests": requests,
        "rps": requests / tally.elapsed if tally.elapsed else 0,
        "p50": percentile([1000 * s for s in tally.latencies], 0.5),
        "p99": percentile([1000 * s for s in tally.latencies], 0.99),
        "hit": hit_rate(overall),
        "hit_anonymous": hit_rate(counts["anonymous"]),
        "hit_cart": hit_rate(counts["cart"]),
        "cacheable": sum(overall.values()),
        "headers": dict(overall),
        "by_page": {
            f"{page} ({visitor})": dict(tally.cache[(page, visitor)])
            for page in PAGES
            for visitor in VISITORS
            if tally.cache.get((page, visitor))
        },
        "status": dict(sorted(tally.status.items())),
        "errors": dict(errors),
        "error_examples": [f"{what}: {detail}" for what, detail in tally.errors[:8]],
        "visitors": tally.visitors,
        "checkouts": tally.checkouts,
        "orders": tally.orders,
        "cut_off": tally.cut_off,
        "reconnects": tally.reconnects,
    }


# ---------------------------------------------------------------------------------------------
# One stack


def page_weight(path):
    """Bytes of the product page's HTML plus the CSS and JS it links, raw and gzipped."""
    browser = Browser()
    page = browser.request("GET", path).body
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', page)
    bodies = [page] + [browser.request("GET", asset.decode()).body for asset in assets]
    browser.close()
    return sum(map(len, bodies)), sum(len(gzip.compress(b)) for b in bodies), len(assets)


def bench_stack(name, env, options, weigh):
    result = {"name": name}
    say(f"· {name}: migrate, seed, stock top-up")
    site = setup_database(env)
    paths = site["paths"]
    say(f"· {name}: SQL queries per page (page cache off)")
    result["queries"] = count_queries(env, paths)
    slug = re.sub(r"[^a-z]+", "-", name.lower()).strip("-")
    log_path = Path(tempfile.gettempdir()) / f"rls-bench-{slug}-gunicorn.log"
    say(f"· {name}: gunicorn, 2 gthread workers, production settings, on port {PORT}")
    server = start_server(env, log_path)
    try:
        for path in paths.values():  # warm the workers and the caches
            for _ in range(3):
                Browser().request("GET", path)
        cookies = cart_visitor(site)
        result["cookies"] = sorted(cookies)
        headers = {
            (page, visitor): cache_header(paths[page], cookies if visitor == "cart" else None)
            for page in PAGES
            for visitor in VISITORS
        }
        say(
            f"· {name}: wrk {options.duration} s × {options.connections} connections, each page"
            f" paired with the bare view just before it, {options.rounds} pairs per page"
        )
        wrk, bare_runs = {}, []
        for page, visitor in [(p, v) for p in PAGES for v in VISITORS]:
            jar = cookies if visitor == "cart" else None
            pairs = []
            for _ in range(options.rounds):
                bare = run_wrk(paths["bare"], options.duration, options.connections)
                pairs.append(
                    (bare, run_wrk(paths[page], options.duration, options.connections, jar))
                )
            bare_runs += [bare for bare, _ in pairs]
            wrk[(page, visitor)] = paired_result(pairs)
            say(
                f"    {page:<9} {visitor:<9} {wrk[(page, visitor)]['rps']:>8,.0f} req/s,"
                f" {wrk[(page, visitor)]['ratio']:.2f} × bare"
                f" (pairs: {', '.join(f'{r:.2f}' for r in wrk[(page, visitor)]['ratios'])})"
            )
        wrk[("bare", "anonymous")] = median_run(bare_runs)
        # wrk keeps a cart visitor's cart; the cart must still be there after the load.
        result["cart_kept"] = cart_shows(site, cookies)
        result["wrk"], result["headers"] = wrk, headers
        if options.mixed_duration > 0:
            say(
                f"· {name}: mixed run, {options.shoppers} shoppers for {options.mixed_duration} s"
                f" (one visit in {options.checkout_every} checks out)"
            )
            tally = mixed_run(
                site, options.shoppers, options.mixed_duration, options.checkout_every
            )
            result["mixed"] = mixed_summary(tally)
        if weigh:
            result["weight"] = page_weight(paths["product"])
    finally:
        stop_server(server)
    result["log"] = str(log_path)
    result["log_problems"] = server_log_problems(log_path)
    return result


def stack_report(result, options):
    name = result["name"]
    wrk, headers, queries = result["wrk"], result["headers"], result["queries"]["counts"]
    bare = wrk[("bare", "anonymous")]["rps"]
    lines = [f"### {name}", ""]
    base = wrk[("bare", "anonymous")]
    latency = f"{fmt_ms(base['p50'])} / {fmt_ms(base['p99'])}"
    rows = [["bare view", fmt_rps(bare), "1.00", latency, *["—"] * 4, 0, 0]]
    for page in PAGES:
        anon, cart = wrk[(page, "anonymous")], wrk[(page, "cart")]
        rows.append(
            [
                page if page != "search" else "search `?q=iron`",
                fmt_rps(anon["rps"]),
                fmt_ratio(anon["ratio"]),
                f"{fmt_ms(anon['p50'])} / {fmt_ms(anon['p99'])}",
                fmt_rps(cart["rps"]),
                fmt_ratio(cart["ratio"]),
                f"{fmt_ms(cart['p50'])} / {fmt_ms(cart['p99'])}",
                " / ".join(headers[(page, visitor)].split()[-1] for visitor in VISITORS),
                queries["anonymous"][page][0],
                queries["cart"][page][0],
            ]
        )
    rows.append([f"cart, {CART_LINES} lines", *["—"] * 8, queries["cart_lines"][0]])
    lines.append(
        markdown_table(
            [
                "page",
                "anonymous req/s",
                "×bare",
                "p50 / p99 ms",
                "with cart req/s",
                "×bare",
                "p50 / p99 ms",
                "X-Page-Cache anon / cart",
                "queries anon",
                "queries cart",
            ],
            rows,
        )
    )
    lines += [
        "",
        f"wrk {options.duration} s × {options.connections} connections; ×bare is the median "
        f"of {options.rounds} runs each right after one of the bare view; the cart "
        f"visitor carries cookies {', '.join(result['cookies'])}; anonymous `cart` is an empty "
        "cart. X-Page-Cache: the header of a warm request before the load. Queries: warm, "
        f"page rendered with the page cache off ({result['queries']['products']} products).",
        "",
    ]
    errors = Counter()
    for result_wrk in wrk.values():
        errors["non-2xx/3xx (wrk)"] += result_wrk["non_2xx"]
        errors["socket errors (wrk)"] += result_wrk["socket_errors"]
    mixed = result.get("mixed")
    if mixed:
        lines += [
            f"**Mixed run** ({options.shoppers} shoppers, {options.mixed_duration} s): "
            f"{mixed['requests']:,} requests ({mixed['rps']:,.0f}/s, p50 {fmt_ms(mixed['p50'])}"
            f" ms, p99 {fmt_ms(mixed['p99'])} ms), {mixed['visitors']} visitors, "
            f"{mixed['checkouts']} guest checkouts started: {mixed['orders']} orders placed, "
            f"{mixed['cut_off']} cut off by the end of the run.",
            f"Page cache hit rate over {mixed['cacheable']:,} cacheable page views (home, list, "
            f"category, product, article, search): **{fmt_share(mixed['hit'])}** (anonymous "
            f"{fmt_share(mixed['hit_anonymous'])}, with a cart {fmt_share(mixed['hit_cart'])}); "
            "X-Page-Cache "
            + ", ".join(f"{header} {n:,}" for header, n in sorted(mixed["headers"].items()))
            + ".",
            "Hits by page: "
            + ", ".join(
                f"{label} {counts.get('hit', 0)}/{sum(counts.values())}"
                for label, counts in mixed["by_page"].items()
            )
            + ".",
            f"Statuses {mixed['status']}; errors {mixed['errors'] or 'none'}"
            + (f" (e.g. {'; '.join(mixed['error_examples'])})" if mixed["errors"] else "")
            + f"; kept-alive connections the server closed, retried: {mixed['reconnects']}.",
            "",
        ]
        for what, count in mixed["errors"].items():
            errors[f"{what} errors (mixed run)"] += count
    if not result["cart_kept"]:
        errors["cart emptied by the load"] += 1
    errors["server log errors/tracebacks"] += len(result["log_problems"])
    bad_status = query_problems(result["queries"])
    errors["query-count problems"] += len(bad_status)
    lines.append(f"Goals ({name}):")
    lines += [
        f"- {line}"
        for line in goal_lines(wrk, bare, query_labels(result["queries"]["counts"]), errors)
    ]
    if bad_status:
        lines.append(f"- while counting queries: {'; '.join(bad_status)}")
    if result["log_problems"]:
        lines.append(
            f"- server log ({result['log']}): "
            + "; ".join(result["log_problems"][:5])
            + (" …" if len(result["log_problems"]) > 5 else "")
        )
    lines.append("")
    return "\n".join(lines)


def large_report(tables):
    header = ["warm SQL queries (rendered, page cache off)"] + [
        f"{t['products']:,} products" for t in tables
    ]
    rows = []
    for visitor in VISITORS:
        for page in PAGES:
            rows.append(
                [f"{page} ({'with a cart' if visitor == 'cart' else visitor})"]
                + [t["counts"][visitor][page][0] for t in tables]
            )
    rows.append([f"cart with {CART_LINES} lines"] + [t["counts"]["cart_lines"][0] for t in tables])
    over = defaultdict(list)
    for table in tables:
        for label, count in query_labels(table["counts"]).items():
            if count > QUERY_LIMIT:
                over[label].append(f"{count} at {table['products']:,}")
    verdict_line = f"≤ {QUERY_LIMIT} SQL queries on every page at every size: " + verdict(
        [f"{label}: {' / '.join(counts)}" for label, counts in over.items()]
    )
    problems = [f"{t['products']:,}: {p}" for t in tables for p in query_problems(t)]
    if problems:
        verdict_line += "\n\nProblems while counting: " + "; ".join(problems)
    return markdown_table(header, rows) + "\n\n" + verdict_line + "\n"


def large_catalogue_env(count):
    folder = Path(tempfile.mkdtemp(prefix="rls-bench-"))
    large = {
        **base_env(),
        "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "CACHE_DIR": str(folder / "cache"),
    }
    say(f"· building a {count:,}-product catalogue in {folder} (about 20 s per 10,000)")
    for args in (["migrate", "-v0"], ["seed_store", "--count", str(count)]):
        subprocess.run(
            [PYTHON, "manage.py", *args], env=large, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )
    return large, folder


def code_fingerprint():
    """A digest of the code being measured (HEAD, uncommitted changes, untracked files), so a
    run can say when the code changed under it (someone editing while it runs)."""
    git = ["git", "-C", str(ROOT)]
    try:
        head = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True).stdout
        diff = subprocess.run([*git, "diff", "HEAD"], capture_output=True).stdout
        others = subprocess.run(
            [*git, "ls-files", "--others", "--exclude-standard", "-z"], capture_output=True
        ).stdout
    except OSError:
        return None
    digest = hashlib.sha1(head + diff)
    for name in sorted(filter(None, others.split(b"\0"))):
        path = ROOT / name.decode()
        if path.is_file() and path.name != Path(OUTPUT_NAME).name:
            digest.update(name + path.read_bytes())
    return digest.hexdigest()[:12]


def ensure_wrk():
    if shutil.which("wrk"):
        return
    say("· wrk is missing: installing Debian's package")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*sudo, "apt-get", "install", "-y", "-q", "wrk"], check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stack", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--duration", type=int, default=2, help="wrk seconds per run")
    parser.add_argument(
        "--rounds", type=int, default=5, help="(bare view, page) pairs per page; median ratio"
    )
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--shoppers", type=int, default=8, help="mixed run: concurrent shoppers")
    parser.add_argument("--mixed-duration", type=int, default=20, help="mixed run: seconds")
    parser.add_argument(
        "--checkout-every", type=int, default=4, help="mixed run: one visit in N checks out"
    )
    parser.add_argument("--large", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--output", default=str(ROOT / OUTPUT_NAME))
    options = parser.parse_args()
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    fingerprints = [code_fingerprint()]

    ensure_wrk()
    stacks = []
    if options.stack in ("sqlite", "both"):
        stacks.append(("SQLite + file cache", sqlite_env()))
    notes = []
    if options.stack in ("postgres", "both"):
        say("· PostgreSQL + Redis: dropping and creating bench_rls, flushing Redis database 13")
        reason = postgres_unreachable()
        if reason:
            note = f"PostgreSQL + Redis not measured: {reason}."
            say("! " + note)
            notes.append(note)
        else:
            stacks.append(("PostgreSQL + Redis", postgres_env()))

    sections, weight, small = [], None, None
    for index, (name, env) in enumerate(stacks):
        fingerprints.append(code_fingerprint())
        try:
            result = bench_stack(name, env, options, weigh=index == 0)
        except (RuntimeError, subprocess.CalledProcessError) as error:
            note = f"{name} not measured: {error}"
            say("! " + note)
            notes.append(note)
            continue
        weight = weight or result.get("weight")
        if env is stacks[0][1] and "SQLite" in name:
            small = result["queries"]
        section = stack_report(result, options)
        say("")
        say(section)
        sections.append(section)

    tables = [small] if small else []
    if not options.skip_large:
        for count in options.large:
            large, folder = large_catalogue_env(count)
            try:
                tables.append(count_queries(large, django_json(PATHS_CODE, large)))
            except (RuntimeError, subprocess.CalledProcessError) as error:
                note = f"{count:,} products not measured: {error}"
                say("! " + note)
                notes.append(note)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
    large_text = ""
    if len(tables) > 1 or (tables and not small):
        large_text = "### SQL queries with a large catalogue (SQLite)\n\n" + large_report(tables)
        say(large_text)

    weight_text = ""
    if weight:
        raw, zipped, assets = weight
        weight_text = (
            f"Product page weight: {raw / 1024:.1f} KB raw, {zipped / 1024:.1f} KB gzipped "
            f"(HTML + {assets} CSS/JS files); target ≤ 60 KB gzipped: "
            f"{'met' if zipped <= 60 * 1024 else 'NOT met'}.\n"
        )
        say(weight_text)

    fingerprints.append(code_fingerprint())
    if len(set(fingerprints)) > 1:
        note = (
            "**The code changed during the run** (working-tree digests "
            f"{' → '.join(dict.fromkeys(fingerprints))}): the stacks and tables above may "
            "have measured different code; run again once the tree is still."
        )
        say("! " + note)
        notes.append(note)
    minutes = (time.monotonic() - started) / 60
    header = (
        f"## make bench, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n\n"
        f"{os.cpu_count()} CPUs; gunicorn 2 gthread workers, production settings; wrk "
        f"{options.duration} s × {options.connections} connections per page; the run took "
        f"{minutes:.1f} min. Load average (1 min) {load_before:.1f} before the run, "
        f"{os.getloadavg()[0]:.1f} after it"
        + (
            ": other work was running, so the ratios are skewed; run again on a quiet machine.\n"
            if load_before > 0.5 * (os.cpu_count() or 1)
            else ".\n"
        )
    )
    document = "\n".join([header, *[f"{n}\n" for n in notes], *sections, large_text, weight_text])
    Path(options.output).write_text(document.rstrip() + "\n")
    say(header)
    say(f"· written to {options.output} ({minutes:.1f} min)")


PATHS_CODE = """
import json
import django
django.setup()
from oscar.core.loading import get_model
from content.models import Article
Category = get_model("catalogue", "Category")
iron = get_model("catalogue", "Product").objects.get(upc="RLV-IRON-25")
print(json.dumps({
    "home": "/",
    "list": "/catalogue/",
    "category": Category.objects.order_by("path").first().get_absolute_url(),
    "product": iron.get_absolute_url(),
    "article": Article.objects.published().first().get_absolute_url(),
    "search": "/search/?q=iron",
    "cart": "/basket/",
}))
"""


if __name__ == "__main__":
    main()
