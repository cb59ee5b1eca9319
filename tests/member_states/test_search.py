"""A published Member State is in the site search, found by its other names and demonyms
too (the kind "member_state"; recognising a state inside a query is search's own work)."""

import pytest

from caching import after_commit
from publishing.content import State
from search.models import SearchDocument
from tests.factories import MemberStateFactory

pytestmark = pytest.mark.django_db


def test_a_published_state_is_indexed_with_its_other_names(client, viet_nam):
    document = SearchDocument.objects.get(kind="member_state", object_id=viet_nam.pk)
    assert document.url == "/member-states/viet-nam/"
    assert "Vietnamese" in document.keywords and "VN" in document.keywords
    assert document.facets[:2] == ["type:member_state", f"member_state:{viet_nam.pk}"]
    html = client.get("/search/", {"q": "vietnamese"}).content.decode()
    assert 'href="/member-states/viet-nam/"' in html


def test_a_draft_state_is_not_indexed(viet_nam):
    draft = MemberStateFactory(name="Atlantis", slug="atlantis", iso_code="AT", draft=True)
    assert not SearchDocument.objects.filter(kind="member_state", object_id=draft.pk).exists()
    viet_nam.state = State.DRAFT
    viet_nam.save()
    after_commit.run_pending()  # what the commit sets off
    assert not SearchDocument.objects.filter(kind="member_state", object_id=viet_nam.pk).exists()
