"""Related items read only as far as a page links to them (``publishing.linked``): what the
page uses of them is there without another query, and their long texts are not read."""

import pytest
from django.utils import timezone

from documents import reads as document_reads
from faqs.models import FAQ
from faqs.views import with_division
from initiatives import reads as initiative_reads
from meetings.views import ITEM as MEETING
from meetings.views import _listed_rows
from publishing.preview import is_reachable
from sources.references import page_citations_query, page_of
from tests.factories import (
    BodyFactory,
    DivisionFactory,
    DocumentFactory,
    FAQFactory,
    InitiativeFactory,
    MeetingFactory,
    MemberStateFactory,
    ParticipationFactory,
    SourceFactory,
    cite,
)

pytestmark = pytest.mark.django_db


def test_a_documents_body_meeting_and_member_states_are_read_as_far_as_its_page_links_them(
    django_assert_num_queries,
):
    body = BodyFactory(name="ASEAN Summit", slug="summit", description="A long text.")
    meeting = MeetingFactory(title="42nd ASEAN Summit", slug="42nd", body=body)
    document = DocumentFactory(slug="charter", issuing_body=body, meeting=meeting)
    ParticipationFactory(document=document, member_state=MemberStateFactory(name="Brunei"))
    read = document_reads.ITEM.first(slug="charter")
    [participation] = document_reads.PARTICIPATIONS.rows(slug="charter")
    with django_assert_num_queries(0):
        assert (read.issuing_body.name, read.issuing_body.get_absolute_url()) == (
            "ASEAN Summit",
            "/bodies/summit/",
        )
        assert (read.meeting.title, read.meeting.get_absolute_url()) == (
            "42nd ASEAN Summit",
            "/meetings/42nd/",
        )
        assert is_reachable(read.issuing_body) and is_reachable(read.meeting)
        assert participation.member_state.name == "Brunei"
        assert read.title == document.title and read.summary_html == document.summary_html
    assert {"description", "description_html"} <= read.issuing_body.get_deferred_fields()
    assert {"description", "description_html"} <= read.meeting.get_deferred_fields()
    assert "capital" in participation.member_state.get_deferred_fields()
    assert not read.get_deferred_fields()  # the document itself is read whole


def test_a_meetings_body_host_and_chair_and_an_initiatives_lead_division(
    django_assert_num_queries,
):
    state = MemberStateFactory(name="Malaysia", iso_code="MY")
    MeetingFactory(slug="summit", host_state=state, chair=state)
    InitiativeFactory(slug="plan", lead_division=DivisionFactory(name="Trade", slug="trade"))
    meeting = MEETING.first(slug="summit")
    initiative = initiative_reads.ITEM.first(slug="plan")
    with django_assert_num_queries(0):
        assert meeting.public_host.name == meeting.public_chair.name == "Malaysia"
        assert meeting.public_host.iso_code == "MY"
        assert meeting.body.is_public and meeting.body.get_absolute_url()
        lead = initiative.lead_division
        assert (lead.name, lead.get_absolute_url()) == ("Trade", "/divisions/trade/")
    assert "capital" in meeting.host_state.get_deferred_fields()
    assert "mandate_html" in initiative.lead_division.get_deferred_fields()


def test_a_cited_sources_own_page_is_linked_without_reading_the_whole_document(
    django_assert_num_queries,
):
    source = SourceFactory(title="ASEAN Charter (text)")
    DocumentFactory(slug="charter", source=source, summary="Long summary.")
    initiative = InitiativeFactory(slug="plan")
    cite(initiative, source)
    rows = page_citations_query(type(initiative)).rows(slug="plan")
    [citation] = [row for row in rows if row.source_id == source.pk]
    with django_assert_num_queries(0):
        page = page_of(citation.source)
        assert page.get_absolute_url() == "/documents/charter/"
    assert "summary" in page.get_deferred_fields()


def test_the_meetings_and_faqs_lists_read_only_what_their_rows_show(django_assert_num_queries):
    host = MemberStateFactory(name="Lao PDR")
    MeetingFactory(title="Summit", host_state=host, description="A *long* description.")
    FAQFactory(division=DivisionFactory(name="Legal Services"))
    [meeting] = _listed_rows(timezone.now())
    [faq] = with_division(FAQ.objects.all())
    with django_assert_num_queries(0):
        assert (meeting.title, meeting.public_host.name) == ("Summit", "Lao PDR")
        assert meeting.body.is_public and meeting.body.name and meeting.body.get_absolute_url()
        assert faq.division.name == "Legal Services"
    assert {"description", "description_html"} <= meeting.get_deferred_fields()
    assert "description_html" in meeting.body.get_deferred_fields()
    assert "mandate_html" in faq.division.get_deferred_fields()
