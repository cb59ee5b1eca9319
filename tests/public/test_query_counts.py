"""Every public page runs a fixed number of SQL queries, whatever the number of rows.

Each page is measured three ways: with an empty cache (after a deploy or a content change:
the counts and filter choices are worked out again), with the data cache warm (the page
cache off: every later request), and as a page-cache hit. The numbers are the same with 1
row and with 50.
"""

import pytest
from django.core.cache import cache
from django.urls import reverse

from caching.content_token import local_memory
from pages.models import SiteSection
from tests.factories import (
    AppointmentFactory,
    DivisionFactory,
    FAQFactory,
    InitiativeFactory,
    MemberStateFactory,
    MilestoneFactory,
    RoleFactory,
    SiteSectionFactory,
    TopicFactory,
)
from tests.module_data import kept_for_the_module

pytestmark = pytest.mark.django_db

# page: (empty cache, warm data cache). The first query of every page reads the content
# version (caching.content_token). What an empty cache adds is worked out once per
# content token: filter choices, list counts, the drawn filter form and organisation chart.
EXPECTED = {
    # + site sections, featured initiatives (with their topics' ids); cold: divisions, the
    # published topics (initiatives.models.published_topic_links)
    "home": (5, 3),
    # Pages that list their sources read the citations (with their sources): one query.
    "about": (4, 3),  # + site sections, citations; cold: divisions (the drawn chart is kept)
    "divisions": (2, 2),  # + divisions
    # + led initiatives (with their topics' ids), FAQs, its public record of changes and
    # its sources in one statement (caching.folded_queries), and the initiatives it supports
    # (few: read on their own); cold: the published units (it, its parent, its sub-units
    # and its cards' lead divisions come from them) and topics (its cards' topics), whether
    # it supports many (two counts: how its supported ones are read); the posts heading
    # divisions, and their holders today (public.page_parts, from people)
    "division": (9, 3),
    # + rows, their topic ids; cold: count, lead division/division/topic/state, the
    # published topics (the cards' topics are named from them)
    "initiatives": (9, 3),
    # Words (q) add the index's ranking of the page; cold: the acronym glossary, and how
    # many initiatives the division is in (three counts: how its rows are read).
    "initiatives filtered": (14, 4),
    "initiatives last page": (9, 3),
    # + in one statement (caching.folded_queries) it, its milestones (+ sources),
    # indicators, supporting divisions, topics and member states, the documents it rests
    # on, the citations of it and its parts, its record of changes
    "initiative": (2, 2),
    # + it, initiatives (with their topics' ids), FAQs, citations, its record of changes;
    # cold: the published topics
    "topic": (7, 6),
    # + FAQs, citations, the posts they are about and who holds them today, the documents
    # they rest on; empty cache: division and topic choices
    "faqs": (8, 6),
    "faqs filtered": (10, 7),  # words: + the index's ranking; cold: the glossary (and synonyms)
    # the index: + each section's latest change and paging (glossary: 2; /updates/: its latest)
    "sitemap": (33, 33),
    "sitemap for people": (4, 4),  # + divisions, topics, member states
}


def build(rows):
    """``rows`` of everything, all tied to one division, topic and member state."""
    division = DivisionFactory(slug="lead")
    topic = TopicFactory(slug="trade")
    state = MemberStateFactory(slug="brunei-darussalam", iso_code="BN")
    head = RoleFactory(division=division, kind="division-head")
    AppointmentFactory(role=head)
    for _ in range(rows):
        SiteSectionFactory(kind=SiteSection.Kind.ROLE)
        initiative = InitiativeFactory(
            lead_division=division,
            supporting_divisions=[DivisionFactory(parent=division)],
            topics=[topic, TopicFactory()],
            member_states=[state],
            featured=True,
        )
        MilestoneFactory(initiative=initiative)
        MilestoneFactory(initiative=initiative)
        FAQFactory(division=division, topics=[topic], roles=[head])
    return {
        "home": reverse("home"),
        "about": reverse("about"),
        "divisions": reverse("divisions:list"),
        "division": division.get_absolute_url(),
        "initiatives": reverse("initiatives:list"),
        "initiatives filtered": (
            f"{reverse('initiatives:list')}?division=lead&topic=trade"
            "&member_state=brunei-darussalam&status=ongoing&pillar=economic&q=initiative"
        ),
        "initiatives last page": f"{reverse('initiatives:list')}?page={max(1, rows // 20 + 1)}",
        "initiative": initiative.get_absolute_url(),
        "topic": topic.get_absolute_url(),
        "faqs": reverse("faqs:list"),
        "faqs filtered": f"{reverse('faqs:list')}?division=lead&topic=trade&q=question",
        "sitemap": reverse("sitemap"),
        "sitemap for people": reverse("sitemap-page"),
    }


@pytest.fixture(scope="module", params=[1, 50], ids=["1 row", "50 rows"])
def pages(request, django_db_setup, django_db_blocker):
    """The pages over 1 row and over 50 rows of everything, made once for both tests."""
    with kept_for_the_module(django_db_blocker):
        yield build(request.param)


# Over 50 rows, cold: + the size of each list longer than the page shows, remembered per
# content token (a division's initiatives it leads and its FAQs; a topic's initiatives and
# FAQs).
LONG_LISTS = {"division": 2, "topic": 2}


def test_every_public_page_runs_a_fixed_number_of_queries(queries_for, settings, pages, request):
    settings.PAGE_CACHE_ENABLED = False
    expected = dict(EXPECTED)
    if request.node.callspec.id == "50 rows":
        for name, extra in LONG_LISTS.items():
            cold, warm = expected[name]
            expected[name] = (cold + extra, warm)
    counts = {}
    for name, url in pages.items():
        cache.clear()
        local_memory.clear()
        cold = queries_for(url)
        counts[name] = (cold, queries_for(url))
    assert counts == expected


def test_a_cached_page_runs_one_query_or_none(queries_for, settings, pages):
    for url in pages.values():
        queries_for(url)
        assert queries_for(url) == 1, url  # the content token
    settings.CONTENT_VERSION_IN_CACHE = True  # as with Redis: the version comes from the cache
    for url in pages.values():
        queries_for(url)
        assert queries_for(url) == 0, url
