from django.urls import path
from oscar.core.application import OscarDashboardConfig


class ContentDashboardConfig(OscarDashboardConfig):
    """The dashboard's Content section: articles, notices and Contact Us messages (staff only)."""

    label = "content_dashboard"
    name = "content.dashboard"
    verbose_name = "Content dashboard"
    default_permissions = ["is_staff"]

    def get_urls(self):
        from . import views

        urls = [
            path("articles/", views.ArticleListView.as_view(), name="article-list"),
            path("articles/create/", views.ArticleCreateView.as_view(), name="article-create"),
            path("articles/<int:pk>/", views.ArticleUpdateView.as_view(), name="article-update"),
            path(
                "articles/<int:pk>/move/<str:direction>/",
                views.ArticleMoveView.as_view(),
                name="article-move",
            ),
            path(
                "articles/<int:pk>/publish/",
                views.ArticlePublishView.as_view(),
                name="article-publish",
            ),
            path("notices/", views.NoticeListView.as_view(), name="notice-list"),
            path("notices/<int:pk>/", views.NoticeUpdateView.as_view(), name="notice-update"),
            path("messages/", views.ContactMessageListView.as_view(), name="contact-message-list"),
            path(
                "messages/<int:pk>/",
                views.ContactMessageDetailView.as_view(),
                name="contact-message-detail",
            ),
            path(
                "messages/<int:pk>/reply/",
                views.ContactReplyView.as_view(),
                name="contact-message-reply",
            ),
        ]
        return self.post_process_urls(urls)
