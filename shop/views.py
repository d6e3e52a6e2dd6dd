from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from catalogue import selectors


class HomeView(TemplateView):
    """The front page: what the store is, its categories and its range."""

    template_name = "shop/home.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["categories"] = selectors.menu_categories()
        ctx["products"] = selectors.product_cards()[:8]
        return ctx


def signin_locked_out(request, credentials, *args, **kwargs):
    """django-axes calls this once an account or address has failed to sign in too often."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "shop/signin_locked.html", {"minutes": minutes}, status=429)


@never_cache
def healthz(request):
    """200 when the database and the cache both answer, 503 (naming the failure) otherwise."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as error:  # any failure means "not healthy", whatever its type
        checks["database"] = f"error: {type(error).__name__}"
    try:
        cache.set("healthz", "ok", 10)
        checks["cache"] = "ok" if cache.get("healthz") == "ok" else "error: value not kept"
    except Exception as error:
        checks["cache"] = f"error: {type(error).__name__}"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503
    )


def bench_bare(request):
    """The benchmark's baseline: the same process and middleware, no template, no query."""
    return HttpResponse("ok", content_type="text/plain")
