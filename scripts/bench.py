"""make bench: requests per second and latency per page against a bare Django view, then SQL
queries per page with 10, 10,000 and 100,000 products, and the product page's weight.

The store runs under gunicorn with the production settings (scripts/serve.sh, 2 sync workers)
on the database DATABASE_URL names (db.sqlite3 by default); wrk loads each page for 10 s at 16
connections. Ratios are measured in one run on one machine, so compare them, not the numbers.

Usage: python scripts/bench.py [--duration 10] [--connections 16] [--large 10000 100000]
                              [--skip-large]
"""

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PORT = 8050
BASE = f"http://127.0.0.1:{PORT}"
ANONYMOUS_PAGES = ["home", "list", "category", "product", "article"]


def say(message):
    print(message, flush=True)


def ensure_wrk():
    if shutil.which("wrk"):
        return
    say("· wrk is missing: installing Debian's package")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*sudo, "apt-get", "install", "-y", "-q", "wrk"], check=True)


def django_paths(env):
    """The URLs to load, read from the database the server uses."""
    code = (
        "import json, django; django.setup();"
        "from oscar.core.loading import get_model;"
        "from content.models import Article;"
        "P = get_model('catalogue', 'Product'); C = get_model('catalogue', 'Category');"
        "print(json.dumps({"
        "'category': C.objects.order_by('path').first().get_absolute_url(),"
        "'product': P.objects.filter(upc='RLV-IRON-25').first().get_absolute_url(),"
        "'article': Article.objects.published().first().get_absolute_url()}))"
    )
    out = subprocess.run([PYTHON, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True)
    if out.returncode:
        sys.exit(out.stderr)
    urls = json.loads(out.stdout.strip().splitlines()[-1])
    return {
        "bare": "/bench/bare",
        "home": "/",
        "list": "/catalogue/",
        "category": urls["category"],
        "product": urls["product"],
        "article": urls["article"],
        "search": "/search/?q=iron",
        "cart": "/basket/",
    }


def start_server(env):
    server_env = {
        **env,
        "PORT": str(PORT),
        "BENCH_BARE_VIEW": "true",
        "WEB_CONCURRENCY": "2",
        "ACCESS_LOG": "/dev/null",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    server = subprocess.Popen(
        [str(ROOT / "scripts" / "serve.sh")], env=server_env, cwd=ROOT, stderr=subprocess.DEVNULL
    )
    for _ in range(60):
        try:
            urllib.request.urlopen(BASE + "/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    sys.exit("gunicorn did not answer /healthz within 30 s")


def run_wrk(url, duration, connections):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.M))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return (
        rps,
        latency.get("50", "?"),
        latency.get("99", "?"),
        int(non_2xx.group(1)) if non_2xx else 0,
    )


def count_queries(env, paths):
    """Warm SQL queries per page, rendered for real (page cache off), in a Django process."""
    code = f"""
import json, django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from oscar.core.loading import get_model
counts = {{}}
with override_settings(PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["testserver"]):
    client = Client()
    for name, path in {paths!r}.items():
        if name == "bare":
            continue
        if name == "cart":
            product = get_model("catalogue", "Product").objects.get(upc="RLV-IRON-25")
            client.post(f"/basket/add/{{product.pk}}/", {{"quantity": 1}})
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            status = client.get(path).status_code
        counts[name] = (len(queries), status)
products = get_model("catalogue", "Product").objects.count()
print(json.dumps({{"products": products, "counts": counts}}))
"""
    out = subprocess.run(
        [PYTHON, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "shop.settings.dev", "DJANGO_DEBUG": "false"},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if out.returncode:
        sys.exit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def large_catalogue_env(env, count):
    folder = Path(tempfile.mkdtemp(prefix="rls-bench-"))
    large = {
        **env,
        "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
    }
    say(f"· building a {count:,}-product catalogue in {folder} (about 20 s per 10,000)")
    for args in (["migrate", "-v0"], ["seed_store", "--count", str(count)]):
        subprocess.run(
            [PYTHON, "manage.py", *args], env=large, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )
    return large, folder


def page_weight(path):
    """Bytes of the product page's HTML plus the CSS and JS it links, raw and gzipped."""
    html = urllib.request.urlopen(BASE + path).read()
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
    bodies = [html] + [urllib.request.urlopen(BASE + a.decode()).read() for a in assets]
    return sum(map(len, bodies)), sum(len(gzip.compress(b)) for b in bodies), len(assets)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--large", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--skip-large", action="store_true")
    options = parser.parse_args()

    ensure_wrk()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "shop.settings.dev"}
    paths = django_paths(env)
    database = env.get("DATABASE_URL", "sqlite (db.sqlite3)").split("@")[-1]
    say(f"· gunicorn, 2 sync workers, production settings, database {database}")
    server = start_server(env)
    try:
        for path in paths.values():  # warm caches and workers
            for _ in range(3):
                urllib.request.urlopen(BASE + path).read()
        results = {}
        for name, path in paths.items():
            say(f"· wrk {options.duration}s x {options.connections} connections: {name} {path}")
            results[name] = run_wrk(BASE + path, options.duration, options.connections)
        weight = page_weight(paths["product"])
    finally:
        server.terminate()
        server.wait()

    bare = results["bare"][0]
    say("")
    say(f"{'page':<10} {'req/s':>9} {'p50':>9} {'p99':>9} {'x bare':>7}  non-2xx")
    for name, (rps, p50, p99, errors) in results.items():
        say(f"{name:<10} {rps:>9.0f} {p50:>9} {p99:>9} {rps / bare:>7.2f}  {errors}")
    slow = [n for n in ANONYMOUS_PAGES if results[n][0] < 0.5 * bare]
    say("target: anonymous pages >= 0.50 x bare: " + ("met" if not slow else f"NOT met: {slow}"))

    raw, zipped, assets = weight
    verdict = "met" if zipped <= 60 * 1024 else "NOT met"
    say(
        f"\nproduct page weight: {raw / 1024:.1f} KB raw, {zipped / 1024:.1f} KB gzipped "
        f"(HTML + {assets} CSS/JS files); target <= 60 KB gzipped: {verdict}"
    )

    small = count_queries(env, paths)
    tables = [small]
    for count in [] if options.skip_large else options.large:
        large, folder = large_catalogue_env(env, count)
        try:
            tables.append(count_queries(large, paths))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    say("\nwarm SQL queries per page (rendered, page cache off)")
    say(f"{'page':<10} " + " ".join(f"{t['products']:>8,} products" for t in tables))
    for name in small["counts"]:
        say(f"{name:<10} " + " ".join(f"{t['counts'][name][0]:>17}" for t in tables))


if __name__ == "__main__":
    main()
