"""The Supplement Facts panel as a customer reads it, and the UL share as staff enter it."""

import pytest
from bs4 import BeautifulSoup
from oscar.core.loading import get_model

from compliance.labels import SUPPLEMENT_FACTS_ORDER

Product = get_model("catalogue", "Product")
Nutrient = get_model("catalogue", "Nutrient")
NutrientAmount = get_model("catalogue", "NutrientAmount")

pytestmark = pytest.mark.django_db


def panel(client, product):
    soup = BeautifulSoup(client.get(product.get_absolute_url()).content, "html.parser")
    return soup.select_one("table.supplement-facts")


def rows(table):
    return [
        [" ".join(cell.get_text().split()) for cell in tr.find_all(["th", "td"])]
        for tr in table.select("tbody tr")
    ]


def test_the_daily_complex_lists_its_nutrients_in_fda_order(client):
    table = panel(client, Product.objects.get(upc="RLV-COMBO-DAILY"))
    codes = [tr["data-nutrient"] for tr in table.select("tbody tr")]
    assert codes == ["thiamin", "vitamin-b6", "folate", "vitamin-b12", "iron"]
    assert codes[0] != "iron"
    assert [row[0].split(" (")[0] for row in rows(table)] == [
        "Thiamin",
        "Vitamin B6",
        "Folate",
        "Vitamin B12",
        "Iron",
    ]


def test_folate_is_declared_in_dfe_with_its_folic_acid(client):
    table = panel(client, Product.objects.get(upc="RLV-FOL-400"))
    [[name, amount, percent]] = rows(table)
    assert (name, amount, percent) == (
        "Folate (as folic acid)",
        "400 mcg DFE (240 mcg folic acid)",
        "100%",
    )


def test_two_servings_a_day_add_a_per_day_column(client, magnesium):
    table = panel(client, magnesium)
    headers = [(th.get_text(strip=True), th.get("scope")) for th in table.select("thead th")]
    assert ("Per Serving", "colgroup") in headers
    assert ("Per Day (2 servings)", "colgroup") in headers
    assert [row for row in rows(table)] == [
        ["Magnesium (as magnesium bisglycinate)", "120 mg", "29%", "240 mg", "57%"]
    ]
    assert len(table.select("colgroup")) == 3
    assert "Servings Per Day: 2" in table.get_text()


def test_one_serving_a_day_keeps_the_three_column_panel(client, iron):
    table = panel(client, iron)
    assert "Per Day" not in table.get_text()
    assert rows(table) == [["Iron (as ferrous bisglycinate chelate)", "25 mg", "139%"]]
    assert table.select_one("tfoot") is None  # iron has a Daily Value: no dagger note


def test_the_dagger_note_appears_where_a_daily_value_is_missing(client):
    Nutrient.objects.filter(code="thiamin").update(daily_value=None)
    table = panel(client, Product.objects.get(upc="RLV-COMBO-DAILY"))
    assert "†" in rows(table)[0][2]
    assert "Daily Value not established" in table.select_one("tfoot").get_text()


def test_the_combo_page_stays_within_its_query_budget(client, django_assert_max_num_queries):
    combo = Product.objects.get(upc="RLV-COMBO-DAILY")
    client.get(combo.get_absolute_url())  # warm, as the storefront budget does
    with django_assert_max_num_queries(10):
        assert client.get(combo.get_absolute_url()).status_code == 200


def test_the_seed_positions_nutrients_in_fda_order():
    codes = list(Nutrient.objects.order_by("position").values_list("code", flat=True))
    assert codes == sorted(codes, key=SUPPLEMENT_FACTS_ORDER.index)
    folate, vitamin_a = Nutrient.objects.get(code="folate"), Nutrient.objects.get(code="vitamin-a")
    assert (folate.upper_limit_unit, folate.upper_limit_basis) == ("mcg folic acid", "share")
    assert vitamin_a.upper_limit_basis == "share"
    for row in NutrientAmount.objects.filter(nutrient__in=[folate, vitamin_a]):
        assert row.upper_limit_amount is not None


def test_staff_enter_the_folic_acid_share_in_the_dashboard(django_app, staff):
    product = Product.objects.get(upc="RLV-FOL-400")
    url = f"/dashboard/catalogue/products/{product.pk}/"
    form = django_app.get(url, user=staff).forms["create_update_product_form"]
    assert form["nutrient_amounts-0-upper_limit_amount"].value.startswith("240")

    form["nutrient_amounts-0-upper_limit_amount"] = ""
    page = form.submit()
    assert page.status_code == 200
    assert "record how many mcg folic acid one serving gives" in page.text

    form["nutrient_amounts-0-upper_limit_amount"] = "500"
    page = form.submit()
    assert "is more than the amount per serving" in page.text

    form["nutrient_amounts-0-upper_limit_amount"] = "0"
    form["nutrient_amounts-0-source_form"] = "as L-methylfolate"
    assert form.submit().status_code == 302
    assert NutrientAmount.objects.get(product=product).upper_limit_amount == 0


def test_the_admin_refuses_a_missing_share(client, staff):
    client.force_login(staff)
    row = NutrientAmount.objects.get(product__upc="RLV-VITA-900")
    response = client.post(
        f"/admin/catalogue/nutrientamount/{row.pk}/change/",
        {
            "product": row.product_id,
            "nutrient": row.nutrient_id,
            "amount": "900",
            "source_form": "as beta-carotene",
            "upper_limit_amount": "",
        },
    )
    assert response.status_code == 200
    assert "record how many mcg preformed vitamin A one serving gives" in response.content.decode()
    row.refresh_from_db()
    assert row.upper_limit_amount == 900
