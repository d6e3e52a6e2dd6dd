from django.apps import apps
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from content.views import ContactThanksView, ContactView
from shop.views import HomeView

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", HomeView.as_view(), name="home"),
    path("articles/", include("content.urls")),
    path("contact/", ContactView.as_view(), name="contact"),
    path("contact/thanks/", ContactThanksView.as_view(), name="contact-thanks"),
    path("", include(apps.get_app_config("oscar").urls[0])),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
