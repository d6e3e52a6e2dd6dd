from django.core.management.base import BaseCommand

from mail.outbox import retry_due


class Command(BaseCommand):
    help = (
        "Send again the emails the mail server refused whose next attempt is due. "
        "Run it every minute or two (cron, or a Celery beat schedule)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=200, help="at most this many per run")

    def handle(self, *args, limit, **options):
        results = retry_due(limit=limit)
        if results or options["verbosity"] > 1:
            summary = ", ".join(f"{count} {status}" for status, count in sorted(results.items()))
            self.stdout.write(f"Outbound emails: {summary or 'none due'}")
