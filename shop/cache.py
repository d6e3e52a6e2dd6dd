"""Django's RedisCache, made to step aside when Redis cannot be reached.

The cache only ever saves work: pages, selector results, rate-limit counts. Sessions are kept in
the database with the cache in front (settings: SESSION_ENGINE), so with Redis down the store
renders every page uncached and keeps taking orders instead of answering 500. An unreachable
Redis is a miss on every read and a no-op on every write, logged once a minute per process.

After a failure the cache stays closed for a few seconds (`RETRY_AFTER`): a Redis that drops
packets would otherwise cost a connect timeout on every cache call of every request. Writes and
deletes lost during an outage leave older values behind in Redis (a session signed out, a price
changed): the keys are remembered and deleted as soon as Redis answers again, or the whole cache
is cleared when more keys were lost than are worth remembering.

/healthz calls `health_check()`, which does not step aside, so it still answers 503.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("shop.cache")

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)


class _Outage:
    """One Redis location's state in this process, shared by every thread's cache object."""

    RETRY_AFTER = 5.0  # seconds during which calls skip Redis after a failure
    LOG_EVERY = 60.0  # seconds between two log lines about the same outage
    MAX_LOST_KEYS = 10_000  # more than this and recovery clears the cache instead
    ALL = None  # what lost_keys() returns when too many were lost to remember

    def __init__(self):
        self.lock = threading.Lock()
        self.closed_until = 0.0
        self.logged_at = None
        self._lost = set()
        self._lost_too_many = False

    def skip(self):
        return time.monotonic() < self.closed_until

    def lose(self, keys):
        """Remember keys whose write or delete did not reach Redis."""
        if not keys:
            return
        with self.lock:
            if len(self._lost) + len(keys) > self.MAX_LOST_KEYS:
                self._lost_too_many = True
                self._lost.clear()
            elif not self._lost_too_many:
                self._lost.update(keys)

    def lost_keys(self):
        with self.lock:
            return self.ALL if self._lost_too_many else set(self._lost)

    def forgot(self, keys):
        with self.lock:
            if keys is self.ALL:
                self._lost_too_many = False
            else:
                self._lost -= keys

    def failed(self, location, error, keys):
        now = time.monotonic()
        self.lose(keys)
        with self.lock:
            self.closed_until = now + self.RETRY_AFTER
            log = self.logged_at is None or now - self.logged_at >= self.LOG_EVERY
            if log:
                self.logged_at = now
        if log:
            logger.warning(
                "Redis cache at %s unreachable (%s: %s): serving without the cache",
                location,
                type(error).__name__,
                error,
            )

    def recovered(self, location):
        if self.logged_at is None:
            return
        with self.lock:
            was_down, self.logged_at = self.logged_at is not None, None
        if was_down:
            logger.warning("Redis cache at %s answers again", location)


_outages = {}
_outages_lock = threading.Lock()


class ReusedClients(RedisCacheClient):
    """Django's client, keeping one redis.Redis per connection pool instead of building one for
    every cache call: building it (its table of reply handlers) took 0.3 ms, five times the round
    trip, on every page the cache serves. A redis.Redis is safe to share between threads."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class ResilientRedisCache(RedisCache):
    """RedisCache whose every operation returns the default or does nothing while Redis is down."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClients
        with _outages_lock:
            self._outage = _outages.setdefault(tuple(self._servers), _Outage())

    def _location(self):
        return ",".join(self._servers)

    def _call(self, fallback, method, *args, lost_keys=(), **kwargs):
        outage = self._outage
        if outage.skip():
            outage.lose(lost_keys)
            return fallback
        try:
            self._delete_lost_keys()
            result = method(*args, **kwargs)
        except OUTAGE_ERRORS as error:
            outage.failed(self._location(), error, lost_keys)
            return fallback
        outage.recovered(self._location())
        return result

    def _delete_lost_keys(self):
        """Before anything else once Redis is back: drop what went stale while it was away."""
        keys = self._outage.lost_keys()
        if keys is _Outage.ALL:
            self._cache.clear()
        elif keys:
            self._cache.delete_many(list(keys))  # already full keys (prefix, version)
        else:
            return
        self._outage.forgot(keys)

    def _keys(self, key, version):
        return (self.make_and_validate_key(key, version=version),)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(
            False, super().add, key, value, timeout, version, lost_keys=self._keys(key, version)
        )

    def get(self, key, default=None, version=None):
        return self._call(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call(
            None, super().set, key, value, timeout, version, lost_keys=self._keys(key, version)
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(False, super().delete, key, version, lost_keys=self._keys(key, version))

    def get_many(self, keys, version=None):
        return self._call({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        # Counted nowhere: behave as Django does for a key that is not there, which every caller
        # of incr() already handles.
        missing = object()
        result = self._call(missing, super().incr, key, delta, version)
        if result is missing:
            raise ValueError(f"Key '{key}' not found (the cache is unreachable)")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        keys = [self.make_and_validate_key(key, version=version) for key in data]
        return self._call(list(data), super().set_many, data, timeout, version, lost_keys=keys)

    def delete_many(self, keys, version=None):
        keys = list(keys)
        lost = [self.make_and_validate_key(key, version=version) for key in keys]
        self._call(None, super().delete_many, keys, version, lost_keys=lost)

    def clear(self):
        return self._call(False, super().clear)

    def health_check(self):
        """Write and read one value in Redis itself, raising whatever Redis raises."""
        super().set("healthz", "ok", 10)
        if super().get("healthz") != "ok":
            raise RuntimeError("value not kept")
