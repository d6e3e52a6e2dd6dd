"""The payment deadline: a reminder halfway through the window, cancellation at its end."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from oscar.apps.order.exceptions import InvalidOrderStatus
from oscar.core.loading import get_model

from shop.order import payments
from shop.order.models import CANCELLED, PAID, PENDING_PAYMENT
from shop.order.processing import EventHandler
from shop.order.tasks import sweep_payment_deadlines
from tests.shop.test_order_emails import html_of, long_date, make_order, text_of_html

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    """Run the sweep at `now`, its emails sent as each order's change commits."""

    def run(now):
        with django_capture_on_commit_callbacks(execute=True):
            return payments.sweep(now)

    return run


def halfway(order):
    return order.date_placed + (order.payment_due_at - order.date_placed) / 2


def stock_of(order):
    return StockRecord.objects.get(pk=order.lines.get().stockrecord_id)


def test_an_order_is_given_its_deadline_when_placed_and_keeps_it(settings):
    order = make_order()
    assert order.status == PENDING_PAYMENT
    assert order.payment_due_at == order.date_placed + timedelta(days=7)

    settings.PAYMENT_DEADLINE_DAYS = 3
    later = make_order()
    assert later.payment_due_at == later.date_placed + timedelta(days=3)
    order.refresh_from_db()
    assert order.payment_due_at == order.date_placed + timedelta(days=7)  # what it was told


def test_no_reminder_before_halfway(sweep):
    order = make_order()
    assert sweep(halfway(order) - timedelta(minutes=1)) == {"reminded": 0, "cancelled": 0}
    assert mail.outbox == []


def test_the_reminder_goes_once_from_halfway(sweep):
    order = make_order()
    assert sweep(halfway(order)) == {"reminded": 1, "cancelled": 0}
    [email] = mail.outbox
    due = long_date(order.payment_due_at)
    assert email.to == ["guest@example.com"]
    assert email.subject == f"Reminder: please pay for order {order.number} by {due}"
    for body in (email.body, text_of_html(html_of(email))):
        assert f"Please pay $25.00 by {due}, quoting {order.number} as the payment reference" in (
            body
        )
        assert "Account number" in body and "000123456789" in body
    assert "Payment reference: " + order.number in email.body
    order.refresh_from_db()
    assert order.payment_reminder_sent_at == halfway(order)

    assert sweep(halfway(order) + timedelta(hours=1)) == {"reminded": 0, "cancelled": 0}
    assert len(mail.outbox) == 1


def test_two_sweeps_at_once_remind_once(sweep, monkeypatch):
    """A second worker reminds the order between this one's read and its claim."""
    order = make_order()
    now = halfway(order)
    due = payments.reminder_due
    other_worker_ran = []

    def reminder_due_then_another_worker_sweeps(*args):
        if not other_worker_ran:
            other_worker_ran.append("running")
            other_worker_ran[0] = payments.send_payment_reminders(now)
        return due(*args)

    monkeypatch.setattr(payments, "reminder_due", reminder_due_then_another_worker_sweeps)
    assert sweep(now) == {"reminded": 0, "cancelled": 0}
    assert other_worker_ran == [1]
    assert len(mail.outbox) == 1


def test_no_reminder_for_a_paid_order(sweep):
    order = make_order()
    EventHandler().handle_order_status_change(order, PAID)
    assert sweep(halfway(order)) == {"reminded": 0, "cancelled": 0}
    assert mail.outbox == []


def test_an_unpaid_order_is_canceled_at_its_deadline_and_its_stock_released(sweep):
    order = make_order()
    assert stock_of(order).num_allocated == 2
    before = order.payment_due_at - timedelta(seconds=1)
    assert sweep(before) == {"reminded": 1, "cancelled": 0}
    mail.outbox.clear()

    assert sweep(order.payment_due_at) == {"reminded": 0, "cancelled": 1}
    order.refresh_from_db()
    due = long_date(order.payment_due_at)
    assert order.status == CANCELLED
    assert order.cancellation_reason == f"We did not receive your bank transfer by {due}."
    assert stock_of(order).num_allocated == 0
    assert set(order.lines.values_list("status", flat=True)) == {CANCELLED}
    [note] = order.notes.all()
    assert "no bank transfer received by the payment deadline" in note.message

    [email] = mail.outbox
    assert email.subject == f"Your order {order.number} has been canceled"
    for body in (email.body, text_of_html(html_of(email))):
        assert f"We did not receive your bank transfer by {due}." in body
        assert "you owe nothing" in body

    assert sweep(order.payment_due_at + timedelta(days=1)) == {"reminded": 0, "cancelled": 0}
    assert len(mail.outbox) == 1


def test_a_second_worker_finds_the_order_already_canceled(sweep):
    order = make_order()
    assert payments.cancel_overdue_order(order.pk, order.payment_due_at) is True
    assert payments.cancel_overdue_order(order.pk, order.payment_due_at) is False
    assert Order.objects.get(pk=order.pk).notes.count() == 1


def test_a_paid_order_is_never_canceled(sweep):
    order = make_order()
    EventHandler().handle_order_status_change(order, PAID)
    assert sweep(order.payment_due_at + timedelta(days=30)) == {"reminded": 0, "cancelled": 0}
    order.refresh_from_db()
    assert order.status == PAID and order.cancellation_reason == ""
    assert stock_of(order).num_allocated == 2
    assert mail.outbox == []


def test_staff_marking_paid_an_order_the_sweep_just_canceled_is_refused(sweep):
    """Staff's page read the order before the sweep canceled it: the stale status is refused."""
    order = make_order()
    read_by_staff = Order.objects.get(pk=order.pk)
    sweep(order.payment_due_at)
    with pytest.raises(InvalidOrderStatus, match="is now Cancelled"):
        EventHandler().handle_order_status_change(read_by_staff, PAID)
    order.refresh_from_db()
    assert order.status == CANCELLED and stock_of(order).num_allocated == 0


def test_one_order_failing_does_not_stop_the_sweep(sweep, monkeypatch):
    first, second = make_order(), make_order()
    cancel = payments.cancel_overdue_order

    def fail_for_the_first(pk, now):
        if pk == first.pk:
            raise RuntimeError("this order is broken")
        return cancel(pk, now)

    monkeypatch.setattr(payments, "cancel_overdue_order", fail_for_the_first)
    assert sweep(second.payment_due_at)["cancelled"] == 1
    assert Order.objects.get(pk=second.pk).status == CANCELLED
    assert Order.objects.get(pk=first.pk).status == PENDING_PAYMENT


def test_the_celery_task_and_the_command_sweep(monkeypatch, django_capture_on_commit_callbacks):
    order = make_order()
    Order.objects.filter(pk=order.pk).update(
        date_placed=order.date_placed - timedelta(days=4),
        payment_due_at=order.payment_due_at - timedelta(days=4),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_payment_deadlines.apply().get() == {"reminded": 1, "cancelled": 0}
    assert len(mail.outbox) == 1

    Order.objects.filter(pk=order.pk).update(payment_due_at=order.date_placed)
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("sweep_payment_deadlines", stdout=out)
    assert out.getvalue() == (
        "Payment deadlines: 0 payment reminders sent, 1 unpaid order canceled.\n"
    )
    assert Order.objects.get(pk=order.pk).status == CANCELLED
    assert len(mail.outbox) == 2
