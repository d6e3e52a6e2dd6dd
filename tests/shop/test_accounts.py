import re

import pytest
from django.core import mail
from django.test import Client

pytestmark = pytest.mark.django_db


def test_register_by_email_link_sign_out_and_sign_in_with_email(client, django_user_model):
    response = client.post(
        "/accounts/login/",
        {"registration-email": "new@example.com", "registration_submit": "Register"},
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/register/sent/"
    assert not django_user_model.objects.filter(email="new@example.com").exists()

    link = re.search(r"https?://[^/\s]+(/accounts/register/confirm/\S+)", mail.outbox[0].body)
    page = client.get(link.group(1)).content.decode()
    assert "Choose your password" in page and "new@example.com" in page
    response = client.post(
        link.group(1), {"password1": "a-long-secret-9", "password2": "a-long-secret-9"}
    )
    assert response.status_code == 302
    assert django_user_model.objects.filter(email="new@example.com").exists()
    assert "Sign out" in client.get("/").content.decode()

    client.post("/accounts/logout/")
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

    # The link has done its work: followed again, it says the account exists (its inbox's
    # owner may know that) and changes nothing.
    again = client.get(link.group(1))
    assert again.status_code == 302


def test_a_registration_link_that_was_tampered_with_is_refused(client):
    client.post("/accounts/register/", {"email": "new@example.com"})
    path = re.search(r"(/accounts/register/confirm/\S+)/", mail.outbox[0].body).group(1)
    response = client.get(path[:-3] + "xyz/")
    assert response.status_code == 400 and "expired or is incomplete" in response.content.decode()


def test_a_registration_link_for_an_address_with_an_account_goes_to_sign_in(client, customer):
    client.post("/accounts/register/", {"email": "ann2@example.com"})
    path = re.search(r"(/accounts/register/confirm/\S+)", mail.outbox[0].body).group(1)
    customer.email = "ann2@example.com"
    customer.save()
    response = client.get(path, follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/login/"
    assert "You already have an account" in response.content.decode()


def test_sign_out_is_a_form_in_the_header_not_a_link(client, customer):
    client.force_login(customer)
    page = client.get("/").content.decode()
    assert 'href="/accounts/logout/"' not in page
    form = re.search(
        r'<form class="signout-form" method="post" action="/accounts/logout/">.*?</form>', page
    )
    assert form and 'name="csrfmiddlewaretoken"' in form.group(0)


def test_a_get_does_not_sign_out(client, customer):
    """Another site's <img src="/accounts/logout/"> used to sign the customer out."""
    client.force_login(customer)
    page = client.get("/accounts/logout/")
    assert page.status_code == 200 and 'method="post" action="/accounts/logout/"' in (
        page.content.decode()
    )
    assert "Sign out" in client.get("/").content.decode()  # still signed in


def test_sign_out_needs_the_csrf_token(customer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(customer)
    assert client.post("/accounts/logout/").status_code == 403
    assert "Sign out" in client.get("/").content.decode()
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', client.get("/").content.decode()
    )
    response = client.post("/accounts/logout/", {"csrfmiddlewaretoken": token.group(1)})
    assert response.status_code == 302
    assert "Hello Sign In" in client.get("/").content.decode()


def test_wrong_password_gets_a_clear_message(client, customer):
    response = client.post(
        "/accounts/login/",
        {"login-username": "ann@example.com", "login-password": "nope", "login_submit": "Log In"},
    )
    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()
    assert 'href="/password-reset/"' in response.content.decode()


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


def test_writing_a_review_asks_a_visitor_to_sign_in_first(client, iron):
    url = f"/catalogue/{iron.slug}_{iron.pk}/reviews/add/"
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
