import datetime

import pytest
from django.urls import reverse

from divisions.models import Pillar
from initiatives.models import Initiative
from initiatives.views import SHOWN_INITIATIVES
from tests.factories import (
    DivisionFactory,
    FAQFactory,
    InitiativeFactory,
    MemberStateFactory,
    MilestoneFactory,
    TopicFactory,
)
from tests.sources.checks import percentages

pytestmark = pytest.mark.django_db

LIST = reverse("initiatives:list")


def titles(response):
    return sorted(i.title for i in response.context["initiatives"])


@pytest.fixture
def catalogue():
    """A small hand-made catalogue: two divisions, two topics, two states."""
    econ = DivisionFactory(slug="economic", name="Economic Community Department")
    socio = DivisionFactory(slug="socio-cultural", name="Socio-Cultural Community Department")
    trade = TopicFactory(slug="trade", name="Trade")
    health = TopicFactory(slug="health", name="Health")
    indonesia = MemberStateFactory(slug="indonesia", name="Indonesia", iso_code="ID")
    timor = MemberStateFactory(slug="timor-leste", name="Timor-Leste", iso_code="TL")
    InitiativeFactory(
        title="Single Window",
        lead_division=econ,
        topics=[trade],
        member_states=[indonesia, timor],
        status=Initiative.Status.ONGOING,
        pillar=Pillar.ECONOMIC,
    )
    InitiativeFactory(
        title="Health Plan",
        lead_division=socio,
        supporting_divisions=[econ],
        topics=[health, trade],
        member_states=[indonesia],
        status=Initiative.Status.COMPLETED,
        pillar=Pillar.SOCIO_CULTURAL,
    )
    InitiativeFactory(
        title="Draft Plan",
        lead_division=econ,
        topics=[trade],
        member_states=[indonesia],
        draft=True,
    )


def test_list_shows_only_published(client, catalogue):
    response = client.get(LIST)
    assert response.status_code == 200
    assert titles(response) == ["Health Plan", "Single Window"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("division=economic", ["Health Plan", "Single Window"]),  # lead or supporting
        ("division=socio-cultural", ["Health Plan"]),
        ("topic=health", ["Health Plan"]),
        ("topic=trade", ["Health Plan", "Single Window"]),
        ("status=completed", ["Health Plan"]),
        ("pillar=economic", ["Single Window"]),
        ("member_state=timor-leste", ["Single Window"]),
        ("q=window", ["Single Window"]),
        ("q=HEALTH plan", ["Health Plan"]),
        ("division=economic&topic=trade&status=ongoing", ["Single Window"]),
        ("division=socio-cultural&member_state=timor-leste", []),
        ("topic=trade&pillar=socio-cultural&member_state=indonesia", ["Health Plan"]),
    ],
)
def test_filters_alone_and_combined(client, catalogue, query, expected):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("division=no-such-division", "There is no division “no-such-division”."),
        ("topic=%3Cscript%3E", "There is no topic “&lt;script&gt;”."),
        ("status=finished", "There is no status “finished”."),
        ("pillar=1", "There is no pillar “1”."),
        ("member_state=atlantis", "There is no member state “atlantis”."),
        ("q=" + "x" * 500, "Ensure this value has at most 200 characters"),
    ],
)
def test_bad_filter_values_answer_400_with_a_message(client, catalogue, query, message):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "<script>" not in html
    assert list(response.context["initiatives"]) == []


def test_a_draft_topic_slug_is_unknown_to_the_public(client, catalogue):
    TopicFactory(slug="secret", draft=True)
    assert client.get(f"{LIST}?topic=secret").status_code == 400


@pytest.mark.parametrize("page", ["abc", "-1", "0", "1.5", "100000000000000000000"])
def test_malformed_page_gives_first_page_with_message(client, catalogue, page):
    response = client.get(f"{LIST}?page={page}")
    assert response.status_code == 200
    assert response.context["page_obj"].number == 1
    assert "is not a page number" in response.content.decode()


def test_page_past_the_end_gives_last_page_with_message(client, catalogue):
    response = client.get(f"{LIST}?page=7")
    assert response.context["page_obj"].number == 1
    assert "There is no page 7" in response.content.decode()


def test_pagination_keeps_the_filters(client, settings):
    settings.INITIATIVES_PER_PAGE = 2
    division = DivisionFactory(slug="lead")
    for _ in range(5):
        InitiativeFactory(lead_division=division)
    InitiativeFactory()  # another division: filtered out

    first = client.get(f"{LIST}?division=lead&status=ongoing")
    html = first.content.decode()
    assert first.context["page_obj"].paginator.count == 5
    assert 'href="?division=lead&amp;status=ongoing&amp;page=2" rel="next"' in html

    third = client.get(f"{LIST}?division=lead&status=ongoing&page=3")
    assert len(third.context["initiatives"]) == 1
    assert (
        'href="?division=lead&amp;status=ongoing&amp;page=2" rel="prev"' in third.content.decode()
    )


def test_detail_shows_milestones_reached_divisions_topics_and_states(client):
    support = DivisionFactory(name="External Relations Directorate")
    hidden_support = DivisionFactory(name="Unpublished Directorate", draft=True)
    initiative = InitiativeFactory(
        supporting_divisions=[support, hidden_support],
        topics=[TopicFactory(name="Connectivity"), TopicFactory(name="Hidden Topic", draft=True)],
        member_states=[MemberStateFactory(name="Viet Nam", slug="viet-nam", iso_code="VN")],
    )
    MilestoneFactory(initiative=initiative, title="Adopted", reached=datetime.date(2021, 1, 1))
    MilestoneFactory(initiative=initiative, title="Reviewed", reached=datetime.date(2022, 1, 1))
    MilestoneFactory(initiative=initiative, title="Completed", reached=None)

    html = client.get(initiative.get_absolute_url()).content.decode()

    assert "2 of 3 milestones reached" in html
    assert percentages(html) == [] and "<progress" not in html  # only indicators get a bar
    for text in ("Adopted", "Reviewed", "Completed", "External Relations Directorate"):
        assert text in html
    assert "Connectivity" in html and "Viet Nam" in html
    assert "Unpublished Directorate" not in html and "Hidden Topic" not in html
    assert "Some <em>Markdown</em> body." in html


