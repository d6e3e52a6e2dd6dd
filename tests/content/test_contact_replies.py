"""Staff reply to Contact Us messages from the dashboard; a message quoting an order links to it."""

from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from content.contact import order_numbers_in
from content.models import ContactMessage, ContactReply
from mail.models import OutboundEmail

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db

LIST_URL = "/dashboard/content/messages/"


def make_message(**overrides):
    return ContactMessage.objects.create(
        **{
            "name": "Ann Lee",
            "email": "ann@example.com",
            "subject": "Where is my order?",
            "message": "I ordered magnesium last week and would like to know when it ships.",
            **overrides,
        }
    )


def make_order(number, email="buyer@example.com", total="24.50"):
    return Order.objects.create(
        number=number,
        currency="USD",
        total_incl_tax=Decimal(total),
        total_excl_tax=Decimal(total),
        guest_email=email,
        status="Pending payment",
    )


def detail_url(message):
    return f"/dashboard/content/messages/{message.pk}/"


def reply_url(message):
    return f"/dashboard/content/messages/{message.pk}/reply/"


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


# Replies


def test_a_reply_is_saved_and_emailed_to_the_customer_once_committed(
    staff_client, staff, settings, django_capture_on_commit_callbacks
):
    message = make_message()
    body = "Hi Ann,\n\nYour magnesium shipped this morning.\n\nSam"
    with django_capture_on_commit_callbacks() as callbacks:
        response = staff_client.post(reply_url(message), {"body": body})
        assert mail.outbox == []  # nothing leaves before the commit
    assert response.status_code == 302 and response["Location"] == detail_url(message)
    for callback in callbacks:
        callback()

    reply = ContactReply.objects.get()
    assert (reply.message, reply.body, reply.sent_by) == (message, body, staff)
    message.refresh_from_db()
    assert message.is_handled and message.handled_by == staff

    [email] = mail.outbox
    assert email.to == ["ann@example.com"]
    assert email.subject == "Re: Where is my order?"
    assert email.reply_to == [settings.STAFF_EMAIL]
    assert email.from_email == settings.DEFAULT_FROM_EMAIL
    assert email.body.startswith(body)
    assert "Ann Lee wrote:\n> I ordered magnesium last week" in email.body
    assert email.body.index(body) < email.body.index("> I ordered")
    assert f"-- \n{settings.OSCAR_SHOP_NAME}\n{settings.STORE_URL}/contact/" in email.body

    page = staff_client.get(detail_url(message)).content.decode()
    assert "Reply emailed to ann@example.com" in page
    assert "Your magnesium shipped this morning." in page
    assert "Sam &lt;staff@example.com&gt;" in page and "replied" in page


def test_replies_are_listed_in_order_under_the_message(
    staff_client, django_capture_on_commit_callbacks
):
    message = make_message(subject="Re: shipping")
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reply_url(message), {"body": "First answer."})
        staff_client.post(reply_url(message), {"body": "Second answer."})
    page = staff_client.get(detail_url(message)).content.decode()
    assert page.index("First answer.") < page.index("Second answer.")
    assert [email.subject for email in mail.outbox] == ["Re: shipping", "Re: shipping"]


def test_a_long_message_is_quoted_short(staff_client, django_capture_on_commit_callbacks):
    message = make_message(message="Please help. " + "x" * 3000 + " THE END")
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reply_url(message), {"body": "We are on it."})
    [email] = mail.outbox
    assert "> Please help." in email.body and "THE END" not in email.body
    assert len(email.body) < 1000


def test_a_double_clicked_reply_is_sent_once(staff_client, django_capture_on_commit_callbacks):
    message = make_message()
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reply_url(message), {"body": "On its way."})
        response = staff_client.post(reply_url(message), {"body": "On its way."}, follow=True)
    assert ContactReply.objects.count() == 1 and len(mail.outbox) == 1
    assert "already sent" in response.content.decode()


def test_a_reply_is_kept_when_the_mail_server_is_down(
    staff_client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "mail.backends.OutboxBackend"
    settings.EMAIL_DELIVERY_BACKEND = "tests.shop.failing_email.FailingBackend"
    message = make_message()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reply_url(message), {"body": "Shipped today."})
    assert response.status_code == 302
    assert ContactReply.objects.get().body == "Shipped today."
    kept = OutboundEmail.objects.get()
    assert kept.recipients == "ann@example.com" and kept.status == OutboundEmail.QUEUED
    assert kept.subject == "Re: Where is my order?"


@pytest.mark.parametrize(
    "body, error",
    [
        ("", "Please write your reply before sending it."),
        ("   \r\n  ", "Please write your reply before sending it."),
        ("Too long. " + "x" * 5000, "under 5,000 characters (it has 5,010)"),
    ],
)
def test_a_bad_reply_is_explained_and_nothing_is_saved_or_sent(
    staff_client, body, error, django_capture_on_commit_callbacks
):
    message = make_message()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reply_url(message), {"body": body})
    page = response.content.decode()
    assert response.status_code == 200
    assert error in page and "The reply was not sent" in page
    assert body.strip() in page  # what was typed is not lost
    assert 'aria-invalid="true"' in page
    assert not ContactReply.objects.exists() and mail.outbox == []
    message.refresh_from_db()
    assert not message.is_handled


