import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


def test_register_sign_out_and_sign_in_with_email(client, django_user_model):
    response = client.post(
        "/accounts/login/",
        {
            "registration-email": "new@example.com",
            "registration-password1": "a-long-secret-9",
            "registration-password2": "a-long-secret-9",
            "registration_submit": "Register",
        },
    )
    assert response.status_code == 302
    assert django_user_model.objects.filter(email="new@example.com").exists()
    assert "Your Account" in client.get("/").content.decode()

    client.get("/accounts/logout/")
    assert "Hello Sign In" in client.get("/").content.decode()

    response = client.post(
        "/accounts/login/",
        {
            "login-username": "new@example.com",
            "login-password": "a-long-secret-9",
            "login_submit": "Log In",
        },
    )
    assert response.status_code == 302
    assert "Sign out" in client.get("/").content.decode()


def test_wrong_password_gets_a_clear_message(client, customer):
    response = client.post(
        "/accounts/login/",
        {"login-username": "ann@example.com", "login-password": "nope", "login_submit": "Log In"},
    )
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()


def test_password_reset_sends_an_email(client, customer):
    response = client.post("/password-reset/", {"email": "ann@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and "ann@example.com" in mail.outbox[0].to
    assert "/password-reset/confirm/" in mail.outbox[0].body


@pytest.mark.parametrize(
    "url", ["/accounts/", "/accounts/profile/", "/accounts/addresses/", "/accounts/orders/"]
)
def test_account_pages_for_a_customer(client, customer, url):
    client.force_login(customer)
    assert client.get(url, follow=True).status_code == 200


def test_account_pages_ask_a_visitor_to_sign_in(client):
    response = client.get("/accounts/profile/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_address_book_rejects_an_incomplete_address_and_keeps_input(client, customer):
    client.force_login(customer)
    response = client.post(
        "/accounts/addresses/add/",
        {
            "first_name": "Ann",
            "last_name": "Lee",
            "line1": "",
            "country": "US",
            "postcode": "x" * 200,
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "This field is required" in body
    assert 'value="Ann"' in body


def test_account_forms_work_without_inline_scripts(client, customer):
    client.force_login(customer)
    page = client.get("/accounts/addresses/add/").content.decode()
    assert "onclick" not in page and 'href="/accounts/">cancel</a>' in page
    history = client.get("/accounts/orders/").content.decode()
    assert "tempusdominus-bootstrap-4.min.js" not in history  # it needs jQuery: not loaded here


def test_field_errors_are_linked_to_their_fields(client, customer):
    client.force_login(customer)
    page = client.post("/accounts/addresses/add/", {"first_name": ""}).content.decode()
    assert 'aria-describedby="id_last_name_error"' in page
    assert 'class="error-block" id="id_last_name_error"' in page


def test_reviews_are_not_offered(client, iron):
    url = f"/catalogue/{iron.slug}_{iron.pk}/reviews/add/"
    assert client.get(url).status_code == 404
