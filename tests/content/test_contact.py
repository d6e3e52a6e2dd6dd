"""Contact Us: validated, stored, emailed to staff, spam-guarded, never lost."""

import pytest
from django.core import mail

from content.models import ContactMessage

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Ann Lee",
    "email": "ann@example.com",
    "subject": "Where is my order?",
    "message": "I ordered magnesium last week and would like to know when it ships.",
    "website": "",
}


def test_contact_page_shows_the_form_with_its_editable_intro(client):
    page = client.get("/contact/").content.decode()
    assert "Use the form below" in page  # the /contact/ page staff edit in the dashboard
    for field in ("name", "email", "subject", "message"):
        assert f'name="{field}"' in page
    assert 'autocomplete="email"' in page


def test_a_message_is_stored_and_emailed_to_staff(client, settings):
    response = client.post("/contact/", GOOD)
    assert response.status_code == 302 and response["Location"] == "/contact/thanks/"
    message = ContactMessage.objects.get()
    assert (message.email, message.email_sent, message.is_handled) == (
        "ann@example.com",
        True,
        False,
    )
    [email] = mail.outbox
    assert email.to == [settings.STAFF_EMAIL] and email.reply_to == ["ann@example.com"]
    assert "Where is my order?" in email.subject and "magnesium last week" in email.body
    assert "Thank you" in client.get("/contact/thanks/").content.decode()


def test_a_message_is_kept_when_the_email_fails(client, settings):
    settings.EMAIL_BACKEND = "tests.shop.failing_email.FailingBackend"
    response = client.post("/contact/", GOOD)
    assert response.status_code == 302
    assert ContactMessage.objects.get().email_sent is False


@pytest.mark.parametrize(
    "change, error",
    [
        ({"email": "not-an-email"}, "Enter a valid email address."),
        ({"name": ""}, "This field is required."),
        ({"message": "hi"}, "at least 10 characters"),
        ({"message": "x" * 5001}, "under 5,000 characters"),
    ],
)
def test_bad_input_is_explained_and_the_text_kept(client, change, error):
    response = client.post("/contact/", {**GOOD, **change})
    page = response.content.decode()
    assert response.status_code == 200 and error in page
    assert GOOD["subject"] in page  # nothing typed is lost
    assert not ContactMessage.objects.exists()


def test_a_subject_cannot_inject_email_headers(client):
    client.post("/contact/", {**GOOD, "subject": "Hello\r\nBcc: victim@example.com"})
    assert ContactMessage.objects.get().subject == "Hello Bcc: victim@example.com"
    assert mail.outbox[0].bcc == []


def test_the_honeypot_drops_bots_silently(client):
    response = client.post("/contact/", {**GOOD, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not ContactMessage.objects.exists() and not mail.outbox


def test_more_than_five_messages_an_hour_from_one_address_are_refused(client):
    for _ in range(5):
        assert client.post("/contact/", GOOD).status_code == 302
    response = client.post("/contact/", GOOD)
    assert response.status_code == 200
    assert "try again later" in response.content.decode()
    assert GOOD["message"] in response.content.decode()
    assert ContactMessage.objects.count() == 5
    other = client.post("/contact/", GOOD, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_staff_read_and_mark_messages_handled(client, staff):
    client.post("/contact/", {**GOOD, "message": "<script>alert(1)</script> please help"})
    message = ContactMessage.objects.get()
    client.force_login(staff)

    listing = client.get("/dashboard/content/messages/").content.decode()
    assert "Where is my order?" in listing and "Open (1)" in listing
    detail = client.get(f"/dashboard/content/messages/{message.pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in detail and "<script>alert(1)" not in detail

    client.post(f"/dashboard/content/messages/{message.pk}/", {"action": "handle"})
    message.refresh_from_db()
    assert message.is_handled and message.handled_by == staff
    assert "Open (0)" in client.get("/dashboard/content/messages/").content.decode()
    assert (
        "Where is my order?"
        in client.get("/dashboard/content/messages/?status=handled").content.decode()
    )


def test_customers_cannot_read_contact_messages(client, customer):
    client.force_login(customer)
    assert client.get("/dashboard/content/messages/").status_code in (302, 403)
