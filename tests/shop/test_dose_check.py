"""The cart dose check: daily amounts of the distinct products in the cart, against each UL."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from oscar.core.loading import get_model

from compliance.dosage import basket_dose_warnings
from tests.shop.checkout_steps import add_to_cart, checkout_to_preview

Product = get_model("catalogue", "Product")
Nutrient = get_model("catalogue", "Nutrient")
NutrientAmount = get_model("catalogue", "NutrientAmount")

pytestmark = pytest.mark.django_db


@pytest.fixture
def iron_65(db):
    return Product.objects.get(upc="RLV-IRON-65")


@pytest.fixture
def combo(db):
    return Product.objects.get(upc="RLV-COMBO-DAILY")


def warnings_on(page):
    """The dose messages as the customer reads them, by nutrient code."""
    soup = BeautifulSoup(page.content, "html.parser")
    return {
        tag["data-nutrient"]: " ".join(tag.get_text().split())
        for tag in soup.select(".dose-warning")
    }


def cart_warnings(client):
    return warnings_on(client.get("/basket/"))


def checked_basket(client):
    return basket_dose_warnings(client.get("/basket/").context["basket"])


def test_two_bottles_of_one_product_do_not_double_the_dose(client, iron):
    add_to_cart(client, iron, 3)  # 3 × 25 mg bottles, still 25 mg a day
    assert cart_warnings(client) == {}
    assert checked_basket(client) == []


def test_two_iron_products_over_the_limit_warn_naming_both(client, iron, iron_65):
    add_to_cart(client, iron)
    add_to_cart(client, iron_65)

    [warning] = checked_basket(client)
    assert (warning.code, warning.daily_amount, warning.upper_limit) == ("iron", 90, 45)
    assert warning.product_titles == ["Iron (Ferrous Sulfate) 65 mg", "Iron Bisglycinate 25 mg"]

    text = cart_warnings(client)["iron"]
    assert "Iron: above the daily upper limit." in text
    assert "Iron (Ferrous Sulfate) 65 mg (65 mg) and Iron Bisglycinate 25 mg (25 mg)" in text
    assert "give 90 mg of iron a day, above the adult upper limit of 45 mg a day" in text
    assert "Talk to your doctor" in text


def test_two_iron_products_under_the_limit_do_not_warn(client, iron, combo):
    add_to_cart(client, iron)  # 25 mg
    add_to_cart(client, combo)  # + 18 mg = 43 mg, under 45
    assert cart_warnings(client) == {}


def test_a_sum_equal_to_the_limit_is_not_above_it(client, iron, combo):
    Nutrient.objects.filter(code="iron").update(upper_limit=Decimal("43"))
    add_to_cart(client, iron)
    add_to_cart(client, combo)
    assert cart_warnings(client) == {}


def test_nutrients_without_an_upper_limit_are_not_checked(client, combo):
    b12 = Product.objects.get(upc="RLV-B12-1000")
    thiamin = Product.objects.get(upc="RLV-B1-100")
    add_to_cart(client, b12)  # 1,000 mcg B12 a day, plus 25 from the combo
    add_to_cart(client, thiamin)  # 100 mg thiamin, plus 1.5
    add_to_cart(client, combo)
    assert cart_warnings(client) == {}


def test_magnesium_counts_supplements_only_and_says_so(client, magnesium):
    add_to_cart(client, magnesium, 2)  # 120 mg × 2 a day = 240 mg, under 350
    assert cart_warnings(client) == {}

    b6 = Product.objects.get(upc="RLV-B6-10")
    NutrientAmount.objects.create(
        product=b6, nutrient=Nutrient.objects.get(code="magnesium"), amount=Decimal("150")
    )
    add_to_cart(client, b6)

    text = cart_warnings(client)["magnesium"]
    assert "Magnesium Glycinate 120 mg (240 mg)" in text
    assert "Vitamin B6 10 mg (150 mg)" in text
    assert "give 390 mg of magnesium a day" in text
    assert "upper limit of 350 mg a day (from supplements only)" in text


def test_a_limit_changed_by_staff_applies_at_once(client, staff, iron):
    add_to_cart(client, iron)
    assert cart_warnings(client) == {}

    client.force_login(staff)  # the basket follows the customer into their account
    nutrient = Nutrient.objects.get(code="iron")
    response = client.post(
        f"/admin/catalogue/nutrient/{nutrient.pk}/change/",
        {
            "code": "iron",
            "name": "Iron",
            "unit": "mg",
            "daily_value": "18",
            "upper_limit": "20",
            "upper_limit_unit": "",
            "upper_limit_basis": "whole",
            "upper_limit_note": "total intake",
            "notice": nutrient.notice_id,
            "position": nutrient.position,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    text = cart_warnings(client)["iron"]
    assert "One daily dose of Iron Bisglycinate 25 mg gives 25 mg of iron a day" in text
    assert "upper limit of 20 mg a day (total intake)" in text

    Nutrient.objects.filter(pk=nutrient.pk).update(upper_limit=None)
    assert cart_warnings(client) == {}


def test_preview_shows_the_same_message(client, iron, iron_65):
    add_to_cart(client, iron)
    add_to_cart(client, iron_65)
    cart = cart_warnings(client)
    preview = checkout_to_preview(client, guest_email="guest@example.com")
    assert warnings_on(preview) == cart
    assert "Check your daily dose" in preview.content.decode()


def test_product_page_says_when_one_daily_dose_is_over_the_limit(client, iron, iron_65):
    page = client.get(iron_65.get_absolute_url()).content.decode()
    assert (
        "One daily dose of Iron (Ferrous Sulfate) 65 mg gives 65 mg of iron a day, above the "
        "adult upper limit of 45 mg a day (total intake)."
    ) in page
    assert "confirm that you take it on your doctor's advice" in page

    page = client.get(iron.get_absolute_url()).content.decode()
    assert "One daily dose" not in page and "dose-note" not in page


def test_product_page_dose_sentence_costs_no_query(client, django_assert_max_num_queries, iron_65):
    client.get(iron_65.get_absolute_url())  # warm, as the storefront budget does
    with django_assert_max_num_queries(10):
        assert "One daily dose" in client.get(iron_65.get_absolute_url()).content.decode()


def test_seed_marks_only_the_product_over_a_limit(db):
    marked = Product.objects.filter(requires_doctors_advice=True)
    assert list(marked.values_list("upc", flat=True)) == ["RLV-IRON-65"]


def test_basket_page_query_budget(client, django_assert_max_num_queries, iron, iron_65, magnesium):
    """Within the storefront's 10 queries whatever the cart holds (shop.partner.strategy reads
    each line's own stock record); the dose check adds one query in all."""
    for product in (iron, iron_65, magnesium):
        add_to_cart(client, product)
    client.get("/basket/")  # warm: session, site and thumbnail caches
    with django_assert_max_num_queries(10):
        page = client.get("/basket/")
    assert page.status_code == 200
    assert "iron" in warnings_on(page)


def test_dose_check_is_one_query_for_the_whole_basket(
    client, django_assert_num_queries, iron, iron_65, magnesium, combo
):
    for product in (iron, iron_65, magnesium, combo):
        add_to_cart(client, product)
    basket = client.get("/basket/").context["basket"]
    basket.all_lines()  # the page has loaded the lines already
    with django_assert_num_queries(1):
        warnings = basket_dose_warnings(basket)
    assert [w.code for w in warnings] == ["iron"]


def test_a_flag_cleared_by_staff_survives_the_next_seed(db):
    from io import StringIO

    from django.core.management import call_command

    product = Product.objects.get(upc="RLV-IRON-65")
    product.requires_doctors_advice = False
    product.save()
    call_command("seed_store", stdout=StringIO())
    product.refresh_from_db()
    assert product.requires_doctors_advice is False
