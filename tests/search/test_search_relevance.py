"""The relevance set (``relevance_set.py``) over the seeded content: how often the item a
reader means is among the first three results (success@3), its mean reciprocal rank, and
that no query in the set finds nothing. The figures are printed (``pytest -s``) so a change
to search can be compared before and after."""

import pytest

from search import engine
from search.indexing import rebuild
from tests.module_data import kept_for_the_module
from tests.seed.loading import load

from .relevance_set import QUERIES

pytestmark = pytest.mark.django_db

TARGET_SUCCESS_AT_3 = 0.9
PAGE = 20


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with kept_for_the_module(django_db_blocker):
        load()
        rebuild()
        yield


def rank_of(query, expected):
    """The 1-based rank of the first expected title on the first page, or None; and how
    many results the query found."""
    results = engine.run(query).results
    hits = results[0:PAGE]
    titles = [hit.title.replace("\x02", "").replace("\x03", "") for hit in hits]
    for position, title in enumerate(titles, 1):
        if title in expected:
            return position, results.count(), titles[:3]
    return None, results.count(), titles[:3]


def test_the_set_is_big_enough_and_names_real_items(seeded):
    from search.models import SearchDocument

    assert len(QUERIES) >= 60
    indexed = set(SearchDocument.objects.values_list("title", flat=True))
    unknown = {title for _, expected in QUERIES for title in expected} - indexed
    assert not unknown, f"the set names items the seed does not have: {unknown}"


def test_relevance(seeded, capsys):
    ranks, misses, empty = [], [], []
    for query, expected in QUERIES:
        rank, found, top = rank_of(query, expected)
        ranks.append(rank)
        if not found:
            empty.append(query)
        if rank is None or rank > 3:
            misses.append(f"  {query!r}: rank {rank}, first three {top}")
    success = sum(1 for r in ranks if r and r <= 3) / len(ranks)
    mrr = sum(1 / r for r in ranks if r) / len(ranks)
    with capsys.disabled():
        print(
            f"\nrelevance set: {len(ranks)} queries, success@3 {success:.3f}, MRR {mrr:.3f}, "
            f"{len(empty)} found nothing"
        )
        print("\n".join(misses))
    assert not empty, f"queries that found nothing: {empty}"
    assert success >= TARGET_SUCCESS_AT_3