def test_line_breaks_count_once_towards_the_length(staff_client):
    message = make_message()
    body = "line\r\n" * 800  # 4,800 characters as typed, 5,600 as sent by a browser
    response = staff_client.post(reply_url(message), {"body": body})
    assert response.status_code == 302
    assert ContactReply.objects.get().body == ("line\n" * 800).strip()


def test_customers_and_visitors_cannot_reply(client, customer, django_capture_on_commit_callbacks):
    message = make_message()
    with django_capture_on_commit_callbacks(execute=True):
        visitor = client.post(reply_url(message), {"body": "Hello"})
        client.force_login(customer)
        signed_in = client.post(reply_url(message), {"body": "Hello"})
    assert visitor.status_code == 302 and "login" in visitor["Location"]
    assert signed_in.status_code in (302, 403)
    assert not ContactReply.objects.exists() and mail.outbox == []
    message.refresh_from_db()
    assert not message.is_handled


def test_replying_is_post_only_and_to_an_existing_message(staff_client):
    message = make_message()
    assert staff_client.get(reply_url(message)).status_code == 405
    assert (
        staff_client.post("/dashboard/content/messages/999999/reply/", {"body": "Hi"}).status_code
        == 404
    )


def test_the_reply_form_is_on_the_message_page(staff_client):
    page = staff_client.get(detail_url(make_message())).content.decode()
    assert 'name="body"' in page and "Send reply" in page and 'maxlength="5000"' in page
    assert "Emailed to ann@example.com" in page and "No replies yet." in page


# Orders quoted in messages


@pytest.mark.parametrize(
    "text, numbers",
    [
        ("order 100023", ["100023"]),
        ("Order #100023 never came", ["100023"]),
        ("(#100023), and 100024.", ["100023", "100024"]),
        ("100023 and again 100023", ["100023"]),
        ("call 1000231 or 2100023", ["1000231", "2100023"]),  # whole numbers only
        ("order100023 x100023 100023b", []),
        ("paid 100023.50 on card 4111-100023-1111 on 12/100023", []),
        ("2 bottles, zip 62701", []),
        ("١٠٠٠٢٣", []),  # Arabic-Indic digits are not order numbers
    ],
)
def test_order_numbers_are_whole_numbers(text, numbers):
    assert order_numbers_in(text) == numbers


def test_a_message_stuffed_with_numbers_looks_up_a_bounded_few():
    assert len(order_numbers_in(" ".join(str(n) for n in range(200000, 201000)))) == 10


def test_a_quoted_order_number_links_to_that_order(staff_client):
    make_order("100023", email="ann@example.com", total="31.90")
    message = make_message(
        subject="<i>Order</i> #100023",
        message="It is order 100023, not 999999 <script>alert(1)</script>",
    )
    order_url = reverse("dashboard:order-detail", kwargs={"number": "100023"})

    detail = staff_client.get(detail_url(message)).content.decode()
    assert f'<a href="{order_url}">Order #100023</a>' in detail
    assert "Pending payment" in detail and "ann@example.com" in detail and "$31.90" in detail
    assert "/dashboard/orders/999999/" not in detail  # a number with no order: no link
    assert "&lt;script&gt;" in detail and "<script>alert(1)" not in detail

    listing = staff_client.get(LIST_URL).content.decode()
    assert f'href="{order_url}">Order #100023</a>' in listing
    assert listing.count("Order #100023</a>") == 1
    assert "&lt;i&gt;Order&lt;/i&gt; #100023" in listing and "<i>Order</i>" not in listing


def test_a_number_with_no_order_is_not_linked(staff_client):
    message = make_message(message="My order number is 999999.")
    for page in (staff_client.get(detail_url(message)), staff_client.get(LIST_URL)):
        assert "/dashboard/orders/999999/" not in page.content.decode()
        assert "Order #999999" not in page.content.decode()


def test_digits_inside_longer_numbers_are_not_linked(staff_client):
    make_order("100023")
    message = make_message(message="Call me on 5551000231 or see 1-100023-7.")
    for page in (staff_client.get(detail_url(message)), staff_client.get(LIST_URL)):
        assert "Order #100023" not in page.content.decode()


def test_the_message_list_looks_orders_up_in_one_query(staff_client, django_assert_max_num_queries):
    make_order("100001")
    make_message(subject="About order 100001")
    staff_client.get(LIST_URL)  # warm up what is looked up once per process
    with CaptureQueriesContext(connection) as one_message:
        staff_client.get(LIST_URL)

    for index in range(2, 26):
        number = str(100000 + index)
        make_order(number)
        make_message(subject=f"About order {number}", message=f"Also #{number} and 999{index}")
    with django_assert_max_num_queries(len(one_message)) as page_of_messages:
        listing = staff_client.get(LIST_URL).content.decode()
    order_queries = [q for q in page_of_messages.captured_queries if '"order_order"' in q["sql"]]
    assert len(order_queries) == 1
    assert listing.count('">Order #1000') == 25
    assert len(one_message) <= 12
