"""Full-page screenshots of the key pages at 1280 and 375 px (make screenshots).

Usage: python scripts/screenshots.py [BASE_URL] [OUT_DIR] [PATH ...]
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
DEFAULT_PATHS = ["/", "/catalogue/", "/catalogue/iron-bisglycinate-25-mg_1/", "/basket/", "/about/"]


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "screenshots")
    paths = sys.argv[3:] or DEFAULT_PATHS
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width in (1280, 375):
            page = browser.new_page(viewport={"width": width, "height": 900})
            for path in paths:
                page.goto(base + path)
                name = path.strip("/").replace("/", "_") or "home"
                page.screenshot(path=out / f"{name}-{width}.png", full_page=True)
                overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
                print(f"{width:>5}px {path}{'  (scrolls sideways!)' if overflow else ''}")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
