"""Full-page screenshots of the key pages at 1280 and 375 px (make screenshots).

Usage: python scripts/screenshots.py [BASE_URL] [OUT_DIR] [PATH ...]

The cart is shot with one product in it, so the page shows what a customer sees. Any page wider
than the window (it scrolls sideways, the commonest mobile flaw) is reported with the elements
that stick out, and the script exits with status 1.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PRODUCT = "/catalogue/iron-bisglycinate-25-mg_1/"
DEFAULT_PATHS = [
    "/",
    "/catalogue/",
    PRODUCT,
    "/articles/iron-and-rls/",
    "/articles/",
    "/basket/",
    "/contact/",
    "/about/",
    "/accounts/login/",
]
# Elements whose right edge passes the window's: what makes a page scroll sideways.
WIDE_ELEMENTS = """() => document.documentElement.scrollWidth <= window.innerWidth ? [] :
    [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .slice(0, 5)
    .map(el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className) : ''))"""


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "screenshots")
    paths = sys.argv[3:] or DEFAULT_PATHS
    out.mkdir(parents=True, exist_ok=True)
    sideways = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width in (1280, 375):
            page = browser.new_page(viewport={"width": width, "height": 900})
            if "/basket/" in paths:
                page.goto(base + PRODUCT)
                page.get_by_role("button", name="Add to cart").click()
                page.wait_for_load_state()
            for path in paths:
                page.goto(base + path)
                # Full-page shots should show every image, not only those lazily loaded so far.
                page.evaluate("document.querySelectorAll('img').forEach(i => i.loading = 'eager')")
                page.wait_for_load_state("networkidle")
                name = path.strip("/").replace("/", "_") or "home"
                page.screenshot(path=out / f"{name}-{width}.png", full_page=True)
                wide = page.evaluate(WIDE_ELEMENTS)
                if wide:
                    sideways.append((width, path))
                print(f"{width:>5}px {path}" + (f"  scrolls sideways: {wide}" if wide else ""))
            page.close()
        browser.close()
    if sideways:
        print(f"{len(sideways)} page(s) scroll sideways", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
