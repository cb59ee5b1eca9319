"""The cache: Redis in production (``REDIS_URL``), local memory by default, and never fatal.

A Redis that is down or slow makes the site do more work (every read is a miss, every write
is dropped) but never makes a page fail. After a failure the backend stops trying for a few
seconds, so an outage costs one short timeout per worker now and then, not one per request.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

# A cache answer slower than this is treated as no answer.
SOCKET_TIMEOUT_SECONDS = 0.25
# After a failure, skip Redis for this long before trying again.
RETRY_AFTER_SECONDS = 5.0


def cache_settings(redis_url):
    """The ``CACHES`` setting: Redis when ``redis_url`` is set, else this process's memory."""
    if redis_url:
        return {
            "default": {
                "BACKEND": "caching.backends.FailSafeRedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": "asean",
                "OPTIONS": {
                    "socket_connect_timeout": SOCKET_TIMEOUT_SECONDS,
                    "socket_timeout": SOCKET_TIMEOUT_SECONDS,
                },
            }
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "asean-portal",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }


def _fail_safe(method_name, default_factory):
    """Wrap a cache method: a Redis error logs, opens the circuit and returns the default."""
    original = getattr(RedisCache, method_name)

    def method(self, *args, **kwargs):
        if self._down_until and time.monotonic() < self._down_until:
            return default_factory(args, kwargs)
        try:
            result = original(self, *args, **kwargs)
        except self._redis_errors as error:
            self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
            logger.warning(
                "Cache unavailable (%s: %s); serving without it for %ss.",
                type(error).__name__,
                error,
                RETRY_AFTER_SECONDS,
            )
            return default_factory(args, kwargs)
        self._down_until = 0.0
        return result

    method.__name__ = method_name
    method.__doc__ = original.__doc__
    return method


def _get_default(args, kwargs):
    return kwargs.get("default", args[1] if len(args) > 1 else None)


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's client makes a new ``redis.Redis`` for every operation, and redis-py fills a
    table of some 170 response callbacks each time: a third of a cached page's cost. One
    client per connection pool (they are thread-safe) does the same work once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client


class FailSafeRedisCache(RedisCache):
    """Django's Redis backend whose every operation survives a Redis outage."""

    def __init__(self, server, params):
        super().__init__(server, params)
        import redis

        self._class = ReusingRedisCacheClient
        self._redis_errors = (redis.exceptions.RedisError, OSError)
        self._down_until = 0.0

    get = _fail_safe("get", _get_default)
    get_many = _fail_safe("get_many", lambda args, kwargs: {})
    has_key = _fail_safe("has_key", lambda args, kwargs: False)
    set = _fail_safe("set", lambda args, kwargs: None)
    set_many = _fail_safe("set_many", lambda args, kwargs: list(args[0]) if args else [])
    add = _fail_safe("add", lambda args, kwargs: False)
    touch = _fail_safe("touch", lambda args, kwargs: False)
    delete = _fail_safe("delete", lambda args, kwargs: False)
    delete_many = _fail_safe("delete_many", lambda args, kwargs: None)
    clear = _fail_safe("clear", lambda args, kwargs: None)

    def incr(self, key, delta=1, version=None):
        # Counters are not used for anything that must be right; an outage reads as "missing".
        try:
            return super().incr(key, delta, version)
        except self._redis_errors as error:
            raise ValueError(f"Cache unavailable: {error}") from error
