"""The Member State pages and feed run a fixed number of SQL queries, whatever the number of
states and of items that involve them (as tests/public/test_query_counts.py does for the
other pages: an empty cache, then the data cache warm with the page cache off)."""

import pytest
from django.core.cache import cache

from caching.content_token import local_memory
from tests.factories import InitiativeFactory, MemberStateFactory, SourceFactory, cite
from tests.module_data import kept_for_the_module

pytestmark = pytest.mark.django_db

# page: (empty cache, warm data cache). The first query reads the content token.
EXPECTED = {
    "member states": (2, 2),  # + the states
    # + it, its citations (with sources), per involving type its first rows with their total
    # (initiatives, people by nationality, bodies, meetings, documents: one each), its
    # record of changes, its agreements (the documents app's page part)
    "member state": (10, 10),
    "member state by code": (3, 3),  # + the lookup by slug, then by ISO code: the redirect
    # + it, per type its newest items (initiatives, people, bodies, meetings, documents) and
    # their public changes
    "member state feed": (8, 8),
    # the initiatives filtered by a code: + rows, their topic ids; cold: the count, the
    # codes, each filter's choices and the published topics (the cards' topics' names)
    "initiatives by code": (10, 3),
}


def build(rows):
    states = [
        MemberStateFactory(slug=f"state-{n}", iso_code=f"S{chr(65 + n)}") for n in range(rows)
    ]
    state = states[0]
    cite(state, SourceFactory(), supports="Date of joining ASEAN")
    for _ in range(rows):
        InitiativeFactory(member_states=states)
    return {
        "member states": "/member-states/",
        "member state": state.get_absolute_url(),
        "member state by code": "/member-states/sa/",
        "member state feed": "/member-states/state-0/feed/",
        "initiatives by code": "/initiatives/?member_state=sa",
    }


STATUS = {"member state by code": 301}


@pytest.fixture(scope="module", params=[1, 12], ids=["1 row", "12 rows"])
def pages(request, django_db_setup, django_db_blocker):
    with kept_for_the_module(django_db_blocker):
        yield build(request.param)


def test_a_fixed_number_of_queries(queries_for, settings, pages, request):
    settings.PAGE_CACHE_ENABLED = False
    expected = dict(EXPECTED)
    if request.node.callspec.id == "12 rows":
        # A type with more items than the page shows is counted, once per content token.
        expected["member state"] = (11, 10)
    counts = {}
    for name, url in pages.items():
        cache.clear()
        local_memory.clear()
        status = STATUS.get(name, 200)
        counts[name] = (queries_for(url, status), queries_for(url, status))
    assert counts == expected
