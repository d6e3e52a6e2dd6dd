"""The cart dose message in a real browser (fixtures and skipping: tests/browser/conftest.py)."""

import pytest
from oscar.core.loading import get_model

from tests.browser.conftest import scrolls_sideways

expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[dev]')"
).expect

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 375])
def test_cart_with_two_iron_products_shows_the_dose_message(live_store, new_page, width):
    page = new_page(width=width)
    for upc in ("RLV-IRON-25", "RLV-IRON-65"):
        page.goto(live_store + Product.objects.get(upc=upc).get_absolute_url())
        page.get_by_role("button", name="Add to cart", exact=True).click()
        page.wait_for_load_state()
    page.goto(live_store + "/basket/")

    message = page.locator(".dose-warning[data-nutrient='iron']")
    expect(message).to_be_visible()
    expect(message).to_contain_text("Iron: above the daily upper limit.")
    expect(message).to_contain_text(
        "Together, Iron (Ferrous Sulfate) 65 mg (65 mg) and Iron Bisglycinate 25 mg (25 mg) "
        "give 90 mg of iron a day, above the adult upper limit of 45 mg a day"
    )
    expect(message).to_contain_text("Talk to your doctor")
    assert not scrolls_sideways(page)
