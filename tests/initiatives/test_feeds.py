"""Atom feeds of new and updated initiatives, read with feedparser as feed readers do."""

import datetime
from html.parser import HTMLParser

import feedparser
import pytest
from django.urls import reverse

from initiatives.models import Initiative
from publishing.models import PublicChange
from tests.factories import DivisionFactory, InitiativeFactory, TopicFactory

pytestmark = pytest.mark.django_db

ALL = reverse("initiatives:feed")


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def changed(initiative, days_ago):
    moment = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC) - datetime.timedelta(days_ago)
    Initiative.objects.filter(pk=initiative.pk).update(updated_at=moment)
    # Its last public change (publishing.changes), which the feed's <updated> gives.
    PublicChange.objects.filter(object_id=initiative.pk, content_type__model="initiative").update(
        published_at=moment
    )


@pytest.fixture
def catalogue(taxonomy):
    econ, socio, trade, health = taxonomy.econ, taxonomy.socio, taxonomy.trade, taxonomy.health
    window = InitiativeFactory(title="Single Window", lead_division=econ, topics=[trade])
    plan = InitiativeFactory(
        title="Health Plan", lead_division=socio, supporting_divisions=[econ], topics=[health]
    )
    youth = InitiativeFactory(title="Youth Forum", lead_division=socio)
    InitiativeFactory(title="Draft Plan", lead_division=econ, topics=[trade], draft=True)
    changed(window, days_ago=10)
    changed(plan, days_ago=1)
    changed(youth, days_ago=5)
    return taxonomy


def titles(feed):
    return [entry.title for entry in feed.entries]


def test_all_initiatives_newest_change_first_without_drafts(client, catalogue):
    feed = parse(client, ALL)
    assert titles(feed) == ["Health Plan", "Youth Forum", "Single Window"]
    assert feed.feed.title.startswith("New and updated initiatives")
    assert feed.feed.link == "http://testserver/initiatives/"
    entry = feed.entries[0]
    plan = Initiative.objects.get(title="Health Plan")
    assert entry.link == f"http://testserver{plan.get_absolute_url()}"
    assert entry.updated_parsed[:3] == (2024, 12, 31)
    assert entry.published_parsed is not None
    assert entry.summary == "A regional initiative."
    assert entry.author == "Socio-Cultural Community Department"
    assert [tag.term for tag in entry.tags] == ["Health"]
    assert entry.id  # a stable identifier per entry


def test_a_divisions_feed_has_what_it_leads_and_supports(client, catalogue):
    feed = parse(client, reverse("initiatives:division-feed", args=["economic"]))
    assert titles(feed) == ["Health Plan", "Single Window"]
    assert feed.feed.title.startswith("Initiatives of the Economic Community Department")
    assert feed.feed.link == "http://testserver/divisions/economic/"


def test_a_topics_feed(client, catalogue):
    feed = parse(client, reverse("initiatives:topic-feed", args=["trade"]))
    assert titles(feed) == ["Single Window"]
    assert feed.feed.link == "http://testserver/topics/trade/"


def test_unknown_or_unpublished_division_or_topic_feeds_are_404(client, catalogue):
    DivisionFactory(slug="draft-division", draft=True)
    TopicFactory(slug="draft-topic", draft=True)
    for url in (
        reverse("initiatives:division-feed", args=["nowhere"]),
        reverse("initiatives:division-feed", args=["draft-division"]),
        reverse("initiatives:topic-feed", args=["nothing"]),
        reverse("initiatives:topic-feed", args=["draft-topic"]),
    ):
        assert client.get(url).status_code == 404, url


def test_an_empty_feed_is_still_valid(client):
    feed = parse(client, ALL)
    assert feed.entries == []


class AlternateLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.feeds, self.anchors = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("type") == "application/atom+xml":
            (self.feeds if tag == "link" else self.anchors).append(attrs["href"])


def feed_links(client, url):
    reader = AlternateLinks()
    reader.feed(client.get(url).content.decode())
    return reader


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("/initiatives/", "/initiatives/feed/"),
        ("/divisions/economic/", "/initiatives/feed/division/economic/"),
        ("/topics/trade/", "/initiatives/feed/topic/trade/"),
    ],
)
def test_feeds_are_linked_from_the_pages_they_mirror(client, catalogue, page, feed):
    links = feed_links(client, page)
    assert feed in links.feeds  # autodiscovery in <head>
    assert feed in links.anchors  # and a visible link
    parse(client, feed)


def test_every_page_advertises_the_site_feed(client, catalogue):
    for url in ("/", "/about/", "/faqs/", "/divisions/"):
        assert ALL in feed_links(client, url).feeds, url


def test_feed_query_count_does_not_grow(client, catalogue, django_assert_num_queries):
    for _ in range(5):
        InitiativeFactory(lead_division=catalogue.econ, topics=[catalogue.trade])
    # Each starts with the content token's read (caching.page_cache).
    with django_assert_num_queries(4):  # the initiatives, their topics, last public changes
        client.get(ALL)
    with django_assert_num_queries(5):  # + the division
        client.get(reverse("initiatives:division-feed", args=["economic"]))
