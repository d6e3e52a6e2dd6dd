from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from catalogue import selectors
from shop.auth import ACCOUNT


class HomeView(TemplateView):
    """The front page: what the store is, its categories and its range."""

    template_name = "shop/home.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["categories"] = selectors.menu_categories()
        ctx["products"] = selectors.product_cards()[:8]
        return ctx


def signin_locked_out(request, original_response=None, credentials=None):
    """django-axes calls this when shop.auth refuses a sign-in before checking the password.

    A paused account gets the page a wrong password gets (the form's message names the way out,
    a reset link by email), so the pause tells a guesser nothing, not even that it happened. An
    address that failed too often gets a page saying so, with a 429.
    """
    if getattr(request, "signin_limit", None) == ACCOUNT and original_response is not None:
        return original_response
    minutes = int(settings.SIGNIN_ADDRESS_WINDOW.total_seconds() // 60)
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
        # The Redis cache steps aside when Redis is down (shop/cache.py); its health_check()
        # does not, so a store that is serving uncached still reports the outage.
        if hasattr(cache, "health_check"):
            cache.health_check()
            checks["cache"] = "ok"
        else:
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
