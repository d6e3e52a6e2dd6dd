"""The checkout, step by step through HTTP, as a customer's browser would walk it."""

from tests.conftest import US_ADDRESS


def add_to_cart(client, product, quantity=1):
    return client.post(f"/basket/add/{product.pk}/", {"quantity": quantity})


def checkout_to_preview(client, *, guest_email=None, method="standard", address=None):
    """Walk gateway → address → shipping method → payment; return the preview response."""
    if guest_email:
        response = client.post("/checkout/", {"username": guest_email, "options": "anonymous"})
        assert response.status_code == 302, response.content
    response = client.post("/checkout/shipping-address/", address or US_ADDRESS)
    assert response.status_code == 302, response.content.decode()[:3000]
    response = client.post("/checkout/shipping-method/", {"method_code": method})
    assert response.status_code == 302, response.content.decode()[:3000]
    response = client.get("/checkout/payment-details/")
    assert response.status_code == 200
    return client.get("/checkout/preview/")


def place_order(client):
    return client.post("/checkout/preview/", {"action": "place_order"})
