"""Django admin for content. Every save goes through the models' own checks
(compliance.publishing), so the list page's "published" tick box cannot unpublish an article
that public products link to, and a fixed wording cannot be edited here either."""

from django.contrib import admin

from .models import Article, ContactReply, Notice


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "position", "is_published", "last_reviewed")
    list_editable = ("position", "is_published")
    prepopulated_fields = {"slug": ("title",)}
    actions = None  # bulk actions update rows without the model's checks


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "kind", "regulation", "version", "updated_at")
    readonly_fields = ("version", "updated_at", "regulation")
    actions = None

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.regulation:
            return (*self.readonly_fields, "slug", "kind", "text")
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.regulation)


@admin.register(ContactReply)
class ContactReplyAdmin(admin.ModelAdmin):
    """A record of the replies staff emailed: read-only, since changing one here would not change
    the email the customer already has (replies are written in the dashboard)."""

    list_display = ("message", "sent_by", "created_at")
    list_select_related = ("message", "sent_by")
    readonly_fields = ("message", "body", "sent_by", "created_at")
    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
