"""PostgreSQL's broad-query path: past ``EXACT_LIMIT`` estimated matches, counts come from
the id-bucket sample (and say "about"), and ranking goes block by block; paging still shows
every match exactly once. The limits are lowered here so a small corpus takes that path."""

import pytest
from django.db import connection

from asean_portal.search.backends import postgresql
from tests.factories import InitiativeFactory, TopicFactory

from .search_helpers import facet, search, titles, total

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the broad-query path is PostgreSQL's"
    ),
]


@pytest.fixture
def broad(monkeypatch):
    """Every query with words is broad; the sample is every bucket (so the estimate is
    exact, and checkable); blocks are a few buckets wide (so paging crosses them)."""
    monkeypatch.setattr(postgresql, "EXACT_LIMIT", 0)
    monkeypatch.setattr(postgresql, "SAMPLE_ROWS", 10**9)
    monkeypatch.setattr(postgresql, "BLOCK_ROWS", 1)
    topic = TopicFactory(name="Customs", slug="customs")
    plans = [InitiativeFactory(title=f"Trade plan {n}", topics=[topic]) for n in range(45)]
    InitiativeFactory(title="Fisheries", body="Nothing about commerce.")
    return plans


def test_broad_counts_are_marked_as_estimates(client, broad):
    response = search(client, q="trade")
    assert response.context["search"].results.estimated
    assert total(response) == 45
    assert facet(response, "topic") == {"Customs": 45}
    assert "About 45 results" in response.content.decode()


def test_paging_a_broad_query_shows_every_match_once(client, broad):
    seen = []
    for page in (1, 2, 3):
        response = search(client, q="trade", page=page)
        seen += titles(response)
    assert sorted(seen) == sorted(p.title for p in broad)
    assert all("<mark>" in str(hit.title_html) for hit in response.context["hits"])


def test_title_matches_come_first_within_a_block(client, broad, monkeypatch):
    monkeypatch.setattr(postgresql, "BLOCK_ROWS", 10**9)  # one block: exact ranking
    InitiativeFactory(title="Plan", body="A trade plan mentioned only in the body.")
    found = titles(search(client, q="trade"))
    assert len(found) == 20 and "Plan" not in found


def test_rounding_keeps_two_significant_figures():
    assert [postgresql.rounded(n) for n in (7, 99, 123, 4567, 63110)] == [7, 99, 120, 4600, 63000]


def test_an_exact_count_is_not_called_an_estimate(client, broad, monkeypatch):
    monkeypatch.setattr(postgresql, "EXACT_LIMIT", 2_000)
    response = search(client, q="trade")
    assert not response.context["search"].results.estimated
    assert "About 45" not in response.content.decode()
    assert "45 results" in response.content.decode()


def test_a_page_past_an_overestimate_says_the_results_ended(client, broad, monkeypatch):
    """Page numbers come from the estimate; a page past the real last result says so and
    keeps the pagination, rather than "Nothing found"."""
    monkeypatch.setattr(postgresql, "rounded", lambda n: n + 40)  # 45 matches, "About 85"
    html = search(client, q="trade", page=5).content.decode()
    assert "About 85 results" in html
    assert "The results end before this page" in html
    assert "Nothing found" not in html
    assert 'href="?q=trade&amp;page=4"' in html or "page=4" in html
