"""The broad-query path, on both engines: past ``EXACT_LIMIT`` estimated matches, counts
come from the id-bucket sample (and say "about"), and ranking goes block by block; paging
still shows every match exactly once. The limits are lowered here so a small corpus takes
that path."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from search.backends import Filters, get_backend, sampling
from search.models import SearchTerm
from search.query import parse
from tests.factories import FAQFactory, InitiativeFactory, TopicFactory
from tests.module_data import kept_for_the_module

from .search_helpers import facet, search, titles, total

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def plans(django_db_setup, django_db_blocker):
    """45 trade plans and one that is not, made once for the module's tests."""
    with kept_for_the_module(django_db_blocker):
        topic = TopicFactory(name="Customs", slug="customs")
        plans = [InitiativeFactory(title=f"Trade plan {n}", topics=[topic]) for n in range(45)]
        InitiativeFactory(title="Fisheries", body="Nothing about commerce.")
        yield plans


@pytest.fixture
def broad(monkeypatch, plans):
    """Every query with words is broad; the sample is every bucket (so the estimate is
    exact, and checkable); blocks are a few buckets wide (so paging crosses them)."""
    monkeypatch.setattr(sampling, "EXACT_LIMIT", 0)
    monkeypatch.setattr(sampling, "SAMPLE_ROWS", 10**9)
    monkeypatch.setattr(sampling, "BLOCK_ROWS", 1)
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
    monkeypatch.setattr(sampling, "BLOCK_ROWS", 10**9)  # one block: exact ranking
    InitiativeFactory(title="Plan", body="A trade plan mentioned only in the body.")
    found = titles(search(client, q="trade"))
    assert len(found) == 20 and "Plan" not in found


def test_rounding_keeps_two_significant_figures():
    assert [sampling.rounded(n) for n in (7, 99, 123, 4567, 63110)] == [7, 99, 120, 4600, 63000]


def test_an_exact_count_is_not_called_an_estimate(client, broad, monkeypatch):
    monkeypatch.setattr(sampling, "EXACT_LIMIT", 2_000)
    response = search(client, q="trade")
    assert not response.context["search"].results.estimated
    assert "About 45" not in response.content.decode()
    assert "45 results" in response.content.decode()


def test_a_page_past_an_overestimate_says_the_results_ended(client, broad, monkeypatch):
    """Page numbers come from the estimate; a page past the real last result says so and
    keeps the pagination, rather than "Nothing found"."""
    # 45 matches: each type's count and then their sum are "rounded" up by 20: "About 85".
    monkeypatch.setattr(sampling, "rounded", lambda n: n + 20)
    html = search(client, q="trade", page=5).content.decode()
    assert "About 85 results" in html
    assert "The results end before this page" in html
    assert "Nothing found" not in html
    assert 'href="?q=trade&amp;page=4"' in html  # back to the last page with results


def test_a_broad_query_with_a_filter_is_estimated_from_the_filtered_sample(client, broad):
    InitiativeFactory.create_batch(5, title="Trade without a topic")
    response = search(client, q="trade", topic="customs")
    assert response.context["search"].results.estimated
    assert total(response) == 45
    assert len(titles(response)) == 20
    assert all(title.startswith("Trade plan") for title in titles(response))


@pytest.fixture
def overestimated(monkeypatch):
    """The engine's estimate is far too high, as a planner's can be."""
    monkeypatch.setattr(type(get_backend()), "estimate", lambda self, *args: 10**6)


def test_a_sample_that_finds_few_is_counted_exactly(client, broad, overestimated, monkeypatch):
    """Estimated at a million, the sample is one bucket of 64, which holds at most 8 of
    these consecutive ids: 512 at most, scaled up. Under the limit, so it is counted."""
    monkeypatch.setattr(sampling, "EXACT_LIMIT", 1_000)
    monkeypatch.setattr(sampling, "SAMPLE_ROWS", 800)
    response = search(client, q="trade")
    assert not response.context["search"].results.estimated
    assert total(response) == 45


