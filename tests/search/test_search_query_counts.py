"""``/search/`` runs a fixed number of SQL queries whatever the number of matches: words,
words naming a Member State (narrowed), a name alone, the most-words fallback, and the new
facets as filters — measured with an empty cache and with the data cache warm (the engines'
own answers not cached, as for a new search), with 1 row and with 50."""

import pytest
from django.core.cache import cache
from django.db import connection

from caching.content_token import local_memory
from tests.factories import FAQFactory, InitiativeFactory, MemberStateFactory, TopicFactory
from tests.module_data import kept_for_the_module

pytestmark = pytest.mark.django_db

# name: (empty cache, warm data cache). Warm: the content token, the engine's estimate, its
# counts with the first page's ids (one statement), the marked-up page and the typo check
# where nothing matched. Cold adds the glossary, the names search recognises and every facet
# type's published values (their labels: division, topic, Member State, body), kept per
# content token. A filter adds the engine's choice of the narrowest one (SQLite) or its
# plan; the fallback adds the vocabulary's word counts, the one query that picks how many
# words, and that search; the status filter checks its value. SQLite asks FTS5 how many
# documents match before choosing the narrowest filter: one more. PostgreSQL plans the words
# before the last (a prefix) on their own, to decide whether to test the prefix on their
# documents: one more where a prefix follows other words and every word must match.
EXPECTED = {
    "words": (10, 4),
    "country and words": (10, 4),
    "country alone": (10, 4),
    "most words": (19, 13),
    "filters": (13, 7),
}
ONE_MORE_ON_SQLITE = ("country and words", "filters")
ONE_MORE_ON_POSTGRESQL = ("most words",)
URLS = {
    "words": "/search/?q=ports",
    "country and words": "/search/?q=vietnam+ports",
    "country alone": "/search/?q=vietnam",
    "most words": "/search/?q=ports+harbours+zzqx",
    "filters": "/search/?q=ports&member_state=vn&status=ongoing&year=2020",
}


@pytest.fixture(scope="module", params=[1, 50], ids=["1 row", "50 rows"])
def rows(request, django_db_setup, django_db_blocker):
    with kept_for_the_module(django_db_blocker):
        state = MemberStateFactory(
            name="Viet Nam", slug="viet-nam", iso_code="VN", other_names="Vietnam"
        )
        topic = TopicFactory()
        for n in range(request.param):
            InitiativeFactory(
                title=f"Ports {n}", body="Harbours.", member_states=[state], topics=[topic]
            )
            FAQFactory(question=f"Which ports {n}?", answer="Harbours.")
        yield request.param


def test_search_runs_a_fixed_number_of_queries(queries_for, settings, rows):
    settings.PAGE_CACHE_ENABLED = False
    settings.SEARCH_CACHE_SECONDS = 0
    counts = {}
    for name, url in URLS.items():
        cache.clear()
        local_memory.clear()
        counts[name] = (queries_for(url), queries_for(url))
    expected = dict(EXPECTED)
    one_more = ONE_MORE_ON_SQLITE if connection.vendor == "sqlite" else ONE_MORE_ON_POSTGRESQL
    for name in one_more:
        expected[name] = tuple(n + 1 for n in expected[name])
    assert counts == expected
