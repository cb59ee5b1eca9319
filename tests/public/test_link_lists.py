"""A page's short lists of links read by one query (``public.link_lists``): each list holds
the published rows linked to the item, in its model's order, as instances that link."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from initiatives.models import Initiative, Topic
from partners.models import Partner
from public.link_lists import LinkList, LinkLists
from tests.factories import DocumentFactory, InitiativeFactory, PartnerFactory, TopicFactory

pytestmark = pytest.mark.django_db


def document_lists():
    return LinkLists(
        LinkList(Topic, "documents"),
        LinkList(Partner, "documents"),
        LinkList(Initiative, "documents", label="title"),
    )


@pytest.fixture
def document():
    later = timezone.now() + datetime.timedelta(days=2)
    document = DocumentFactory(
        topics=[
            TopicFactory(name="Trade", slug="trade"),
            TopicFactory(name="Health", slug="health"),
            TopicFactory(name="Draft", slug="draft", draft=True),
        ],
        initiatives=[
            InitiativeFactory(title="Single Window", slug="single-window"),
            InitiativeFactory(title="Blueprint", slug="blueprint"),
            InitiativeFactory(title="Unfinished", slug="unfinished", draft=True),
        ],
    )
    document.partners.set(
        [
            PartnerFactory(name="Japan", slug="japan"),
            PartnerFactory(name="China", slug="china"),
            PartnerFactory(name="Soon", slug="soon", publish_at=later),
        ]
    )
    return document


def test_each_list_holds_the_published_rows_in_order(document):
    topics, partners, initiatives = document_lists().rows(document.pk, timezone.now())
    assert [(t.name, t.slug) for t in topics] == [("Health", "health"), ("Trade", "trade")]
    assert [p.get_absolute_url() for p in partners] == ["/partners/china/", "/partners/japan/"]
    assert [(i.title, i.get_absolute_url()) for i in initiatives] == [
        ("Blueprint", "/initiatives/blueprint/"),
        ("Single Window", "/initiatives/single-window/"),
    ]
    assert topics == list(document.topics.published())  # the same rows, as instances
    later = timezone.now() + datetime.timedelta(days=3)
    assert [p.name for p in document_lists().rows(document.pk, later)[1]] == [
        "China",
        "Japan",
        "Soon",
    ]


def test_the_instances_hold_what_a_link_needs_and_read_the_rest_only_if_asked(document):
    topics, _, initiatives = document_lists().rows(document.pk, timezone.now())
    with CaptureQueriesContext(connection) as queries:
        shown = [(t.pk, t.name, t.get_absolute_url()) for t in topics]
        shown += [(i.pk, i.title, i.get_absolute_url()) for i in initiatives]
    assert len(queries) == 0
    assert [pk for pk, _, _ in shown] == [
        *(t.pk for t in document.topics.published()),
        *(i.pk for i in document.initiatives.published()),
    ]
    # A field the query did not read is deferred, as with ``only()``: read when asked.
    assert topics[0].get_deferred_fields() >= {"state", "description"}
    assert topics[0].description == Topic.objects.get(pk=topics[0].pk).description


def test_an_item_without_links_has_empty_lists():
    alone = DocumentFactory()
    assert document_lists().rows(alone.pk, timezone.now()) == ([], [], [])


def test_a_descending_order_is_kept(document, monkeypatch):
    monkeypatch.setattr(Topic._meta, "ordering", ["-name"])
    topics = LinkLists(LinkList(Topic, "documents")).rows(document.pk, timezone.now())[0]
    assert [t.name for t in topics] == ["Trade", "Health"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL prepares on the server")
def test_the_lists_are_one_statement_prepared_on_the_server(document):
    lists = document_lists()
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            lists.rows(document.pk, timezone.now())
        assert len(queries) == 1 and queries[0]["sql"].startswith("EXECUTE prepared_")


def test_the_document_page_shows_the_lists(client, document):
    html = client.get(document.get_absolute_url()).content.decode()
    assert html.index(">Health</a>") < html.index(">Trade</a>")
    assert html.index(">China</a>") < html.index(">Japan</a>")
    assert html.index(">Blueprint</a>") < html.index(">Single Window</a>")
    for hidden in ("/topics/draft/", "/partners/soon/", "/initiatives/unfinished/"):
        assert hidden not in html
