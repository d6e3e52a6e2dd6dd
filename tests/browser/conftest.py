"""Real-browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Fixtures for every module in this folder:

- ``live_store``: the live server's base URL (no trailing slash), with the store seeded.
- ``browser``: one headless Chromium for the whole session.
- ``browser_page``: a fresh page (its own cookies) 1280 px wide; ``new_page(width=…,
  javascript=…)`` makes more, e.g. a 375 px phone or a page with JavaScript off.
- ``axe``: ``axe(page)`` runs axe-core on the page and fails on any critical or serious violation.

The whole folder skips, with the reason, when Playwright or /usr/bin/chromium is missing: a
browser is never downloaded at run time (``.ci/run`` installs Debian's chromium).

The database: a live-server test needs ``transactional_db``, which empties every table when the
test ends; tests/conftest.py seeds the store again after each such test, whatever the order.
"""

import os

import pytest

from tests.conftest import seed_store

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu"]

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

if sync_playwright is None:
    SKIP_REASON = "Playwright is not installed (pip install -e '.[dev]')"
elif not os.path.exists(CHROMIUM):
    SKIP_REASON = f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does it)"
else:
    SKIP_REASON = None

# Playwright's sync API runs an event loop in the test's thread; the ORM calls the tests make
# themselves are still ordinary synchronous ones.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


def pytest_collection_modifyitems(config, items):
    if SKIP_REASON is None:
        return
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.path).startswith(here):
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


@pytest.fixture
def live_store(live_server):
    """Base URL of the live server, with the seeded store behind it."""
    from oscar.core.loading import get_model

    if not get_model("catalogue", "Product").objects.exists():
        seed_store()  # e.g. another folder's transactional test flushed it without reseeding
    return live_server.url


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """``new_page(width=1280, javascript=True)``: a page in a fresh context (its own cookies)."""
    contexts = []

    def make(width=1280, height=900, javascript=True):
        context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=javascript
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def browser_page(new_page):
    return new_page()


@pytest.fixture(scope="session")
def axe():
    """``axe(page)``: axe-core's WCAG 2.x A/AA rules; asserts 0 critical and 0 serious."""
    from axe_playwright_python.sync_playwright import Axe

    checker = Axe()
    options = {
        "runOnly": {
            "type": "tag",
            "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
        },
        "resultTypes": ["violations"],
    }

    def check(page):
        results = checker.run(page, options=options)
        bad = [
            f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
            for v in results.response["violations"]
            if v["impact"] in ("critical", "serious")
        ]
        assert not bad, f"{page.url}:\n" + "\n".join(bad)
        return results

    return check


def scrolls_sideways(page):
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
