"""WCAG 2.2 AA in a real browser: axe-core finds no critical or serious problem on the pages a
customer uses, each page has one h1 and a working skip link, and focus is visible."""

import pytest
from oscar.core.loading import get_model

from tests.conftest import US_ADDRESS

pytest.importorskip("axe_playwright_python", reason="axe-playwright-python is not installed")

pytestmark = pytest.mark.browser

Product = get_model("catalogue", "Product")


def check_page(page, axe):
    page.wait_for_load_state()  # a click only starts the navigation; check the page it leads to
    axe(page)
    assert page.locator("h1").count() == 1, f"{page.url}: not exactly one h1"
    assert page.locator("main#main").count() == 1, f"{page.url}: no <main id=main>"
    assert page.locator("header.site-header").count() == 1, f"{page.url}: no site header"


@pytest.mark.parametrize("width", [1280, 375])
def test_shop_pages(live_store, new_page, axe, width):
    page = new_page(width=width)
    iron = Product.objects.get(upc="RLV-IRON-25")
    pages = [
        "/",
        "/catalogue/",
        iron.categories.first().get_absolute_url(),
        iron.get_absolute_url(),
        "/articles/",
        iron.article.get_absolute_url(),
        "/contact/",
        "/about/",
        "/accounts/login/",
        "/no-such-page/",
    ]
    for path in pages:
        page.goto(live_store + path)
        check_page(page, axe)


def test_cart_and_every_checkout_step(live_store, browser_page, axe):
    page = browser_page
    page.goto(live_store + Product.objects.get(upc="RLV-IRON-25").get_absolute_url())
    page.get_by_role("button", name="Add to cart", exact=True).click()
    page.goto(live_store + "/basket/")
    check_page(page, axe)

    page.get_by_role("link", name="Proceed to checkout").click()  # the gateway
    check_page(page, axe)
    page.get_by_label("My email address is").fill("guest@example.com")
    page.get_by_role("button", name="Continue").click()

    check_page(page, axe)  # shipping address
    for field in ("first_name", "last_name", "line1", "line4", "postcode"):
        page.fill(f"#id_{field}", US_ADDRESS[field])
    page.select_option("#id_state", US_ADDRESS["state"])  # a select of states
    page.get_by_role("button", name="Continue").click()

    check_page(page, axe)  # shipping method
    page.locator("form:has(input[value='standard']) button").click()

    check_page(page, axe)  # payment
    page.get_by_role("link", name="Continue to review your order").click()

    check_page(page, axe)  # preview
    page.get_by_role("button", name="Place order").click()

    assert "confirmation" in page.locator("h1").inner_text()
    check_page(page, axe)  # thank you


def test_account_pages(live_store, browser_page, axe, django_user_model):
    django_user_model.objects.create_user(
        username="ann", email="ann@example.com", password="a-long-secret-9", first_name="Ann"
    )
    page = browser_page
    page.goto(live_store + "/accounts/login/")
    page.locator("#id_login-username").fill("ann@example.com")
    page.locator("#id_login-password").fill("a-long-secret-9")
    page.locator("button[name=login_submit]").click()
    for path in ("/accounts/profile/", "/accounts/orders/", "/accounts/addresses/"):
        page.goto(live_store + path)
        check_page(page, axe)


def test_skip_link_and_visible_focus(live_store, browser_page):
    page = browser_page
    page.goto(live_store + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box["x"] >= 0 and box["width"] >= 24 and box["height"] >= 24  # shown when focused
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline not in ("none", ""), "focus is not visible"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
