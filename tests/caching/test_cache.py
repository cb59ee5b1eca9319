"""The cache configuration: Redis from REDIS_URL, local memory by default, never fatal."""

import socket

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from caching.backends import FailSafeRedisCache, cache_settings
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

LIST = reverse("initiatives:list")
REDIS_URL = "redis://127.0.0.1:6379/7"  # this project's Redis database number in tests


def closed_port():
    """A local TCP port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_local_memory_by_default_and_redis_from_redis_url():
    assert cache_settings("")["default"]["BACKEND"].endswith("LocMemCache")
    redis = cache_settings(REDIS_URL)["default"]
    assert redis["BACKEND"] == "caching.backends.FailSafeRedisCache"
    assert redis["LOCATION"] == REDIS_URL


@pytest.fixture
def redis_down(settings):
    settings.CACHES = cache_settings(f"redis://127.0.0.1:{closed_port()}/7")
    settings.CONTENT_VERSION_IN_CACHE = True
    return settings


def test_a_redis_that_is_down_never_breaks_a_page(client, redis_down):
    initiative = InitiativeFactory(title="Still Served")
    for _ in range(2):
        response = client.get(LIST)
        assert response.status_code == 200
        assert "Still Served" in response.content.decode()

    # Every change is still seen at once: the version comes from the database.
    initiative.title = "Changed While Redis Was Down"
    initiative.save()
    assert "Changed While Redis Was Down" in client.get(LIST).content.decode()
    assert client.get(initiative.get_absolute_url()).status_code == 200


def test_the_backend_answers_like_an_empty_cache_while_down(redis_down):
    from django.core.cache import caches

    backend = caches["default"]
    assert isinstance(backend, FailSafeRedisCache)
    backend.set("k", "v")
    assert backend.get("k") is None
    assert backend.get("k", "fallback") == "fallback"
    assert backend.get_many(["k"]) == {}
    assert backend.add("k", "v") is False
    backend.delete("k")
    # After the first failure it stops trying for a while (no timeout per request).
    assert backend._down_until > 0


def redis_is_up():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_is_up(), reason="no Redis at 127.0.0.1:6379")
def test_pages_are_cached_in_redis_and_never_stale(
    settings, queries_for, django_capture_on_commit_callbacks
):
    settings.CACHES = cache_settings(REDIS_URL)
    settings.CONTENT_VERSION_IN_CACHE = True
    cache.clear()
    try:
        initiative = InitiativeFactory(title="In Redis")
        assert queries_for(LIST) > 0
        # Another process (a fresh client, so nothing in its memory): from Redis, no query.
        with CaptureQueriesContext(connection) as ctx:
            response = Client().get(LIST)
        assert "In Redis" in response.content.decode()
        assert len(ctx.captured_queries) == 0

        with django_capture_on_commit_callbacks(execute=True):
            initiative.title = "Renamed In Redis"
            initiative.save()
        assert "Renamed In Redis" in Client().get(LIST).content.decode()
    finally:
        cache.clear()
