from django.contrib import admin

from .models import Article, Notice


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "position", "is_published", "last_reviewed")
    list_editable = ("position", "is_published")
    prepopulated_fields = {"slug": ("title",)}


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "kind", "version", "updated_at")
    readonly_fields = ("version", "updated_at")
