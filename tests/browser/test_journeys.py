"""What customers and staff do, end to end, in a real browser (fixtures: conftest.py)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from oscar.core.loading import get_model

from content.models import Article
from content.notices import IRON_WARNING, MEDICAL_ADVICE, NOTICES, NUTRIENT_NOTICES
from tests.browser.conftest import scrolls_sideways
from tests.conftest import US_ADDRESS

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

pytestmark = pytest.mark.browser

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
Nutrient = get_model("catalogue", "Nutrient")
TEXTS = {slug: text for slug, _kind, _title, text in NOTICES}


def fill_address(page):
    for field in ("first_name", "last_name", "line1", "line4", "postcode"):
        page.fill(f"#id_{field}", US_ADDRESS[field])
    page.select_option("#id_state", US_ADDRESS["state"])  # a select of states
    page.get_by_role("button", name="Continue").click()


def checkout_from_cart(page):
    """Shipping address → Standard shipping → bank transfer → place the order; the thank-you."""
    expect(page.locator("h1")).to_have_text("Shipping address")
    fill_address(page)
    expect(page.locator("h1")).to_have_text("Shipping method")
    page.locator("form:has(input[value='standard']) button").click()
    expect(page.locator("h1")).to_contain_text("Payment")
    expect(page.locator("main")).to_contain_text("We take payment by bank transfer")
    page.get_by_role("link", name="Continue to review your order").click()
    expect(page.locator("h1")).to_contain_text("Preview")
    page.get_by_role("button", name="Place order").click()
    expect(page.locator("h1")).to_contain_text("confirmation")
    return page.locator("main")


def test_customer_reads_buys_and_checks_out_as_a_guest(live_store, browser_page):
    page = browser_page
    iron = Product.objects.get(upc="RLV-IRON-25")
    page.goto(live_store + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Our Products").click()
    expect(page.locator("h1")).to_have_text("Our Products")

    page.get_by_role("link", name=iron.title, exact=True).click()
    expect(page.locator("h1")).to_have_text(iron.title)
    expect(page.locator(".notice-iron-warning")).to_contain_text(TEXTS[IRON_WARNING])

    page.get_by_role("link", name=f"Learn more: {iron.article.link_text}").click()
    expect(page.locator("h1")).to_have_text(iron.article.title)
    expect(page.locator("main")).to_contain_text(TEXTS[MEDICAL_ADVICE])

    products = page.get_by_role("region", name="Products this article discusses")
    products.get_by_role("link", name=iron.title, exact=True).click()
    expect(page.locator("h1")).to_have_text(iron.title)

    page.get_by_role("button", name="Add to cart", exact=True).click()
    expect(page.locator("#cart-count")).to_have_text("1")
    page.get_by_role("link", name=re.compile(r"My Cart")).click()
    expect(page.locator("main")).to_contain_text(iron.title)

    page.get_by_label(re.compile("Quantity")).fill("3")
    page.get_by_role("button", name="Update").click()
    expect(page.locator("main")).to_contain_text("$44.85")  # 3 × $14.95
    expect(page.locator("#cart-count")).to_have_text("3")

    page.get_by_role("link", name="Proceed to checkout").click()
    page.get_by_label("My email address is").fill("guest@example.com")
    page.get_by_label(re.compile("checkout as a guest")).check()
    page.get_by_role("button", name="Continue").click()
    thanks = checkout_from_cart(page)

    order = Order.objects.get(guest_email="guest@example.com")
    assert order.status == "Pending payment" and order.lines.get().quantity == 3
    expect(thanks).to_contain_text(order.number)
    expect(thanks).to_contain_text("Routing number")
    expect(page.locator("#cart-count")).to_have_text("0")


def test_customer_registers_signs_out_signs_in_orders_and_sees_history(live_store, browser_page):
    page = browser_page
    page.goto(live_store + "/")
    page.get_by_role("link", name="Hello Sign In").click()
    register = page.locator("form#register_form")
    register.get_by_label("Email address").fill("new@example.com")
    register.get_by_role("button", name="Register").click()
    expect(page.locator("h1")).to_have_text("Check your email")
    link = re.search(r"https?://\S+(/accounts/register/confirm/\S+)", mail.outbox[-1].body)
    page.goto(live_store + link.group(1))
    page.get_by_label("Password", exact=True).fill("a-long-secret-9")
    page.get_by_label("Confirm password").fill("a-long-secret-9")
    page.get_by_role("button", name="Create my account").click()
    expect(page.locator(".site-header")).to_contain_text("Hello, new")

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Hello Sign In")).to_be_visible()

    page.get_by_role("link", name="Hello Sign In").click()
    login = page.locator("form#login_form")
    login.get_by_label("Email address").fill("new@example.com")
    login.get_by_label("Password").fill("a-long-secret-9")
    login.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    magnesium = Product.objects.get(upc="RLV-MAG-120")
    page.goto(live_store + magnesium.get_absolute_url())
    page.get_by_role("button", name="Add to cart", exact=True).click()
    page.goto(live_store + "/basket/")
    page.get_by_role("link", name="Proceed to checkout").click()
    thanks = checkout_from_cart(page)
    order = Order.objects.get(user__email="new@example.com")
    expect(thanks).to_contain_text(order.number)

    page.get_by_role("link", name="Your Account", exact=True).click()
    page.get_by_role("link", name="Order History").click()
    expect(page.locator("main")).to_contain_text(order.number)


def test_staff_create_a_product_that_the_storefront_shows_with_its_notices(
    live_store, browser_page
):
    page = browser_page
    article = Article.objects.get(slug="magnesium-and-rls")
    page.goto(live_store + "/dashboard/")
    page.get_by_label("Email", exact=True).fill("staff@example.com")
    page.get_by_label("Password").fill("rls-demo-staff")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("h1")).to_contain_text("Dashboard")

    page.goto(live_store + "/dashboard/catalogue/products/create/supplement/")
    page.fill("#id_title", "Magnesium Citrate 100 mg")
    page.fill("#id_upc", "RLV-MAG-CIT-100")
    page.locator("#id_description").evaluate(
        "(el, html) => { el.value = html; }", "<p>A gentle magnesium.</p>"
    )
    page.select_option("#id_article", str(article.pk))
    page.fill("#id_claims", "Supports normal muscle function")
    page.fill("#id_serving_size", "1 capsule")

    page.get_by_role("link", name="Categories").click()
    page.select_option("#id_productcategory_set-0-category", label="Minerals")
    page.get_by_role("link", name="Stock and pricing").click()
    page.select_option("#id_stockrecords-0-partner", index=1)
    page.fill("#id_stockrecords-0-partner_sku", "RLV-MAG-CIT-100")
    page.fill("#id_stockrecords-0-num_in_stock", "30")
    page.fill("#id_stockrecords-0-price", "11.50")
    page.get_by_role("link", name="Supplement facts").click()
    page.select_option(
        "#id_nutrient_amounts-0-nutrient", str(Nutrient.objects.get(code="magnesium").pk)
    )
    page.fill("#id_nutrient_amounts-0-amount", "100")
    page.fill("#id_nutrient_amounts-0-source_form", "as magnesium citrate")
    page.locator("button[name=action][value=continue]").or_(
        page.get_by_role("button", name="Save")
    ).first.click()
    expect(page.locator(".alert-success")).to_contain_text("Magnesium Citrate 100 mg")

    product = Product.objects.get(upc="RLV-MAG-CIT-100")
    page.goto(live_store + product.get_absolute_url())
    expect(page.locator("h1")).to_have_text("Magnesium Citrate 100 mg")
    expect(page.locator(".price-large")).to_have_text("$11.50")
    expect(page.locator("table.supplement-facts")).to_contain_text("100 mg")
    expect(page.locator("table.supplement-facts")).to_contain_text("as magnesium citrate")
    expect(page.locator(".claims")).to_contain_text("Supports normal muscle function*")
    main = page.locator("main")
    expect(main).to_contain_text(TEXTS[NUTRIENT_NOTICES["magnesium"]])
    expect(main).to_contain_text(TEXTS[MEDICAL_ADVICE])
    expect(page.locator(".notice-iron-warning")).to_have_count(0)
    expect(page.get_by_role("link", name=f"Learn more: {article.link_text}")).to_be_visible()

    page.goto(live_store + article.get_absolute_url())
    expect(page.get_by_role("region", name="Products this article discusses")).to_contain_text(
        "Magnesium Citrate 100 mg"
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_show_all_lists_every_article(live_store, new_page, javascript):
    page = new_page(javascript=javascript)
    page.goto(live_store + "/articles/iron-and-rls/")
    every_article = page.locator(".show-all li")
    expect(every_article.first).to_be_hidden()
    page.get_by_text("[+] Show All").click()
    expect(every_article).to_have_count(Article.objects.published().count())
    expect(every_article.first).to_be_visible()
    page.get_by_role("link", name="Vitamins for Restless Legs").click()
    expect(page.locator("h1")).to_have_text("Vitamins for Restless Legs")


PHONE_PAGES = [
    "/",
    "/catalogue/",
    "/catalogue/category/minerals_1/",
    "PRODUCT",
    "/articles/",
    "/articles/iron-and-rls/",
    "/basket/",
    "/contact/",
    "/about/",
    "/accounts/login/",
    "/no-such-page/",
]


def test_at_375_px_no_page_scrolls_sideways_and_the_header_works(live_store, new_page):
    page = new_page(width=375, height=740)
    iron = Product.objects.get(upc="RLV-IRON-25")
    page.goto(live_store + iron.get_absolute_url())
    page.get_by_role("button", name="Add to cart", exact=True).click()
    category = iron.categories.first()
    for path in PHONE_PAGES:
        path = {"PRODUCT": iron.get_absolute_url()}.get(path, path)
        path = path.replace("/catalogue/category/minerals_1/", category.get_absolute_url())
        page.goto(live_store + path)
        assert not scrolls_sideways(page), f"{path} scrolls sideways at 375 px"
        header = page.locator(".site-header")
        assert header.bounding_box()["height"] <= 120, path
        expect(header.get_by_role("link", name=re.compile("My Cart"))).to_contain_text("(1")
        header.locator(".phone-menu > summary").click()  # the menu button (details/summary)
        for name in ("Our Products", "About Us", "Contact Us", "Articles", "Your Account"):
            link = header.get_by_role("link", name=name, exact=True)
            expect(link).to_be_visible()
            box = link.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 375, (path, name)
            assert box["height"] >= 24, (path, name, box)

    page.locator(".site-header").get_by_role("link", name="Articles").click()
    expect(page.locator("h1")).to_have_text("Articles")
    page.get_by_role("searchbox", name="Search products").fill("iron")
    page.get_by_role("searchbox", name="Search products").press("Enter")
    expect(page.locator("main")).to_contain_text(iron.title)


def test_a_new_customer_on_a_phone_finds_reads_asks_and_checks_out(live_store, new_page):
    """Issue 13's journey at 375 px: a typo finds magnesium, its reviews are there, an
    out-of-stock product takes an alert, the cart says how far free shipping is, the address
    has a state picker, and the returns policy is one tap from the footer."""
    ProductReview = get_model("reviews", "ProductReview")
    StockRecord = get_model("partner", "StockRecord")
    magnesium = Product.objects.get(title__icontains="magnesium")
    reviewer = get_user_model().objects.create_user(
        "reviewer", "reviewer@example.com", "a-long-password-1"
    )
    ProductReview.objects.create(
        product=magnesium, user=reviewer, score=4, title="Easy to swallow", body="Small tablets."
    )
    sold_out = Product.objects.exclude(pk=magnesium.pk).filter(upc__startswith="RLV-").first()
    StockRecord.objects.filter(product=sold_out).update(num_in_stock=0, num_allocated=0)

    page = new_page(width=375, height=740)
    page.goto(live_store + "/")
    search = page.get_by_role("searchbox").first
    search.fill("magnesum")
    search.press("Enter")
    expect(page.locator("main")).to_contain_text("Did you mean")
    page.locator("main").get_by_role("link", name=magnesium.title, exact=True).first.click()
    expect(page.locator("h1")).to_have_text(magnesium.title)
    expect(page.locator("main")).to_contain_text("Easy to swallow")
    assert not scrolls_sideways(page)

    page.goto(live_store + sold_out.get_absolute_url())
    page.get_by_label("Email me when it's back in stock").fill("ann@example.com")
    page.get_by_role("button", name="Notify me").click()
    expect(page.locator("body")).to_contain_text("A confirmation email has been sent")

    page.goto(live_store + magnesium.get_absolute_url())
    page.get_by_role("button", name="Add to cart", exact=True).click()
    page.goto(live_store + "/basket/")
    expect(page.locator("main")).to_contain_text("more for free standard shipping")
    assert not scrolls_sideways(page)

    page.get_by_role("link", name="Proceed to checkout").first.click()
    page.get_by_label("My email address is").fill("ann@example.com")
    page.get_by_label(re.compile("checkout as a guest")).check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("Shipping address")
    expect(page.locator("select#id_state")).to_be_visible()
    expect(page.get_by_label("ZIP code")).to_be_visible()
    fill_address(page)
    expect(page.locator("h1")).to_have_text("Shipping method")

    page.get_by_role("contentinfo").get_by_role("link", name="Returns").click()
    expect(page.locator("h1")).to_contain_text("Return")
    assert not scrolls_sideways(page)
