from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from oscar.views.decorators import login_forbidden

from catalogue.views import SearchView
from content.views import ContactThanksView, ContactView
from shop import sitemaps
from shop.customer.views import PasswordResetConfirmView, PasswordResetView
from shop.views import HomeView, bench_bare, healthz

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots-txt"),
    path("favicon.ico", sitemaps.favicon),
    path("", HomeView.as_view(), name="home"),
    path("articles/", include("content.urls")),
    path("contact/", ContactView.as_view(), name="contact"),
    path("contact/thanks/", ContactThanksView.as_view(), name="contact-thanks"),
    path("search/", SearchView.as_view(), name="search"),  # before Oscar's Haystack search
    # Before Oscar's own: reset requests limited, and the reset link signs the customer in.
    path(
        "password-reset/",
        login_forbidden(PasswordResetView.as_view()),
        name="password-reset",
    ),
    path(
        "password-reset/confirm/<str:uidb64>/<str:token>/",
        login_forbidden(PasswordResetConfirmView.as_view()),
        name="password-reset-confirm",
    ),
    path("", include(apps.get_app_config("oscar").urls[0])),
]
if settings.BENCH_BARE_VIEW:
    urlpatterns.insert(0, path("bench/bare", bench_bare))
if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
