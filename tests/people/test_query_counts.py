"""/leadership/, /people/ and a person's page run a fixed number of queries, with one post
and one person or with twenty, and cached pages run one."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from caching.content_token import local_memory
from tests.factories import (
    AppointmentFactory,
    DivisionFactory,
    MemberStateFactory,
    PersonFactory,
    RoleFactory,
    SourceFactory,
    cite,
)
from tests.module_data import kept_for_the_module

pytestmark = pytest.mark.django_db

# page: (empty cache, warm data cache); the first query of each reads the content token.
EXPECTED = {
    # + posts (with divisions), their holders today (with people and sources), citations
    # + whether a cited source is a published document (its page is linked: documents)
    "leadership": (5, 5),
    "people": (3, 3),  # + people (with nationality), their appointments (with posts)
    # + it, its appointments (with posts, divisions, sources), citations of it and them,
    # its public record of changes; whether a cited source is a published document
    "person": (6, 6),
    # its page (no initiatives, no FAQs: its lists, record and citations in one statement);
    # the first time, the posts heading the divisions and their holders today, then
    # remembered per content token and day, and whether it supports many initiatives (two
    # counts), remembered per content token
    "division": (7, 2),
}


def build(rows):
    state = MemberStateFactory(slug="cambodia", iso_code="KH")
    source = SourceFactory()
    person = None
    for _ in range(rows):
        division = DivisionFactory()
        role = RoleFactory(kind="division-head", division=division)
        RoleFactory(kind="deputy-secretary-general", division=division)  # vacant
        person = PersonFactory(nationality=state)
        cite(person, source)
        AppointmentFactory(person=person, role=role, source=source)
        AppointmentFactory(person=person, started="2001", ended="2002", source=SourceFactory())
    return {
        "leadership": reverse("people:leadership"),
        "people": reverse("people:list"),
        "person": person.get_absolute_url(),
        "division": division.get_absolute_url(),
    }


@pytest.fixture(scope="module", params=[1, 20], ids=["1 row", "20 rows"])
def pages(request, django_db_setup, django_db_blocker):
    with kept_for_the_module(django_db_blocker):
        yield build(request.param)


def test_people_pages_run_a_fixed_number_of_queries(queries_for, settings, pages):
    settings.PAGE_CACHE_ENABLED = False
    counts = {}
    for name, url in pages.items():
        cache.clear()
        local_memory.clear()
        cold = queries_for(url)
        counts[name] = (cold, queries_for(url))
    assert counts == EXPECTED


def test_a_cached_people_page_runs_one_query(queries_for, pages):
    for url in pages.values():
        queries_for(url)
        assert queries_for(url) == 1, url
