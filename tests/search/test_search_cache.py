"""Repeated searches are answered from the cache, which is never older than the index or
the publication schedule."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from publishing.content import State
from tests.factories import InitiativeFactory

from .search_helpers import search, titles

pytestmark = pytest.mark.django_db


def queries_for(client, **params):
    with CaptureQueriesContext(connection) as ctx:
        search(client, **params)
    return [q["sql"] for q in ctx.captured_queries]


def test_a_repeated_search_is_answered_from_the_cache(client):
    for n in range(3):
        InitiativeFactory(title=f"Rice Trade {n}")
    first = queries_for(client, q="rice")
    again = queries_for(client, q="rice")
    assert len(again) < len(first)
    assert not any("searchdocument" in sql.lower() for sql in again)


def test_any_change_to_the_index_retires_every_cached_answer(client):
    rice = InitiativeFactory(title="Rice Trade")
    assert titles(search(client, q="rice")) == ["Rice Trade"]
    rice.state = State.DRAFT
    rice.save()
    assert titles(search(client, q="rice")) == []
    InitiativeFactory(title="Rice Terraces")
    assert titles(search(client, q="rice")) == ["Rice Terraces"]


def test_a_publish_time_passing_retires_cached_answers(client):
    now = timezone.now()
    InitiativeFactory(title="Rice Exchange", publish_at=now + datetime.timedelta(hours=1))
    InitiativeFactory(title="Rice Market", unpublish_at=now + datetime.timedelta(hours=2))
    assert titles(search(client, q="rice")) == ["Rice Market"]
    with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(hours=1)):
        assert titles(search(client, q="rice")) == ["Rice Exchange", "Rice Market"]
    with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(hours=3)):
        assert titles(search(client, q="rice")) == ["Rice Exchange"]


def test_the_cache_can_be_turned_off(client, settings):
    settings.SEARCH_CACHE_SECONDS = 0
    settings.PAGE_CACHE_ENABLED = False  # measure the search itself, not the page cache
    InitiativeFactory(title="Rice Trade")
    queries_for(client, q="rice")  # the glossary and synonyms are read once per content token
    assert len(queries_for(client, q="rice")) == len(queries_for(client, q="rice"))