def test_a_query_the_sample_shows_to_be_narrow_is_ranked_exactly(
    client, broad, overestimated, monkeypatch
):
    """Counted exactly after the sample, it is ranked exactly too, not block by block
    (blocks here are 2 buckets of 64 wide): the plans tie on rank, so page 1 is the first
    20 of all of them by title, and every request for a page decides alike."""
    monkeypatch.setattr(sampling, "EXACT_LIMIT", 1_000)
    monkeypatch.setattr(sampling, "SAMPLE_ROWS", 800)
    in_order = sorted(p.title for p in broad)
    assert titles(search(client, q="trade")) == in_order[:20]
    assert titles(search(client, q="trade", page=2)) == in_order[20:40]


def test_a_sample_too_small_to_go_by_is_taken_again(client, broad, overestimated, monkeypatch):
    """Over the limit from a handful of sampled matches: the sample is taken again, as
    large as the handful says it should be (here all 64 buckets), not scaled up 64 times."""
    monkeypatch.setattr(sampling, "EXACT_LIMIT", 30)
    monkeypatch.setattr(sampling, "SAMPLE_ROWS", 800)
    response = search(client, q="trade")
    assert total(response) == 45
    assert len(titles(response)) == 20


def test_too_small_a_sample_is_taken_again_larger():
    assert sampling.is_small_sample(matched=10, buckets=1)
    assert not sampling.is_small_sample(matched=10, buckets=sampling.BUCKETS)
    assert not sampling.is_small_sample(matched=sampling.SAMPLE_ROWS, buckets=1)


def test_an_estimated_total_is_rounded_and_grouped_in_thousands(client, broad, monkeypatch):
    """Each type's estimate is rounded, and so is their sum: "About 1,200", not 1,245."""
    monkeypatch.setattr(sampling, "rounded", lambda n: n * 27 if n < 100 else round(n, -2))
    FAQFactory(question="Is trade free?", answer="Mostly.")
    response = search(client, q="trade")
    assert facet(response, "type") == {"Initiatives": 1215, "FAQs": 27}
    html = response.content.decode()
    assert "About 1,200 results" in html
    assert "(1,215<span" in html


@pytest.mark.parametrize("limit", [2_000, 0], ids=["counted exactly", "sampled"])
def test_the_first_page_is_ranked_by_the_statement_that_counts(broad, monkeypatch, limit):
    """The matches are read once for the counts and page 1: its ids come with the counts,
    and they are the ids ranking the matches on their own gives (the plans by title, then
    a match only in the body)."""
    monkeypatch.setattr(sampling, "EXACT_LIMIT", limit)
    monkeypatch.setattr(sampling, "BLOCK_ROWS", 10**9)  # page 1's block: every bucket
    InitiativeFactory(title="Aaa", body="Trade, mentioned in the body only.")
    query, now = parse("trade"), timezone.now()
    counting = get_backend()
    counting.count_facets(query, Filters(), now, first_page=20)
    with CaptureQueriesContext(connection) as marking_up:
        page = counting.page(query, Filters(), now, 0, 20)
    alone = get_backend().page(query, Filters(), now, 0, 20)
    assert [hit.id for hit in page] == [hit.id for hit in alone]
    assert [hit.title for hit in page][:2] == ["\x02Trade\x03 plan 0", "\x02Trade\x03 plan 1"]
    assert len(marking_up.captured_queries) == 1
    assert get_backend().page(query, Filters(), now, 20, 20)  # page 2: ranked on its own


def test_a_sample_is_sized_from_the_rarest_word_when_the_planner_guesses_far_lower(broad):
    """PostgreSQL's planner guesses low for words that go together; the vocabulary's count
    of the rarest word then sizes the sample (not with a filter, which it cannot see).

    Asked of ``sample_estimate`` itself: which buckets the sample then reads depends on the
    rows' ids, and PostgreSQL's sequences are not rolled back between tests."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's estimate is FTS5's count of the matches")
    backend, query, now = get_backend(), parse("trade plan"), timezone.now()
    rarest = min(SearchTerm.objects.get(word=word).documents for word in ("trade", "plan"))
    assert rarest >= 45
    assert backend.sample_estimate(query, Filters(), now, 12) == rarest  # far lower: replaced
    assert backend.sample_estimate(query, Filters(kind="initiative"), now, 12) == 12
    near = rarest // 2 + 1  # not even half as low: the planner's guess stands
    assert backend.sample_estimate(query, Filters(), now, near) == near
    assert sampling.buckets_for(rarest, 16) < sampling.buckets_for(12, 16) == 64
