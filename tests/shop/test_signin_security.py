"""Sign-in, password reset, registration and checkout under attack (issue 11, first finding).

Each test tries one attack the way it was tried against the store: the limits must hold, a
customer must not be locked out by someone else, and no answer may tell whether an email
address has an account. Addresses are given per request (REMOTE_ADDR), as the proxy-less
store sees them.
"""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.core.cache import cache
from django.db.models import F
from django.test import Client

from shop.auth import SIGN_IN_FAILED, pause_after
from tests.shop.checkout_steps import add_to_cart

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-secret-9"
STAFF_PASSWORD = "rls-demo-staff"  # shop.settings.test
HOME, OFFICE = "198.51.100.7", "203.0.113.50"


def sign_in(client, email, password, address=HOME):
    return client.post(
        "/accounts/login/",
        {"login-username": email, "login-password": password, "login_submit": "Log In"},
        REMOTE_ADDR=address,
    )


def signed_in(response):
    return response.status_code == 302 and "/accounts/login/" not in response["Location"]


def refused_like_a_wrong_password(response):
    return response.status_code == 200 and SIGN_IN_FAILED in response.content.decode()


def later(minutes):
    """Move every recorded failure `minutes` into the past."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


def without_csrf(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


@pytest.fixture
def client():
    """A visitor at HOME unless a request says otherwise."""
    return Client(REMOTE_ADDR=HOME)


@pytest.fixture
def mallory(django_user_model):
    return django_user_model.objects.create_user(
        username="mallory", email="mallory@example.com", password=PASSWORD
    )


# Guessing one customer's password


def test_signing_into_your_own_account_between_guesses_resets_nothing(client, customer, mallory):
    """The attack as found: 9 guesses, a sign-in to one's own account, again, 45 guesses."""
    for _ in range(5):
        for _ in range(9):
            assert not signed_in(sign_in(client, customer.email, "guess"))
        assert signed_in(sign_in(client, mallory.email, PASSWORD))  # own account: still fine
        client.post("/accounts/logout/")
    # The victim's real password, tried now, no longer opens the account.
    assert refused_like_a_wrong_password(sign_in(client, customer.email, PASSWORD))


def test_failures_are_counted_under_the_email_typed(client, customer):
    sign_in(client, "Ann@Example.com ", "guess")
    assert list(AccessAttempt.objects.values_list("username", "ip_address")) == [
        ("ann@example.com", HOME)
    ]


def test_guesses_at_one_account_from_many_addresses_are_limited(client, customer):
    for n in range(10):
        sign_in(client, customer.email, "guess", address=f"192.0.2.{n + 1}")
    assert refused_like_a_wrong_password(sign_in(client, customer.email, PASSWORD, "192.0.2.99"))


def test_a_paused_account_gets_the_very_page_a_wrong_password_gets(client, customer):
    for _ in range(4):
        sign_in(client, customer.email, "guess")
    wrong = sign_in(client, customer.email, "guess")  # the fifth: the account pauses after it
    paused = sign_in(client, customer.email, PASSWORD)
    assert refused_like_a_wrong_password(wrong) and refused_like_a_wrong_password(paused)
    assert without_csrf(paused) == without_csrf(wrong)
    assert 'href="/password-reset/"' in paused.content.decode()  # the way out


def test_the_pause_is_short_grows_with_each_failure_and_is_never_a_hard_lock():
    minutes = [pause_after(n).total_seconds() / 60 for n in range(4, 12)]
    assert minutes == [0, 1, 2, 4, 8, 15, 15, 15]
    assert pause_after(10_000) == timedelta(minutes=15)


def test_after_the_pause_the_customer_signs_in(client, customer):
    for _ in range(6):
        sign_in(client, customer.email, "guess")
    assert not signed_in(sign_in(client, customer.email, PASSWORD))
    later(minutes=3)  # the sixth failure paused the account for 2 minutes
    assert signed_in(sign_in(client, customer.email, PASSWORD))


def test_a_refused_try_does_not_lengthen_the_pause(client, customer):
    for _ in range(5):
        sign_in(client, customer.email, "guess")
    for _ in range(20):
        sign_in(client, customer.email, "guess")  # all refused unchecked: none counts
    assert AccessAttempt.objects.get().failures_since_start == 5
    later(minutes=2)
    assert signed_in(sign_in(client, customer.email, PASSWORD))


