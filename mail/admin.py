from django.conf import settings
from django.contrib import admin
from django.utils import timezone

from .models import OutboundEmail


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    """Emails the mail server refused: waiting to retry, sent later, or given up on.

    The body is not shown: a password-reset email carries a link that signs its reader in.
    """

    list_display = [
        "created_at",
        "subject",
        "recipients",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
    ]
    list_filter = ["status"]
    search_fields = ["subject", "recipients"]
    date_hierarchy = "created_at"
    fields = [
        "subject",
        "recipients",
        "status",
        "attempts",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "last_error",
    ]
    readonly_fields = fields
    actions = ["retry_now"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Try the selected emails again at the next retry run")
    def retry_now(self, request, queryset):
        # One more try each: a failure gives up again rather than starting the backoff over.
        waiting = queryset.exclude(status=OutboundEmail.SENT)
        count = 0
        for email in waiting:
            email.status = OutboundEmail.QUEUED
            email.next_attempt_at = timezone.now()
            email.attempts = min(email.attempts, settings.EMAIL_RETRY_ATTEMPTS - 1)
            email.save(update_fields=["status", "next_attempt_at", "attempts"])
            count += 1
        self.message_user(request, f"{count} email(s) will be tried at the next retry run.")
