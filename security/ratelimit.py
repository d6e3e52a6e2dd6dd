"""Fixed-window rate limits counted in the shared cache, for forms that send email or guess.

Contact Us, password reset and registration each allow a few uses per address and per email
address an hour. The counts live in the cache every app server shares (Redis in production), so
a limit holds across workers and machines. A limit is a safeguard, not the service: when the
cache cannot be reached the use is allowed and the outage logged, never answered with a 500.
"""

import hashlib
import logging

from django.core.cache import cache

logger = logging.getLogger("security.ratelimit")


class RateLimit:
    """At most `limit` uses per `window` seconds per key (an address, an email address...)."""

    def __init__(self, name, limit, window):
        self.name, self.limit, self.window = name, limit, window

    def cache_key(self, key):
        # Hashed: keys hold addresses and email addresses, and a cache key has to be short.
        digest = hashlib.sha256(str(key).strip().lower().encode()).hexdigest()[:32]
        return f"ratelimit:{self.name}:{digest}"

    def allow(self, key):
        """Count one use under `key`; False once that key has used up its limit."""
        cache_key = self.cache_key(key)
        try:
            cache.add(cache_key, 0, self.window)
            try:
                count = cache.incr(cache_key)
            except ValueError:  # expired between add and incr
                cache.set(cache_key, 1, self.window)
                count = 1
        except Exception:  # any cache failure: the limit steps aside rather than the page
            logger.warning("Rate limit %s not applied: the cache is unreachable", self.name)
            return True
        return count <= self.limit


def allow_all(*uses):
    """Count one use under every (RateLimit, key) pair; True only if none is over its limit.

    Every pair is counted, even after one refuses, so a refused request still uses up its
    address's and its email address's allowance alike.
    """
    allowed = [limit.allow(key) for limit, key in uses if key]
    return all(allowed)
