"""Initiative cards (``{% initiative_cards %}``), as the pages that show them draw them:
every value escaped, the published topics only, "Archived" only on the archived list."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from caching import after_commit
from initiatives.models import Initiative
from tests.factories import DivisionFactory, InitiativeFactory, TopicFactory

pytestmark = pytest.mark.django_db


def cards(html):
    return re.findall(r'<article class="card">.*?</article>', html, re.S)


def test_a_card_shows_its_initiative_every_value_escaped(client):
    lead = DivisionFactory(name="Trade & <Industry>", slug="trade")
    InitiativeFactory(
        title='Single "Window" <b>',
        slug="single-window",
        summary="Customs & borders <script>x</script>",
        lead_division=lead,
        status=Initiative.Status.ONGOING,
        topics=[
            TopicFactory(name="Trade's <i>", slug="trade-topic"),
            TopicFactory(name="Customs", slug="customs"),
            TopicFactory(name="Hidden", slug="hidden", draft=True),
        ],
    )
    html = client.get("/initiatives/").content.decode()
    (card,) = cards(html)
    assert card == (
        '<article class="card">\n'
        '  <h3><a href="/initiatives/single-window/">Single &quot;Window&quot; &lt;b&gt;</a></h3>\n'
        "  <p>Customs &amp; borders &lt;script&gt;x&lt;/script&gt;</p>\n"
        '  <dl class="facts">\n'
        '    <dt>Status</dt><dd><span class="status status-ongoing">Ongoing</span></dd>\n'
        "    <dt>Lead</dt><dd>Trade &amp; &lt;Industry&gt;</dd>\n"
        '    <dt>Topics</dt><dd><a href="/topics/customs/">Customs</a>, '
        '<a href="/topics/trade-topic/">Trade&#x27;s &lt;i&gt;</a></dd>\n'
        "  </dl>\n"
        "</article>"
    )


def test_a_card_without_topics_has_no_topics_line_and_archived_ones_say_so(client):
    InitiativeFactory(title="Alone", slug="alone", status=Initiative.Status.COMPLETED)
    InitiativeFactory(title="Old", slug="old", state="archived")
    (card,) = cards(client.get("/initiatives/").content.decode())
    assert "Alone" in card and "<dt>Topics</dt>" not in card and "Archived" not in card
    assert '<span class="status status-completed">Completed</span></dd>' in card
    (archived,) = cards(client.get("/initiatives/?status=archived").content.decode())
    assert "Old" in archived
    assert '<span class="status status-archived">Archived</span></dd>' in archived


def test_every_page_with_cards_draws_the_same_card(client):
    division = DivisionFactory(slug="trade")
    topic = TopicFactory(slug="customs")
    InitiativeFactory(
        title="Featured", slug="featured", lead_division=division, topics=[topic], featured=True
    )
    pages = ["/", "/initiatives/", f"/divisions/{division.slug}/", f"/topics/{topic.slug}/"]
    drawn = {url: cards(client.get(url).content.decode()) for url in pages}
    assert all(len(found) == 1 for found in drawn.values()), drawn
    assert len({found[0] for found in drawn.values()}) == 1


def test_cards_read_with_their_topic_ids_name_the_same_topics_as_the_query(client):
    """``with_card_topic_ids`` (a list's first cards) and the link-table query (a page of
    the list) give each card the same topics: published ones only, in name order, not in
    the order of their ids; none for a card without topics."""
    later = timezone.now() + timedelta(days=1)
    zebra, apple = TopicFactory(name="Zebra"), TopicFactory(name="Apple")
    hidden, coming = TopicFactory(name="Hidden", draft=True), TopicFactory(publish_at=later)
    InitiativeFactory(title="A", topics=[zebra, hidden, apple, coming])
    InitiativeFactory(title="B", topics=[hidden])
    InitiativeFactory(title="C", topics=[zebra])
    InitiativeFactory(title="D")
    cards_of = Initiative.objects.published().for_cards().order_by("title")

    def names(rows):
        return [[t.name for t in row.card_topics] for row in rows]

    by_query = Initiative.objects.attach_card_topics(cards_of)
    by_ids = Initiative.objects.attach_card_topics(cards_of.with_card_topic_ids())
    assert names(by_ids) == names(by_query) == [["Apple", "Zebra"], [], ["Zebra"], []]
    assert [t.url for t in by_ids[0].card_topics] == [
        apple.get_absolute_url(),
        zebra.get_absolute_url(),
    ]


def test_a_cards_topics_follow_a_renamed_or_unpublished_topic(client):
    """The published topics are remembered per content token: a topic renamed or taken
    down shows so on the next page (a division's, a topic's, the home page)."""
    division = DivisionFactory(slug="trade")
    kept, dropped = TopicFactory(name="Customs", slug="customs"), TopicFactory(name="Ports")
    InitiativeFactory(title="Window", lead_division=division, topics=[kept, dropped], featured=True)
    pages = ["/", f"/divisions/{division.slug}/", f"/topics/{kept.slug}/"]
    for url in pages:
        assert ">Customs</a>, <a" in cards(client.get(url).content.decode())[0]
    kept.name = "Customs and borders"
    kept.save()
    dropped.state = "draft"
    dropped.save()
    after_commit.run_pending()  # the token changes once the change commits
    for url in pages:
        (card,) = cards(client.get(url).content.decode())
        assert '<dt>Topics</dt><dd><a href="/topics/customs/">Customs and borders</a></dd>' in card
        assert "Ports" not in card
