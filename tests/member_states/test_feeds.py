"""The Atom feed of each Member State: what involves it, newest change first, as text."""

import feedparser
import pytest

from publishing.content import State
from tests.factories import InitiativeFactory, MemberStateFactory

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed, response.content.decode()


def test_the_feed_lists_published_items_involving_the_state(client, viet_nam):
    other = MemberStateFactory(slug="thailand", iso_code="TH")
    InitiativeFactory(title="Digital plan", summary="<b>bold</b> words", member_states=[viet_nam])
    InitiativeFactory(title="Draft plan", member_states=[viet_nam], state=State.DRAFT)
    InitiativeFactory(title="Elsewhere", member_states=[other])
    feed, xml = parse(client, "/member-states/viet-nam/feed/")
    assert feed.feed.title.startswith("Viet Nam in ASEAN")
    assert [e.title for e in feed.entries] == ["Digital plan"]
    entry = feed.entries[0]
    assert entry.link.endswith("/initiatives/" + entry.link.rsplit("/initiatives/", 1)[1])
    assert [t.term for t in entry.tags] == ["Initiative"]
    # Summaries are text: markup in them is shown, never run, by a reader.
    assert '<summary type="text">&lt;b&gt;bold&lt;/b&gt; words</summary>' in xml


def test_newest_public_change_first(client, viet_nam):
    first = InitiativeFactory(title="First", member_states=[viet_nam])
    InitiativeFactory(title="Second", member_states=[viet_nam])
    # A minor edit (no public change note) does not bring an entry back to the top.
    first.summary = "Changed."
    first.save()
    feed, _ = parse(client, "/member-states/viet-nam/feed/")
    assert [e.title for e in feed.entries] == ["Second", "First"]


@pytest.mark.parametrize("key", ["vn", "VN"])
def test_the_iso_code_works_too(client, viet_nam, key):
    InitiativeFactory(title="Plan", member_states=[viet_nam])
    feed, _ = parse(client, f"/member-states/{key}/feed/")
    assert [e.title for e in feed.entries] == ["Plan"]


@pytest.mark.parametrize("key", ["xx", "nope"])
def test_an_unknown_state_is_404(client, viet_nam, key):
    assert client.get(f"/member-states/{key}/feed/").status_code == 404
