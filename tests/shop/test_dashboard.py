import pytest
from oscar.core.loading import get_model

from tests.shop.checkout_steps import add_to_cart, checkout_to_preview, place_order

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def test_dashboard_refuses_visitors_and_customers(client, customer):
    response = client.get("/dashboard/")
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(customer)
    assert client.get("/dashboard/").status_code in (302, 403)
    assert client.get("/dashboard/catalogue/").status_code in (302, 403)


@pytest.mark.parametrize("url", ["/dashboard/", "/dashboard/catalogue/", "/dashboard/orders/"])
def test_staff_reach_the_dashboard(client, staff, url):
    client.force_login(staff)
    assert client.get(url).status_code == 200


def test_staff_mark_an_order_paid_then_shipped_and_stock_follows(client, staff, iron):
    add_to_cart(client, iron, 2)
    checkout_to_preview(client, guest_email="guest@example.com")
    place_order(client)
    order = Order.objects.get()
    before = StockRecord.objects.get(product=iron).num_in_stock

    client.force_login(staff)
    url = f"/dashboard/orders/{order.number}/"
    client.post(url, {"order_action": "change_order_status", "new_status": "Paid"})
    order.refresh_from_db()
    assert order.status == "Paid"

    client.post(url, {"order_action": "change_order_status", "new_status": "Shipped"})
    order.refresh_from_db()
    assert order.status == "Paid"  # no carrier and tracking number: refused, stock untouched
    assert StockRecord.objects.get(product=iron).num_in_stock == before

    client.post(
        url,
        {
            "order_action": "change_order_status",
            "new_status": "Shipped",
            "carrier": "usps",
            "tracking_number": "9400100000000000000000",
        },
    )
    order.refresh_from_db()
    stock = StockRecord.objects.get(product=iron)
    assert order.status == "Shipped"
    assert (stock.num_in_stock, stock.num_allocated) == (before - 2, 0)


def test_cancelling_an_order_releases_its_stock(client, staff, iron):
    add_to_cart(client, iron, 2)
    checkout_to_preview(client, guest_email="guest@example.com")
    place_order(client)
    order = Order.objects.get()
    assert StockRecord.objects.get(product=iron).num_allocated == 2

    client.force_login(staff)
    client.post(
        f"/dashboard/orders/{order.number}/",
        {"order_action": "change_order_status", "new_status": "Cancelled"},
    )
    order.refresh_from_db()
    assert order.status == "Cancelled"
    assert StockRecord.objects.get(product=iron).num_allocated == 0
