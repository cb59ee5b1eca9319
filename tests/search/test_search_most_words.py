""" "At least k of the words", found two ways (``ParsedQuery.by_candidates``): one index
lookup of every group of k words, or the documents of the rarest words each tested for how
many words they have. The way is chosen for speed from estimates; the answers must be the
same whichever is taken, on both engines, and the one query that picks k must agree."""

from itertools import combinations

import pytest
from django.utils import timezone

from search.backends import Filters, get_backend
from search.engine import FEW
from search.indexing import rebuild
from search.query import MAX_WORD_GROUPS, parse
from search.vocabulary import clause_frequencies
from tests.factories import FAQFactory, InitiativeFactory

pytestmark = pytest.mark.django_db

WORDS = ["mangrove", "fisheries", "coastal", "tourism", "vaccine"]


@pytest.fixture
def corpus():
    # Every combination of the words, once, in title, summary or body: each document has a
    # known number of them.
    for size in range(1, len(WORDS) + 1):
        for n, group in enumerate(combinations(WORDS, size)):
            fields = ["title", "summary", "body"]
            text = dict.fromkeys(fields, "")
            for i, word in enumerate(group):
                text[fields[(i + n) % 3]] += f" {word}"
            InitiativeFactory(
                title=f"Item {size}-{n}{text['title']}",
                summary=text["summary"] or "Plain.",
                body=text["body"] or "Plain.",
            )
    FAQFactory(question="Mangrove fisheries?", answer="Coastal.")
    rebuild()


def words_in(hit):
    """How many of the words a result has (its title says which it was made with)."""
    title = hit.title.replace("\x02", "").replace("\x03", "")
    if title.startswith("Mangrove"):
        return 3
    return int(title.split()[1].split("-")[0])


def matches(query, backend, now):
    counts = backend.count_facets(query, Filters(), now)
    ids = backend.page(query, Filters(), now, 0, 500)
    return sum(n for key, n in counts.items() if key.startswith("type:")), ids


@pytest.mark.parametrize("needed", [2, 3, 4])
def test_both_ways_find_the_same_documents_those_with_more_words_first(corpus, needed):
    backend, now = get_backend(), timezone.now()
    query = parse(" ".join(WORDS))
    frequencies = clause_frequencies(query)
    # Estimates that make groups look cheap, then ones that make candidates look cheap.
    by_groups = query.matching_at_least(needed, (10**6,) * len(WORDS))
    by_candidates = query.matching_at_least(needed, (0,) * (len(WORDS) - 1) + (10**6,))
    assert not by_groups.by_candidates()
    assert by_candidates.by_candidates()
    expected = sum(
        len(list(combinations(range(len(WORDS)), size))) for size in range(needed, len(WORDS) + 1)
    ) + (1 if needed <= 3 else 0)  # the FAQ has three of the words
    count_g, hits_g = matches(by_groups, backend, now)
    count_c, hits_c = matches(by_candidates, backend, now)
    assert count_g == count_c == expected
    assert {h.id for h in hits_g} == {h.id for h in hits_c}
    assert matches(query.matching_at_least(needed, frequencies), backend, now)[0] == expected
    # Those with more of the words first (within as many words, the engine's rank, which
    # on SQLite weighs the words it was asked for: the same set, maybe another order).
    for hits in (hits_g, hits_c):
        counts = [words_in(hit) for hit in hits]
        assert counts == sorted(counts, reverse=True)
        assert counts[0] == len(WORDS)


def test_the_level_query_counts_up_to_few_at_each_level(corpus):
    backend, now = get_backend(), timezone.now()
    query = parse("mangrove fisheries coastal tourism vaccine nonexistent")
    query = query.matching_at_least(0, clause_frequencies(query))
    levels = [6, 5, 4, 3, 2]
    found = backend.coverage_levels(query, Filters(), now, levels, FEW)
    assert found == {6: 0, 5: 1, 4: FEW, 3: FEW, 2: FEW}


def test_more_groups_than_the_limit_are_found_from_the_rarest_words():
    query = parse("one two three four five six seven").matching_at_least(3, (1,) * 7)
    assert len(list(combinations(range(7), 3))) > MAX_WORD_GROUPS
    assert query.by_candidates()
    assert len(query.candidate_clauses()) == 5
