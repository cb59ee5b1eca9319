"""Meetings and documents are found by Member State and by body, as initiatives are: a
meeting by its host and chair, a document by the states that signed or consented to it and
by its issuing body; unpublished states and bodies are never facets."""

import pytest

from search.indexing import rebuild
from tests.factories import (
    BodyFactory,
    DocumentFactory,
    MeetingFactory,
    MemberStateFactory,
    ParticipationFactory,
)

from .search_helpers import facet, search, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    viet_nam = MemberStateFactory(name="Viet Nam", slug="viet-nam", iso_code="VN")
    lao = MemberStateFactory(name="Lao PDR", slug="lao-pdr", iso_code="LA")
    hidden = MemberStateFactory(name="Hidden State", slug="hidden", iso_code="HS", draft=True)
    summit = BodyFactory(name="ASEAN Summit", slug="asean-summit")
    MeetingFactory(title="Summit in Hanoi", body=summit, host_state=viet_nam, chair=viet_nam)
    MeetingFactory(title="Summit in Vientiane", body=summit, host_state=lao, chair=hidden)
    charter = DocumentFactory(title="Charter on cooperation", doc_type="agreement")
    ParticipationFactory(document=charter, member_state=viet_nam)
    ParticipationFactory(document=charter, member_state=hidden)
    DocumentFactory(title="Statement on cooperation", issuing_body=summit)
    rebuild()
    return viet_nam, lao, summit


def test_meetings_and_documents_are_filtered_by_member_state(client, places):
    response = search(client, q="summit", member_state="vn")
    assert titles(response) == ["Summit in Hanoi"]
    response = search(client, q="cooperation", member_state="viet-nam")
    assert titles(response) == ["Charter on cooperation"]
    assert "Hidden State" not in facet(search(client, q="cooperation"), "member_state")


def test_documents_are_filtered_by_their_issuing_body(client, places):
    response = search(client, q="cooperation", body="asean-summit")
    assert titles(response) == ["Statement on cooperation"]
    assert facet(search(client, q="summit", type="meeting"), "body") == {"ASEAN Summit": 2}
