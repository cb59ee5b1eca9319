"""A word typed last is a prefix ("cooper" finds "cooperation"). On PostgreSQL the index
answers a prefix by gathering every document of every word it begins, so when the other
words find few documents the prefix is tested on those instead: the same matches, ranked
the same, either way."""

import pytest
from django.db import connection
from django.utils import timezone

from search.backends import Filters, get_backend
from search.query import parse
from tests.factories import FAQFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    InitiativeFactory(title="Disaster relief cooperation", body="Regional cooperation.")
    InitiativeFactory(title="Disaster relief", body="Cooperative centres for relief.")
    InitiativeFactory(title="Relief for disaster areas", body="Nothing about working together.")
    InitiativeFactory(title="Cooperation on trade", body="No emergencies here.")
    FAQFactory(question="Who coordinates disaster relief?", answer="Through cooperation.")


def found(backend, query, now):
    counts = backend.count_facets(query, Filters(), now)
    return counts, [hit.id for hit in backend.page(query, Filters(), now, 0, 20)]


@pytest.mark.parametrize("text", ["disaster relief cooperation", "relief coop"])
def test_a_prefix_among_rarer_words_is_tested_on_their_documents(corpus, text):
    if connection.vendor != "postgresql":
        pytest.skip("FTS5 answers a prefix from its own index")
    query, now = parse(text), timezone.now()
    assert query.clauses[-1].typed.prefix
    apart = get_backend()
    where, _ = apart.where_sql(query, Filters(), now)
    assert "ts_match_vq" in where  # the other words find at most a few documents
    in_the_index = get_backend()
    in_the_index.prefix_apart = lambda *args: None
    assert found(apart, query, now) == found(in_the_index, query, now)
    counts = found(apart, query, now)[0]
    assert (counts["type:initiative"], counts["type:faq"]) == (2, 1)


def test_a_prefix_with_common_words_stays_in_the_index(corpus, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("FTS5 answers a prefix from its own index")
    backend = get_backend()
    monkeypatch.setattr(type(backend), "estimate", lambda self, *args: 10_000)
    where, _ = backend.where_sql(parse("disaster relief cooperation"), Filters(), timezone.now())
    assert "ts_match_vq" not in where
