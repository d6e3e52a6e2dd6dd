"""What one request works out once: a memo that lives from `request_started` to
`request_finished`, and the store's small site-wide cached values read in one round trip.

A page asks for the same things many times (the notices on every product card, the product
classes on every cart line, the shipping methods on every checkout step); each ask was a cache
call. Within one request they are remembered here. Any model saved or deleted during the request
forgets them all, so a request that changes something reads it afresh, as the cache's own
invalidation (signal handlers deleting the keys) intends. Outside a request (tasks, commands,
tests calling a function directly) nothing is remembered.

`shared` values are the ones every page may need: the first one a request asks for fetches all
of them with one `get_many`; one missing from the cache is computed and stored on its own.
"""

from contextvars import ContextVar

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save

_memo = ContextVar("request_memo", default=None)
_SHARED = {}  # cache key -> function computing the value when the cache does not have it
_MISSING = object()  # asked the cache in this request's get_many, not there


def start(**kwargs):
    _memo.set({})


def finish(**kwargs):
    _memo.set(None)


def forget(**kwargs):
    if _memo.get() is not None:
        _memo.set({})


request_started.connect(start, dispatch_uid="shop.request_memo.start")
request_finished.connect(finish, dispatch_uid="shop.request_memo.finish")
for _signal in (post_save, post_delete, m2m_changed):
    _signal.connect(forget, dispatch_uid="shop.request_memo.forget")


def memoised(key, compute):
    """compute() once per request for `key` (every time outside a request)."""
    values = _memo.get()
    if values is None:
        return compute()
    if key not in values:
        values[key] = compute()
    return values[key]


def shared(key):
    """Decorator: a function computing a site-wide value kept in the cache under `key` with no
    timeout (its invalidation deletes the key) becomes a reader of it through the memo."""

    def decorate(compute):
        _SHARED[key] = compute

        def read():
            values = _memo.get()
            if values is None:
                return _cached(key, cache.get(key))
            if key not in values:
                wanted = [k for k in _SHARED if k not in values]
                found = cache.get_many(wanted)
                values.update({k: found.get(k, _MISSING) for k in wanted})
            if values[key] is _MISSING:
                values[key] = _cached(key, None)
            return values[key]

        read.__doc__ = compute.__doc__
        read.cache_key = key
        return read

    return decorate


def _cached(key, value):
    if value is None:
        value = _SHARED[key]()
        cache.set(key, value, timeout=None)
    return value
