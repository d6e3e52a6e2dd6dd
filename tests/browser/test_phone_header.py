"""The phone-sized header (issue 13 part 9) in a real browser (fixtures: conftest.py).

At 375 px the header is one row of brand, cart icon (with its count) and a Menu button, with the
search box below: no taller than 120 px, and nothing on it wraps. The Menu is a <details>, so it
opens without JavaScript, and holds the nav and the account links. At 1280 px the header is the
desktop one: nav links and account links shown without opening anything. No page scrolls
sideways at 375 px.
"""

import re

import pytest
from django.core.cache import cache
from oscar.core.loading import get_model

from tests.browser.conftest import scrolls_sideways

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

pytestmark = pytest.mark.browser

Product = get_model("catalogue", "Product")

NAV = ("Our Products", "About Us", "Contact Us", "Articles")
PHONE = 375


def add_to_cart(page, base, product, quantity):
    page.goto(base + product.get_absolute_url())
    page.get_by_label(re.compile("Quantity")).fill(str(quantity))
    page.get_by_role("button", name="Add to cart", exact=True).click()
    expect(page.locator("#cart-count")).to_have_text(str(quantity))


def sign_in(page, base, email, password):
    page.goto(base + "/accounts/login/")
    page.locator("#id_login-username").fill(email)
    page.locator("#id_login-password").fill(password)
    page.locator("button[name=login_submit]").click()
    page.wait_for_load_state()


def assert_on_screen(locator, what):
    box = locator.bounding_box()
    assert box is not None, f"{what} is not shown"
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE, (what, box)
    assert box["height"] >= 24 and box["width"] >= 24, (what, box)  # WCAG 2.2 target size
    return box


def assert_one_row(header):
    """Brand, cart and Menu side by side: each one's vertical middle lies within the others."""
    boxes = {
        "brand": header.locator(".brand").bounding_box(),
        "cart": header.get_by_role("link", name=re.compile("My Cart")).bounding_box(),
        "menu": header.locator(".phone-menu > summary").bounding_box(),
    }
    for name, box in boxes.items():
        middle = box["y"] + box["height"] / 2
        for other, other_box in boxes.items():
            assert other_box["y"] <= middle <= other_box["y"] + other_box["height"], (
                f"{name} is not on one row with {other}: {boxes}"
            )
    assert boxes["brand"]["x"] < boxes["cart"]["x"] < boxes["menu"]["x"], boxes


def test_at_375_px_the_header_is_one_short_row_and_its_menu_holds_the_links(live_store, new_page):
    page = new_page(width=PHONE, height=740)
    iron = Product.objects.get(upc="RLV-IRON-25")
    add_to_cart(page, live_store, iron, 3)
    page.goto(live_store + "/")
    header = page.locator(".site-header")

    assert header.bounding_box()["height"] <= 120
    assert_one_row(header)
    cart = header.get_by_role("link", name=re.compile(r"^My Cart \(\s*3 items\s*\)$"))
    assert_on_screen(cart, "cart icon")
    expect(cart.locator("svg")).to_have_attribute("aria-hidden", "true")
    count = page.locator("#cart-count")
    expect(count).to_be_visible()
    expect(count).to_have_text("3")
    assert count.bounding_box()["width"] > 0
    expect(header).to_contain_text("My Cart (")  # the chrome's words, visually hidden here

    menu = header.locator(".phone-menu > summary")
    expect(menu).to_have_accessible_name("Menu")
    for name in NAV + ("Hello Sign In", "Your Account"):  # closed: none of them is shown
        expect(header.get_by_role("link", name=name, exact=True)).to_have_count(0)

    menu.click()
    expect(page.locator(".phone-menu")).to_have_attribute("open", "")
    for name in NAV + ("Hello Sign In", "Your Account"):
        link = header.get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        assert_on_screen(link, name)
    assert header.bounding_box()["height"] <= 120  # the panel drops over the page
    assert not scrolls_sideways(page)

    menu.click()  # closes again
    expect(header.get_by_role("link", name="Our Products", exact=True)).to_have_count(0)

    menu.click()
    header.get_by_role("link", name="Articles", exact=True).click()
    expect(page.locator("h1")).to_have_text("Articles")
    page.get_by_role("searchbox", name="Search products").fill("iron")  # on the second row
    page.get_by_role("searchbox", name="Search products").press("Enter")
    expect(page.locator("main")).to_contain_text(iron.title)


def test_the_menu_opens_without_javascript(live_store, new_page):
    page = new_page(width=PHONE, height=740, javascript=False)
    page.goto(live_store + "/catalogue/")
    header = page.locator(".site-header")
    header.locator(".phone-menu > summary").click()
    for name in NAV:
        expect(header.get_by_role("link", name=name, exact=True)).to_be_visible()
    header.get_by_role("link", name="Contact Us", exact=True).click()
    expect(page.locator("h1")).to_contain_text("Contact")


