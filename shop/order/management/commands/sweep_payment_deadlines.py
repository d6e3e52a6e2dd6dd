from django.core.management.base import BaseCommand
from django.template.defaultfilters import pluralize

from shop.order.payments import sweep


class Command(BaseCommand):
    help = (
        "Email a payment reminder to each bank-transfer order halfway to its payment deadline "
        "and cancel, releasing the stock, each one still unpaid at the deadline. Safe to run "
        "at any time and from several places at once; run it every 10 minutes from cron when "
        "no Celery beat runs (beat runs shop.order.tasks.sweep_payment_deadlines)."
    )

    def handle(self, *args, **options):
        counts = sweep()
        if options["verbosity"] > 0:
            reminded, cancelled = counts["reminded"], counts["cancelled"]
            self.stdout.write(
                f"Payment deadlines: {reminded} payment reminder{pluralize(reminded)} sent, "
                f"{cancelled} unpaid order{pluralize(cancelled)} canceled."
            )
