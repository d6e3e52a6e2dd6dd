"""The visitor's address, for rate limits (sign-in, Contact Us): one rule for the whole store."""

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR, or behind N trusted proxies the address the outermost proxy saw.

    Only the last N entries of X-Forwarded-For were written by our proxies; anything before
    them is whatever the client sent, so it is never trusted.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
