"""Facets: counts under the current query, links that narrow, one-click removal."""

import pytest

from tests.factories import DivisionFactory, FAQFactory, InitiativeFactory, TopicFactory

from .search_helpers import facet, messages, search, titles, total

pytestmark = pytest.mark.django_db


@pytest.fixture
def trade_content():
    economic = DivisionFactory(name="Economic Department", slug="economic")
    social = DivisionFactory(name="Social Department", slug="social")
    hidden = DivisionFactory(name="Hidden Department", slug="hidden", draft=True)
    customs = TopicFactory(name="Customs", slug="customs")
    jobs = TopicFactory(name="Jobs", slug="jobs")
    InitiativeFactory(title="Trade Facilitation", lead_division=economic, topics=[customs])
    InitiativeFactory(
        title="Trade and Jobs",
        lead_division=social,
        supporting_divisions=[economic, hidden],
        topics=[jobs, customs],
    )
    InitiativeFactory(title="Trade Draft", lead_division=economic, draft=True)
    InitiativeFactory(title="Health Workers", lead_division=social, topics=[jobs])
    FAQFactory(
        question="How does trade work?", answer="Openly.", division=economic, topics=[customs]
    )
    return {"economic": economic, "social": social, "customs": customs, "jobs": jobs}


def test_facet_counts_follow_the_query(client, trade_content):
    response = search(client, q="trade")
    assert total(response) == 3
    assert facet(response, "type") == {"Initiatives": 2, "FAQs": 1}
    assert facet(response, "division") == {"Economic Department": 3, "Social Department": 1}
    assert facet(response, "topic") == {"Customs": 3, "Jobs": 1}


def test_a_facet_link_narrows_and_a_remove_link_widens(client, trade_content):
    response = search(client, q="trade")
    jobs_link = next(g for g in response.context["facets"] if g.name == "topic").values[1].url
    assert jobs_link == "/search/?q=trade&topic=jobs"

    narrowed = client.get(jobs_link)
    assert titles(narrowed) == ["Trade and Jobs"]
    assert facet(narrowed, "division") == {"Economic Department": 1, "Social Department": 1}
    topic_group = next(g for g in narrowed.context["facets"] if g.name == "topic")
    assert topic_group.active == "Jobs" and topic_group.remove_url == "/search/?q=trade"
    html = narrowed.content.decode()
    assert 'href="/search/?q=trade"' in html  # remove the one filter
    assert "Clear all filters" in html


def test_facets_combine_and_each_can_be_removed_alone(client, trade_content):
    response = search(client, q="trade", type="initiative", division="economic", topic="customs")
    assert titles(response) == ["Trade and Jobs", "Trade Facilitation"] or titles(response) == [
        "Trade Facilitation",
        "Trade and Jobs",
    ]
    removals = {g.name: g.remove_url for g in response.context["facets"] if g.active}
    assert removals == {
        "type": "/search/?q=trade&division=economic&topic=customs",
        "division": "/search/?q=trade&type=initiative&topic=customs",
        "topic": "/search/?q=trade&type=initiative&division=economic",
    }


def test_a_filter_narrower_than_the_words_counts_and_lists_the_same(client, trade_content):
    """Words found in many documents with a filter that holds few (SQLite then tests the
    filter on each match from its own table): the same answers as any other filter."""
    for n in range(6):
        InitiativeFactory(title=f"Trade corridor {n}")
    response = search(client, q="trade", type="faq")
    assert titles(response) == ["How does trade work?"]
    assert facet(response, "type") == {"FAQs": 1}
    assert facet(response, "topic") == {"Customs": 1}
    jobs = search(client, q="trade", topic="jobs", type="initiative")
    assert titles(jobs) == ["Trade and Jobs"]
    assert facet(jobs, "division") == {"Economic Department": 1, "Social Department": 1}
    assert titles(search(client, q="trade", type="division")) == []


def test_an_empty_query_with_a_facet_lists_everything_in_it(client, trade_content):
    response = search(client, topic="jobs")
    assert set(titles(response)) == {"Jobs", "Trade and Jobs", "Health Workers"}
    assert facet(response, "type") == {"Initiatives": 2, "Topics": 1}
    by_division = search(client, division="economic")
    assert set(titles(by_division)) == {
        "Economic Department",
        "Trade Facilitation",
        "Trade and Jobs",
        "How does trade work?",
    }
    assert titles(by_division)[0] == "Economic Department"  # divisions first, then the rest


def test_nothing_asked_offers_every_type_division_and_topic_to_browse(client, trade_content):
    response = search(client)
    assert response.context["search"].is_empty
    division_links = [v.url for v in response.context["facets"][1].values]
    assert "/search/?division=economic" in division_links
    assert "/search/?division=hidden" not in division_links


def test_drafts_never_appear_not_even_as_facets(client, trade_content):
    response = search(client, q="trade")
    assert "Trade Draft" not in titles(response)
    assert "Hidden Department" not in facet(response, "division")
    assert search(client, q="draft").context["hits"] == []
    assert search(client, q="hidden").context["hits"] == []


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"topic": "no-such-topic"}, "There is no topic “no-such-topic”."),
        ({"division": "hidden"}, "There is no division “hidden”."),
        ({"type": "page"}, "There is no type “page”"),
        ({"division": "../../etc/passwd\x00"}, "There is no division"),
    ],
)
def test_unknown_facets_are_reported_and_left_out(client, trade_content, params, message):
    response = search(client, expected_status=400, q="trade", **params)
    assert any(message in m for m in messages(response))
    assert total(response) == 3  # the search still runs, without the bad filter


def test_a_repeated_facet_uses_the_first_value_and_says_so(client, trade_content):
    response = client.get("/search/?q=trade&topic=jobs&topic=customs")
    assert response.status_code == 200
    assert titles(response) == ["Trade and Jobs"]
    assert any("one topic at a time" in m for m in messages(response))