def test_the_reset_link_is_the_way_out_and_signs_the_customer_in(client, customer):
    for n in range(8):
        sign_in(client, customer.email, "guess", address=f"192.0.2.{n + 1}")
    assert not signed_in(sign_in(client, customer.email, PASSWORD))

    client.post("/password-reset/", {"email": customer.email})
    link = re.search(r"https?://\S+(/password-reset/confirm/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]  # Django swaps the token for a session marker
    response = client.post(
        form_url, {"new_password1": "new-long-secret-7", "new_password2": "new-long-secret-7"}
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/"
    assert "Sign out" in client.get("/").content.decode()
    client.post("/accounts/logout/")
    # Strangers' failures elsewhere no longer pause it here: this address is now known.
    sign_in(client, customer.email, "guess", address="192.0.2.200")
    assert signed_in(sign_in(client, customer.email, "new-long-secret-7"))


# One address failing: other customers and staff are not locked out


def test_ten_failures_from_one_address_do_not_lock_out_others_there(client, customer, staff):
    """Behind a proxy with TRUSTED_PROXY_COUNT=0 every visitor shares one address."""
    for n in range(10):
        sign_in(client, f"nobody{n}@example.com", "guess", address=OFFICE)
    assert signed_in(sign_in(client, customer.email, PASSWORD, address=OFFICE))
    client.post("/accounts/logout/")
    assert signed_in(sign_in(client, staff.email, STAFF_PASSWORD, address=OFFICE))


def test_fifty_failures_pause_the_address_but_not_accounts_known_there(client, customer, staff):
    assert signed_in(sign_in(client, staff.email, STAFF_PASSWORD, address=OFFICE))
    client.post("/accounts/logout/")
    for n in range(50):
        sign_in(client, f"nobody{n}@example.com", "guess", address=OFFICE)

    paused = sign_in(client, customer.email, PASSWORD, address=OFFICE)
    assert paused.status_code == 429 and "Sign-in paused" in paused.content.decode()
    assert 'href="/password-reset/"' in paused.content.decode()
    assert signed_in(sign_in(client, customer.email, PASSWORD, address=HOME))
    client.post("/accounts/logout/")
    assert signed_in(sign_in(client, staff.email, STAFF_PASSWORD, address=OFFICE))


def test_strangers_elsewhere_cannot_pause_staff_at_their_usual_address(client, staff):
    assert signed_in(sign_in(client, staff.email, STAFF_PASSWORD, address=OFFICE))
    client.post("/accounts/logout/")
    for n in range(30):
        sign_in(client, staff.email, "guess", address=f"192.0.2.{n + 1}")
    assert not signed_in(sign_in(client, staff.email, STAFF_PASSWORD, address="192.0.2.77"))
    assert signed_in(sign_in(client, staff.email, STAFF_PASSWORD, address=OFFICE))


def test_a_success_clears_only_that_accounts_failures_from_that_address(client, customer, mallory):
    sign_in(client, customer.email, "guess", address=HOME)
    sign_in(client, customer.email, "guess", address=OFFICE)
    sign_in(client, mallory.email, "guess", address=HOME)
    assert signed_in(sign_in(client, customer.email, PASSWORD, address=HOME))
    left = set(AccessAttempt.objects.values_list("username", "ip_address"))
    assert left == {(customer.email, OFFICE), (mallory.email, HOME)}


# The same answer, and the same work, whether or not an email address has an account


def count_password_hashes(monkeypatch):
    calls = []
    encode = MD5PasswordHasher.encode  # shop.settings.test's hasher

    def counting(self, password, salt):
        calls.append(password)
        return encode(self, password, salt)

    monkeypatch.setattr(MD5PasswordHasher, "encode", counting)
    return calls


def test_an_unknown_email_costs_the_same_password_hashing_as_a_real_one(
    client, customer, monkeypatch
):
    hashes = count_password_hashes(monkeypatch)
    real = sign_in(client, customer.email, "guess")
    for_real = len(hashes)
    unknown = sign_in(client, "nobody@example.com", "guess")
    assert for_real >= 1 and len(hashes) - for_real == for_real
    assert refused_like_a_wrong_password(real) and refused_like_a_wrong_password(unknown)


def test_registration_answers_the_same_for_an_address_with_an_account(client, customer):
    def register(email):
        return client.post(
            "/accounts/login/",
            {"registration-email": email, "registration_submit": "Register"},
            REMOTE_ADDR=HOME,
        )

    taken, free = register(customer.email), register("new@example.com")
    assert taken.status_code == free.status_code == 302
    assert taken["Location"] == free["Location"] == "/accounts/register/sent/"
    page = client.get(taken["Location"]).content.decode()
    assert "Check your email" in page and "already exists" not in page

    to_customer, to_new = mail.outbox
    assert to_customer.to == [customer.email] and to_new.to == ["new@example.com"]
    assert "already have one" in to_customer.body and "/password-reset/confirm/" in to_customer.body
    assert "/accounts/register/confirm/" in to_new.body
    assert not customer._meta.model.objects.filter(email="new@example.com").exists()


def test_the_register_page_answers_the_same_too(client, customer):
    response = client.post("/accounts/register/", {"email": customer.email})
    assert response.status_code == 302 and response["Location"] == "/accounts/register/sent/"


def test_checkout_does_not_tell_whether_an_email_has_an_account(client, customer, iron):
    add_to_cart(client, iron)
    for email in (customer.email, "new@example.com"):
        new = client.post("/checkout/", {"username": email, "options": "new"})
        assert new.status_code == 302 and new["Location"].startswith("/accounts/register/")
    guest = client.post("/checkout/", {"username": customer.email, "options": "anonymous"})
    assert guest.status_code == 302 and guest["Location"] == "/checkout/shipping-address/"


def test_passwords_tried_at_checkout_count_as_sign_in_failures(client, customer, iron):
    add_to_cart(client, iron)
    for _ in range(6):
        response = client.post(
            "/checkout/",
            {"username": customer.email, "options": "existing", "password": "guess"},
            REMOTE_ADDR=HOME,
        )
        assert SIGN_IN_FAILED in response.content.decode()
    assert AccessAttempt.objects.get().failures_since_start == 5  # the sixth was refused
    right = client.post(
        "/checkout/",
        {"username": customer.email, "options": "existing", "password": PASSWORD},
        REMOTE_ADDR=HOME,
    )
    assert right.status_code == 200 and SIGN_IN_FAILED in right.content.decode()


def test_a_reset_request_sends_one_email_whether_or_not_the_address_has_an_account(
    client, customer
):
    """Django sent nothing to an unknown address: the request was an email's time faster."""
    known = client.post("/password-reset/", {"email": customer.email})
    unknown = client.post("/password-reset/", {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    to_customer, to_nobody = mail.outbox
    assert to_customer.subject == to_nobody.subject
    assert "/password-reset/confirm/" in to_customer.body
    assert "no account uses this address" in to_nobody.body
    assert "/accounts/register/" in to_nobody.body


# Emails a visitor can make the store send: limited per address and per email address


def test_password_reset_emails_to_one_address_are_limited(client, customer):
    for _ in range(3):
        assert client.post("/password-reset/", {"email": customer.email}).status_code == 302
    refused = client.post("/password-reset/", {"email": customer.email})
    assert refused.status_code == 200 and "already sent several emails" in refused.content.decode()
    assert len(mail.outbox) == 3


def test_the_reset_limit_is_the_same_for_an_unknown_email(client):
    for _ in range(3):
        assert client.post("/password-reset/", {"email": "nobody@example.com"}).status_code == 302
    refused = client.post("/password-reset/", {"email": "nobody@example.com"})
    assert refused.status_code == 200 and "already sent several emails" in refused.content.decode()


def test_reset_requests_from_one_address_are_limited(client):
    for n in range(20):
        client.post("/password-reset/", {"email": f"someone{n}@example.com"}, REMOTE_ADDR=OFFICE)
    refused = client.post("/password-reset/", {"email": "one-more@example.com"}, REMOTE_ADDR=OFFICE)
    assert refused.status_code == 200 and "already sent several emails" in refused.content.decode()
    other = client.post("/password-reset/", {"email": "one-more@example.com"}, REMOTE_ADDR=HOME)
    assert other.status_code == 302


def test_registrations_are_limited_per_address_and_per_email(client):
    for n in range(20):
        client.post("/accounts/register/", {"email": f"new{n}@example.com"}, REMOTE_ADDR=OFFICE)
    refused = client.post("/accounts/register/", {"email": "last@example.com"}, REMOTE_ADDR=OFFICE)
    assert refused.status_code == 200 and "already sent several emails" in refused.content.decode()
    assert len(mail.outbox) == 20

    for _ in range(3):
        client.post("/accounts/register/", {"email": "again@example.com"}, REMOTE_ADDR=HOME)
    refused = client.post("/accounts/register/", {"email": "again@example.com"}, REMOTE_ADDR=HOME)
    assert refused.status_code == 200 and "already sent several emails" in refused.content.decode()


def cache_down(monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(cache, "add", down)
    monkeypatch.setattr(cache, "incr", down)


def test_a_cache_outage_lets_emails_through_rather_than_failing(client, customer, monkeypatch):
    cache_down(monkeypatch)
    assert client.post("/password-reset/", {"email": customer.email}).status_code == 302
    assert client.post("/accounts/register/", {"email": "new@example.com"}).status_code == 302
    assert len(mail.outbox) == 2


def test_contact_us_shares_the_limiter_and_survives_a_cache_outage(client, monkeypatch):
    """Contact Us used to call the cache unguarded: a Redis outage made it a 500."""
    message = {
        "name": "Ann Lee",
        "email": "ann@example.com",
        "subject": "Where is my order?",
        "message": "I ordered magnesium last week and would like to know when it ships.",
        "website": "",
    }
    cache_down(monkeypatch)
    response = client.post("/contact/", message)
    assert response.status_code == 302 and response["Location"] == "/contact/thanks/"