def test_detail_draft_is_404_for_public_200_for_staff(client, staff_client):
    initiative = InitiativeFactory(draft=True)
    assert client.get(initiative.get_absolute_url()).status_code == 404
    response = staff_client.get(initiative.get_absolute_url())
    assert response.status_code == 200
    assert "Preview:" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_scheduled_initiative_is_hidden_until_its_time(client, staff_client):
    from django.utils import timezone

    future = InitiativeFactory(publish_at=timezone.now() + datetime.timedelta(days=1))
    expired = InitiativeFactory(unpublish_at=timezone.now() - datetime.timedelta(seconds=1))
    for initiative in (future, expired):
        assert client.get(initiative.get_absolute_url()).status_code == 404
        assert staff_client.get(initiative.get_absolute_url()).status_code == 200
    assert titles(client.get(LIST)) == []


def test_topic_page_lists_its_published_initiatives_and_faqs(client, staff_client):
    topic = TopicFactory(slug="disaster-management", name="Disaster management")
    InitiativeFactory(title="AADMER Work Programme", topics=[topic])
    InitiativeFactory(title="Draft Work", topics=[topic], draft=True)
    FAQFactory(question="Who responds to disasters?", topics=[topic])
    FAQFactory(question="Unpublished answer?", topics=[topic], draft=True)

    response = client.get(reverse("topics:detail", args=["disaster-management"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "AADMER Work Programme" in html and "Who responds to disasters?" in html
    assert "Draft Work" not in html and "Unpublished answer?" not in html

    draft_topic = TopicFactory(draft=True)
    assert client.get(draft_topic.get_absolute_url()).status_code == 404
    assert staff_client.get(draft_topic.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("rows", [1, 50])
def test_query_counts_do_not_grow_with_rows(queries_for, settings, rows):
    settings.PAGE_CACHE_ENABLED = False  # the second request is made, not answered from the cache
    division = DivisionFactory(slug="lead")
    topic = TopicFactory(slug="trade")
    state = MemberStateFactory(slug="brunei-darussalam", iso_code="BN")
    for _ in range(rows):
        initiative = InitiativeFactory(
            lead_division=division,
            supporting_divisions=[DivisionFactory()],
            topics=[topic, TopicFactory()],
            member_states=[state],
        )
        MilestoneFactory(initiative=initiative)
        FAQFactory(topics=[topic])
    counts = {
        "list": queries_for(LIST),
        "filtered list": queries_for(
            f"{LIST}?division=lead&topic=trade&member_state=brunei-darussalam&q=initiative"
        ),
        "detail": queries_for(initiative.get_absolute_url()),
        "topic": queries_for(topic.get_absolute_url()),
        "topic again": queries_for(topic.get_absolute_url()),
    }
    # The first query reads the content token; the filter choices (four, with the lead
    # division's), the list's count and the published topics (its cards' topics are named
    # from them) are worked out on the first request and remembered
    # (tests/public/test_query_counts.py). Words add the index's ranking of the page
    # (one query) and, once per content token, the acronym glossary; a division, once per
    # content token, how many initiatives it is in (three counts: they decide how its rows
    # are read, initiatives.filters). A detail page reads, in one statement
    # (caching.folded_queries), the initiative, its milestones, indicators, the documents it
    # rests on, its links, the citations of it and its parts (with their sources) and its
    # public record of changes; a topic's page its record of changes and its
    # sources, and the first time the size of each list longer than it shows (its
    # initiatives, its FAQs), then remembered per content token.
    long_lists = 2 if rows > SHOWN_INITIATIVES else 0
    assert counts == {
        "list": 9,
        "filtered list": 9,
        "detail": 2,
        "topic": 6 + long_lists,
        "topic again": 6,
    }


def test_a_topic_page_shows_a_few_initiatives_and_links_to_all(client):
    from initiatives.views import SHOWN_FAQS, SHOWN_INITIATIVES

    topic = TopicFactory(slug="busy-topic", name="Busy")
    for _ in range(SHOWN_INITIATIVES + 1):
        InitiativeFactory(topics=[topic])
    for _ in range(SHOWN_FAQS + 1):
        FAQFactory(topics=[topic])
    html = client.get(topic.get_absolute_url()).content.decode()
    assert html.count('<article class="card">') == SHOWN_INITIATIVES
    assert 'href="/initiatives/?topic=busy-topic"' in html
    assert html.count('<li><a href="/faqs/#') == SHOWN_FAQS
    assert 'href="/faqs/?topic=busy-topic"' in html


def test_the_last_page_read_from_the_end_matches_the_order_from_the_start(client, settings):
    settings.INITIATIVES_PER_PAGE = 3
    for title in ["Delta", "Alpha", "Echo", "Bravo", "Alpha", "Charlie", "Foxtrot"]:
        InitiativeFactory(title=title)
    forward = [i.title for i in Initiative.objects.published().order_by("title", "pk")]
    pages = [titles_in_order(client.get(f"{LIST}?page={n}")) for n in (1, 2, 3)]
    assert sum(pages, []) == forward  # page 3 lies past the middle: it is read from the end


def titles_in_order(response):
    return [i.title for i in response.context["initiatives"]]
