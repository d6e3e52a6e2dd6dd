"""Nothing lost, nothing oversold: concurrent checkouts against real row locks (PostgreSQL)."""

import threading

import pytest
from django.db import connection
from django.test import Client
from oscar.core.loading import get_model

from tests.shop.checkout_steps import add_to_cart, checkout_to_preview

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL's row locks; CI runs it with DATABASE_URL set (see .ci/run)",
)


def post_at_once(clients, path, data):
    """POST from every client at the same moment; returns their responses in order."""
    barrier = threading.Barrier(len(clients))
    responses = [None] * len(clients)

    def send(index, client):
        try:
            barrier.wait()
            responses[index] = client.post(path, data)
        except Exception as error:  # a crash is a result to assert on, not to hide
            responses[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(i, c)) for i, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return responses


def test_twenty_concurrent_checkouts_for_five_bottles_sell_exactly_five(committed_db):
    product = Product.objects.get(upc="RLV-MAG-120")
    StockRecord.objects.filter(product=product).update(num_in_stock=5, num_allocated=0)
    customers = []
    for n in range(20):
        client = Client()
        add_to_cart(client, product)
        checkout_to_preview(client, guest_email=f"buyer{n}@example.com")
        customers.append(client)

    responses = post_at_once(customers, "/checkout/preview/", {"action": "place_order"})

    assert not [r for r in responses if isinstance(r, Exception)], responses
    assert all(r.status_code in (200, 302) for r in responses), [r.status_code for r in responses]
    placed = [c for c, r in zip(customers, responses, strict=True) if r.status_code == 302]
    refused = [(c, r) for c, r in zip(customers, responses, strict=True) if r.status_code == 200]
    assert len(placed) == 5 and Order.objects.count() == 5
    stock = StockRecord.objects.get(product=product)
    assert (stock.num_in_stock, stock.num_allocated) == (5, 5)
    for client, response in refused:
        assert "we only have 0 of" in response.content.decode()
        assert client.get("/basket/").context["basket"].num_items == 1  # the cart is intact


def test_a_double_clicked_place_order_creates_one_order(committed_db):
    product = Product.objects.get(upc="RLV-MAG-120")
    client = Client()
    add_to_cart(client, product)
    checkout_to_preview(client, guest_email="double@example.com")
    twin = Client()
    twin.cookies = client.cookies  # the same browser: same session, same basket

    responses = post_at_once([client, twin], "/checkout/preview/", {"action": "place_order"})

    assert [getattr(r, "status_code", r) for r in responses] == [302, 302]
    assert {r["Location"] for r in responses} == {"/checkout/thank-you/"}
    assert Order.objects.count() == 1
    order = Order.objects.get()
    assert order.lines.get().quantity == 1
    assert order.basket.status == "Submitted"
    thank_you = client.get("/checkout/thank-you/")
    assert order.number in thank_you.content.decode()
