"""Oscar's dashboard, forked to add the Content section (content.dashboard) at content/."""

from django.apps import apps as django_apps
from django.urls import include, path
from oscar.apps.dashboard import apps


class DashboardConfig(apps.DashboardConfig):
    name = "shop.dashboard"

    def ready(self):
        super().ready()
        self.content_app = django_apps.get_app_config("content_dashboard")

    def get_urls(self):
        return super().get_urls() + [path("content/", include(self.content_app.urls[0]))]