def test_the_menu_button_shows_keyboard_focus(live_store, new_page):
    page = new_page(width=PHONE, height=740)
    page.goto(live_store + "/")
    menu = page.locator(".phone-menu > summary")
    for _ in range(8):
        page.keyboard.press("Tab")
        if menu.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reaches the Menu button")
    assert menu.evaluate("el => getComputedStyle(el).outlineStyle") not in ("none", "")
    page.keyboard.press("Enter")
    menu_nav = page.get_by_role("navigation", name="Menu")
    expect(menu_nav.get_by_role("link", name="Our Products", exact=True)).to_be_visible()


def test_signed_in_staff_find_their_links_in_the_menu(live_store, new_page, django_user_model):
    django_user_model.objects.create_user(
        username="sue",
        email="sue@example.com",
        password="a-long-secret-9",
        first_name="Sue",
        is_staff=True,
    )
    page = new_page(width=PHONE, height=740)
    sign_in(page, live_store, "sue@example.com", "a-long-secret-9")
    add_to_cart(page, live_store, Product.objects.get(upc="RLV-MAG-120"), 3)
    header = page.locator(".site-header")
    assert header.bounding_box()["height"] <= 120
    assert_one_row(header)

    header.locator(".phone-menu > summary").click()
    panel = header.locator(".phone-menu-panel")
    expect(panel).to_contain_text("Hello, Sue")
    for name in ("Your Account", "Dashboard"):
        expect(header.get_by_role("link", name=name, exact=True)).to_be_visible()
    sign_out = header.get_by_role("button", name="Sign out")
    expect(sign_out).to_be_visible()
    sign_out.click()
    page.locator(".phone-menu > summary").click()
    expect(page.get_by_role("link", name="Hello Sign In")).to_be_visible()


def test_no_page_scrolls_sideways_at_375_px(live_store, new_page):
    page = new_page(width=PHONE, height=740)
    vitamin_e = Product.objects.get(upc="RLV-VITE-67")
    add_to_cart(page, live_store, vitamin_e, 1)
    paths = ["/", "/catalogue/", "/basket/", "/accounts/login/", "/articles/"]
    paths += [product.get_absolute_url() for product in Product.objects.browsable()]
    paths += [vitamin_e.categories.first().get_absolute_url()]
    for path in paths:
        page.goto(live_store + path)
        assert not scrolls_sideways(page), f"{path} scrolls sideways at 375 px"
    # The widest label: per serving and per day, with "alpha-tocopherol" in both amounts.
    vitamin_e.servings_per_day = 2
    vitamin_e.save()
    cache.clear()  # the anonymous product page is cached
    page.goto(live_store + vitamin_e.get_absolute_url())
    facts = page.locator("table.supplement-facts.per-day")
    expect(facts).to_contain_text("Per Day")
    box = facts.bounding_box()
    room = page.locator("main").evaluate(
        "el => el.getBoundingClientRect().right - parseFloat(getComputedStyle(el).paddingRight)"
    )
    assert box["x"] >= 0 and box["x"] + box["width"] <= room + 0.5, (box, room)  # in its column
    assert not scrolls_sideways(page), "Vitamin E, per day, scrolls sideways at 375 px"
    page.goto(live_store + "/articles/")
    articles = [link.get_attribute("href") for link in page.locator(".article-list h2 a").all()]
    assert articles
    for path in articles:  # their references quote long URLs
        page.goto(live_store + path)
        assert not scrolls_sideways(page), f"{path} scrolls sideways at 375 px"


def test_at_1280_px_the_desktop_header_shows_its_links_without_a_menu(live_store, browser_page):
    page = browser_page
    add_to_cart(page, live_store, Product.objects.get(upc="RLV-IRON-25"), 2)
    header = page.locator(".site-header")
    expect(header.locator(".phone-menu")).to_be_hidden()
    nav = page.get_by_role("navigation", name="Main")
    for name in NAV:
        expect(nav.get_by_role("link", name=name, exact=True)).to_be_visible()
    for name in ("Hello Sign In", "Your Account"):
        expect(header.get_by_role("link", name=name, exact=True)).to_be_visible()
    cart = header.get_by_role("link", name=re.compile("My Cart"))
    expect(cart).to_be_visible()
    expect(cart).to_contain_text("My Cart (2")
    words = cart.locator(".cart-text").first  # "My Cart (" in full, as before: not the phone's icon
    assert words.bounding_box()["width"] > 40
    expect(cart.locator("svg")).to_be_hidden()
    expect(page.get_by_role("searchbox", name="Search products")).to_be_visible()
    # The brand and the account links share one row.
    brand, account = header.locator(".brand").bounding_box(), cart.bounding_box()
    assert abs((brand["y"] + brand["height"] / 2) - (account["y"] + account["height"] / 2)) < 12
