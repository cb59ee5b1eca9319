"""The initiatives list's edges (issue 18 points 2 and 4, issue 13 point 8's lists): a tidy
address after a filter is applied, fields that explain themselves, a form that folds on
phones and lands on the results, archived initiatives on request, overview bars that never
lead to an empty list, and topic pages that say how many they show of how many."""

import re

import pytest
from django.urls import reverse

from divisions.views import SHOWN_FAQS, SHOWN_INITIATIVES
from publishing.content import State
from tests.factories import DivisionFactory, FAQFactory, InitiativeFactory, TopicFactory

pytestmark = pytest.mark.django_db

LIST = reverse("initiatives:list")


def titles(response):
    return [i.title for i in response.context["initiatives"]]


@pytest.mark.parametrize(
    ("query", "tidy"),
    [
        (
            "q=&division=&lead_division=&topic=&status=ongoing&pillar=&member_state=",
            "?status=ongoing",
        ),
        ("q=&division=&lead_division=&topic=&status=&pillar=&member_state=", ""),
        ("q=+&status=ongoing&page=2", "?status=ongoing&page=2"),  # the page number is kept
        ("page=&status=completed&format=", "?status=completed"),
        ("utm_source=&q=trade+window", "?q=trade+window"),
    ],
)
def test_empty_parameters_are_redirected_to_the_tidy_address(client, query, tidy):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 302
    assert response["Location"] == f"{LIST}{tidy}"


def test_a_tidy_address_is_answered_without_a_redirect(client):
    InitiativeFactory(title="Ongoing thing")
    for query in ("", "?status=ongoing", "?status=ongoing&page=1", "?q=thing"):
        assert client.get(f"{LIST}{query}").status_code == 200, query


def test_the_faq_list_is_tidied_too(client):
    response = client.get(f"{reverse('faqs:list')}?q=&topic=&division=&order=division")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('faqs:list')}?order=division"


def test_every_filter_field_explains_itself(client):
    html = client.get(LIST).content.decode()
    for name, help_text in [
        ("division", "Initiatives the division leads or supports."),
        ("lead_division", "Only the initiatives the division leads."),
        ("member_state", "Initiatives the Member State takes part in."),
    ]:
        assert f'<p class="help" id="id_{name}-help">{help_text}</p>' in html
        assert re.search(rf'<select name="{name}"[^>]*aria-describedby="id_{name}-help"', html)
    for name in ("q", "topic", "status", "pillar"):
        assert f'id="id_{name}-help"' in html


def test_the_form_folds_names_its_active_filters_and_lands_on_the_results(client):
    InitiativeFactory(title="Ongoing thing")
    html = client.get(LIST).content.decode()
    assert '<details class="filter-disclosure">' in html  # closed: the stylesheet opens it
    assert "<summary>Filter</summary>" in html
    assert f'<form method="get" action="{LIST}#results">' in html
    assert '<h2 id="results" tabindex="-1">1 initiative</h2>' in html

    html = client.get(LIST, {"status": "ongoing", "pillar": "economic"}).content.decode()
    assert '<summary>Filter <span class="filter-count">(2 active)</span></summary>' in html

    html = client.get(LIST, {"status": "nonsense"}).content.decode()
    assert '<details class="filter-disclosure" open>' in html  # an error is never folded away


def test_archived_initiatives_are_listed_on_request_and_labelled(client):
    lead = DivisionFactory(slug="lead")
    InitiativeFactory(title="Current work", lead_division=lead)
    InitiativeFactory(title="Old plan", lead_division=lead, state=State.ARCHIVED)
    InitiativeFactory(title="Old draft", state=State.DRAFT)

    assert titles(client.get(LIST)) == ["Current work"]
    response = client.get(LIST, {"status": "archived"})
    html = response.content.decode()
    assert response.status_code == 200
    assert titles(response) == ["Old plan"]
    assert "1 archived initiative</h2>" in html
    assert '<span class="status status-archived">Archived</span>' in html
    assert "no longer current" in html
    assert '<option value="archived" selected>' in html
    # The other filters still apply to the archived list.
    assert titles(client.get(LIST, {"status": "archived", "lead_division": "lead"})) == ["Old plan"]
    assert titles(client.get(LIST, {"status": "archived", "pillar": "social"})) == []
    assert "status-archived" not in client.get(LIST).content.decode()


def test_an_overview_bar_of_zero_is_text_not_a_link(client):
    InitiativeFactory(status="ongoing")
    html = client.get(reverse("initiatives:overview")).content.decode()
    assert '<a href="/initiatives/?status=ongoing">' in html
    assert 'href="/initiatives/?status=suspended"' not in html
    assert '<span class="bar-empty">' in html


def test_a_topic_page_says_how_many_it_shows_of_how_many(client):
    topic = TopicFactory(slug="trade", name="Trade")
    for _ in range(SHOWN_INITIATIVES + 3):
        InitiativeFactory(topics=[topic])
    for _ in range(SHOWN_FAQS + 2):
        FAQFactory(topics=[topic])
    html = client.get(topic.get_absolute_url()).content.decode()
    total = SHOWN_INITIATIVES + 3
    assert f"Showing {SHOWN_INITIATIVES} of {total} initiatives on Trade" in html
    assert f'<a href="/initiatives/?topic=trade">See all {total} initiatives on Trade</a>' in html
    assert f"Showing {SHOWN_FAQS} of {SHOWN_FAQS + 2} questions" in html
    assert f'href="/faqs/?topic=trade">See all {SHOWN_FAQS + 2} questions on Trade' in html


def test_an_empty_topic_says_where_to_go_and_leaves_questions_out(client):
    topic = TopicFactory(slug="quiet", name="Quiet")
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "No initiative on this portal is filed under Quiet yet." in html
    assert 'href="/initiatives/">Browse all initiatives</a>' in html
    assert 'id="faqs-title"' not in html
