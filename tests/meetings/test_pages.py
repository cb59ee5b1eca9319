"""/meetings/<slug>/: dates at their precision, host, chair, status, sources, outcome
documents, JSON-LD Event; drafts are not public; a fixed number of queries."""

import json
import re

import pytest
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse

from caching.content_token import local_memory
from partial_dates import PartialDate
from tests.factories import MeetingFactory, SourceFactory

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def event_of(html):
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data.get("@type") == "Event":
            return data
    raise AssertionError("no Event JSON-LD")


def test_a_meeting_page_shows_its_facts_at_their_precision_with_sources(client, places):
    source = SourceFactory(title="Chairman's Statement of the 47th ASEAN Summit")
    meeting = MeetingFactory(
        title="47th ASEAN Summit",
        body=places.summit,
        starts=PartialDate(2025, 10, 26),
        ends=PartialDate(2025, 10, 28),
        city="Kuala Lumpur",
        host_state=places.malaysia,
        chair=places.malaysia,
        sources=[source],
    )
    html = text(client.get(meeting.get_absolute_url()))
    assert '<time datetime="2025-10-26">26 October 2025</time> to ' in html
    assert '<time datetime="2025-10-28">28 October 2025</time>' in html
    assert "<dt>Host</dt><dd>Kuala Lumpur, Malaysia</dd>" in html
    assert "<dt>Chair</dt><dd>Malaysia</dd>" in html
    assert '<a href="/bodies/asean-summit/">ASEAN Summit</a>' in html
    assert "Chairman&#x27;s Statement of the 47th ASEAN Summit</cite>" in html
    assert 'href="#source-1"' in html
    assert "No document adopted or issued at this meeting is recorded" in html


def test_a_meeting_known_to_the_month_shows_the_month_and_no_calendar_link(client):
    meeting = MeetingFactory(starts=PartialDate(2026, 11), ends=None, status="upcoming")
    html = text(client.get(meeting.get_absolute_url()))
    assert '<time datetime="2026-11">November 2026</time>' in html
    assert "<dt>Chair</dt><dd>Not recorded yet</dd>" in html
    assert 'href="/meetings/calendar.ics"' not in html


@pytest.mark.parametrize(
    ("status", "schema"),
    [("held", "EventScheduled"), ("postponed", "EventPostponed"), ("cancelled", "EventCancelled")],
)
def test_the_page_is_an_event_with_its_status(client, places, status, schema):
    meeting = MeetingFactory(
        body=places.summit,
        status=status,
        starts=PartialDate(2024, 10, 8),
        ends=PartialDate(2024, 10, 11),
        city="Vientiane",
        host_state=places.lao,
    )
    event = event_of(text(client.get(meeting.get_absolute_url())))
    assert event["eventStatus"] == f"https://schema.org/{schema}"
    assert (event["startDate"], event["endDate"]) == ("2024-10-08", "2024-10-11")
    assert event["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Vientiane",
        "addressCountry": "LA",
    }
    assert event["organizer"]["name"] == "ASEAN Summit"


def test_drafts_are_not_public_but_staff_preview_them(client, admin_client):
    meeting = MeetingFactory(draft=True)
    assert client.get(meeting.get_absolute_url()).status_code == 404
    assert admin_client.get(meeting.get_absolute_url()).status_code == 200


def documents_served():
    try:
        reverse("documents:detail", args=["x"])
    except NoReverseMatch:
        return False
    return True


@pytest.mark.skipif(not documents_served(), reason="documents' pages come with helper library")
def test_a_meeting_page_lists_its_published_outcome_documents(client):
    from documents.models import Document

    meeting = MeetingFactory()
    for n, state in enumerate(("published", "draft")):
        Document.objects.create(
            title=f"Declaration {state}",
            slug=f"declaration-{state}",
            identifier=f"test-{n}",
            doc_type="declaration",
            meeting=meeting,
            state=state,
        )
    html = text(client.get(meeting.get_absolute_url()))
    assert "Declaration published" in html and "Declaration draft" not in html


# The content token, then in one statement (caching.folded_queries) it (with body, host,
# chair), its partners, its outcome documents, its citations and its record of changes.
EXPECTED_QUERIES = 2


@pytest.mark.parametrize("sources", [1, 10])
def test_the_page_runs_a_fixed_number_of_queries(queries_for, settings, places, sources):
    settings.PAGE_CACHE_ENABLED = False
    meeting = MeetingFactory(
        body=places.summit,
        host_state=places.malaysia,
        chair=places.malaysia,
        sources=[SourceFactory() for _ in range(sources)],
    )
    cache.clear()
    local_memory.clear()
    queries_for(meeting.get_absolute_url())
    assert queries_for(meeting.get_absolute_url()) == EXPECTED_QUERIES


def test_a_draft_bodys_name_is_not_shown_with_its_published_meetings(client):
    from tests.factories import BodyFactory

    hidden = BodyFactory(name="Secret working group", slug="secret", draft=True)
    meeting = MeetingFactory(title="Open meeting", body=hidden)
    for url in (meeting.get_absolute_url(), reverse("meetings:list"), reverse("meetings:feed")):
        html = text(client.get(url))
        assert "Open meeting" in html and "Secret working group" not in html, url
    ics = client.get(reverse("meetings:calendar")).content.decode()
    assert "Open meeting" in ics and "Secret working group" not in ics


def test_an_unpublished_member_state_is_not_named_as_host_or_chair(client):
    from tests.factories import MemberStateFactory

    hidden = MemberStateFactory(name="Draftland", slug="draftland", iso_code="DL", draft=True)
    meeting = MeetingFactory(
        title="Open meeting", city="Somewhere", host_state=hidden, chair=hidden
    )
    for url in (meeting.get_absolute_url(), reverse("meetings:list"), reverse("meetings:feed")):
        html = text(client.get(url))
        assert "Open meeting" in html and "Draftland" not in html, url
    assert "Draftland" not in client.get(reverse("meetings:calendar")).content.decode()
