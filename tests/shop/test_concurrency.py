"""Nothing lost, nothing oversold: concurrent checkouts against real locks, in threads on
PostgreSQL and in two server processes on whichever database the tests run."""

import threading

import pytest
from django.db import connection
from django.test import Client
from oscar.core.loading import get_model

from tests.shop.checkout_steps import add_to_cart, checkout_to_preview
from tests.shop.live_servers import (
    Browser,
    gunicorn_servers,
    query,
    server_env,
    shared_database_url,
    shares_the_database,
)

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="threads need PostgreSQL's row locks; CI runs it with DATABASE_URL set (see .ci/run)",
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


@needs_postgresql
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


@needs_postgresql
@pytest.mark.parametrize("clicks", [2, 5])
def test_a_double_clicked_place_order_creates_one_order(committed_db, magnesium, clicks):
    """However the clicks interleave (the later ones may find the cart still open, frozen by
    the first, or already submitted), one order is placed and every click lands on it."""
    product = magnesium
    client = Client()
    add_to_cart(client, product)
    checkout_to_preview(client, guest_email="double@example.com")
    tabs = [client]
    for _ in range(clicks - 1):
        tab = Client()
        tab.cookies = client.cookies  # the same browser: same session, same basket
        tabs.append(tab)

    responses = post_at_once(tabs, "/checkout/preview/", {"action": "place_order"})

    assert [getattr(r, "status_code", r) for r in responses] == [302] * clicks
    assert {r["Location"] for r in responses} == {"/checkout/thank-you/"}
    assert Order.objects.count() == 1
    order = Order.objects.get()
    assert order.lines.get().quantity == 1
    assert order.basket.status == "Submitted"
    assert StockRecord.objects.get(product=product).num_allocated == 1
    thank_you = client.get("/checkout/thank-you/")
    assert order.number in thank_you.content.decode()


@pytest.fixture
def two_app_servers(tmp_path, settings):
    """Two server processes on one database, as `make serve` runs two gunicorn workers: on
    SQLite too, where the store has only the database's write lock to rely on."""
    database_url = shared_database_url(tmp_path)
    env = server_env(
        database_url, CACHE_DIR=str(tmp_path / "cache"), MEDIA_ROOT=str(settings.MEDIA_ROOT)
    )
    with open(tmp_path / "servers.log", "w") as log, gunicorn_servers(2, env, log) as servers:
        yield database_url, servers


def place_order_at_once(tabs, servers):
    """Each tab clicks Place order at the same moment, each on its own server."""
    barrier = threading.Barrier(len(tabs))
    responses = [None] * len(tabs)

    def click(index):
        barrier.wait()
        responses[index] = tabs[index].post(
            servers[index] + "/checkout/preview/", {"action": "place_order"}
        )

    threads = [threading.Thread(target=click, args=(i,)) for i in range(len(tabs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return responses


@shares_the_database
def test_a_double_click_served_by_two_processes_places_one_order_and_shows_it_twice(
    two_app_servers, magnesium
):
    """The two submissions of a double click, each served by its own process, several times:
    on SQLite the second used to fail with "database is locked" and put the placed order back
    in the cart, or land on an empty cart."""
    database_url, servers = two_app_servers
    product_pk = magnesium.pk
    for attempt in range(10):
        browser = Browser()
        browser.checkout_to_preview(servers[0], product_pk, guest_email=f"d{attempt}@example.com")
        tabs = [browser, browser.twin()]
        responses = place_order_at_once(tabs, servers)
        outcomes = [(status, headers.get("Location")) for status, headers, _ in responses]
        assert outcomes == [(302, "/checkout/thank-you/")] * 2, (attempt, outcomes)
        placed = query(
            database_url,
            "SELECT o.number, b.status FROM order_order o JOIN basket_basket b"
            " ON b.id = o.basket_id WHERE o.guest_email = %s",
            [f"d{attempt}@example.com"],
        )
        assert len(placed) == 1 and placed[0][1] == "Submitted", (attempt, placed)
        for server, tab in zip(servers, tabs, strict=True):
            status, _, page = tab.get(server + "/checkout/thank-you/")
            assert status == 200 and placed[0][0] in page
