"""What search finds, and in which order: relevance, stemming, prefixes, phrases, typos and
acronyms. The same tests run on SQLite (FTS5) and PostgreSQL (tsvector and pg_trgm)."""

import pytest

from search.models import GlossaryEntry
from tests.factories import DivisionFactory, FAQFactory, InitiativeFactory, TopicFactory

from .search_helpers import search, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    """A small hand-made corpus where each word sits in a known place."""
    division = DivisionFactory(
        name="Connectivity Division",
        slug="connectivity-division",
        summary="Looks after transport and digital links.",
        mandate="Runs the **Master Plan** work on roads, ports and broadband.",
    )
    topic = TopicFactory(name="Disaster Management", slug="disaster-management")
    return {
        "title": InitiativeFactory(
            title="Regional Coordination Framework",
            summary="A framework for member states.",
            body="Meetings twice a year.",
            lead_division=division,
        ),
        "summary": InitiativeFactory(
            title="Ports Programme",
            summary="Improves coordination of port inspections.",
            body="Inspections and audits.",
            lead_division=division,
        ),
        "body": InitiativeFactory(
            title="Broadband Roadmap",
            summary="Faster internet for rural areas.",
            body="Long text. The roadmap's coordination happens in working groups.",
            lead_division=division,
            topics=[topic],
        ),
        "faq": FAQFactory(
            question="Who is responsible for disaster response?",
            answer="The AHA Centre coordinates emergency response with the secretariat.",
            division=division,
            topics=[topic],
        ),
        "division": division,
        "topic": topic,
    }


def test_a_title_match_outranks_a_summary_match_which_outranks_a_body_match(client, corpus):
    found = titles(search(client, q="coordination"))
    assert found[:2] == ["Regional Coordination Framework", "Ports Programme"]
    assert set(found[2:]) == {"Broadband Roadmap", "Who is responsible for disaster response?"}


def test_every_kind_of_content_is_searched(client, corpus):
    assert "Connectivity Division" in titles(search(client, q="broadband"))
    assert "Disaster Management" in titles(search(client, q="disaster"))
    assert "Who is responsible for disaster response?" in titles(search(client, q="responsible"))


def test_results_show_their_type_division_topics_and_a_marked_snippet(client, corpus):
    response = search(client, q="roadmap working groups")
    hit = response.context["hits"][0]
    assert hit.kind_label == "Initiative"
    assert [d.name for d in hit.divisions] == ["Connectivity Division"]
    assert [t.name for t in hit.topics] == ["Disaster Management"]
    html = response.content.decode()
    assert "<mark>working</mark>" in html and "<mark>groups</mark>" in html
    assert '<p class="result-type">Initiative</p>' in html


def test_stemming_finds_other_forms_of_a_word(client, corpus):
    assert "Regional Coordination Framework" in titles(search(client, q="coordinating"))
    assert "Who is responsible for disaster response?" in titles(search(client, q="coordinated"))


def test_the_last_word_also_matches_as_a_prefix(client, corpus):
    assert titles(search(client, q="broadb")) == ["Broadband Roadmap", "Connectivity Division"]
    # The one item with both words comes first; items with one of them follow (few had both).
    response = search(client, q="roadmap broadb")
    assert titles(response)[0] == "Broadband Roadmap"
    assert response.context["search"].with_every_word == 1


def test_a_phrase_in_quotes_matches_only_as_a_phrase(client, corpus):
    InitiativeFactory(title="Response to emergency", body="Different order of the words.")
    phrase = titles(search(client, q='"emergency response"'))
    assert phrase == ["Who is responsible for disaster response?"]  # one clause: no fallback
    response = search(client, q="emergency response")
    assert response.context["search"].with_every_word == 2
    words = titles(response)
    assert set(words[:2]) == {"Who is responsible for disaster response?", "Response to emergency"}


def test_a_typo_still_finds_what_was_meant_and_offers_the_correction(client, corpus):
    response = search(client, q="secretariet")
    assert titles(response) == ["Who is responsible for disaster response?"]
    assert response.context["search"].suggestion == "secretariat"
    html = response.content.decode()
    assert "Showing results for “" in html and "1 result for “secretariat”" in html
    assert 'href="/search/?q=secretariat"' in html
    # The words as typed, never corrected.
    assert 'search instead for <a href="/search/?q=secretariet&amp;exact=1">' in html
    exact = search(client, q="secretariet", exact="1")
    assert exact.context["search"].suggestion == "" and titles(exact) == []

    response = search(client, q="conectivity")
    assert "Connectivity Division" in titles(response)
    assert response.context["search"].suggestion == "connectivity"


def test_a_typo_next_to_a_correct_word_is_corrected_alone(client, corpus):
    response = search(client, q="broadband roadmpa")
    assert response.context["search"].suggestion == "broadband roadmap"
    assert titles(response)[0] == "Broadband Roadmap"


def test_no_suggestion_when_the_words_are_found(client, corpus):
    response = search(client, q="inspections")
    assert response.context["search"].suggestion == ""
    assert "Did you mean" not in response.content.decode()


def test_acronyms_find_their_expansion_and_expansions_find_the_acronym(client, corpus):
    GlossaryEntry.objects.update_or_create(
        acronym="AHA",
        defaults={"expansion": "ASEAN Coordinating Centre for Humanitarian Assistance"},
    )
    GlossaryEntry.objects.update_or_create(
        acronym="MPAC", defaults={"expansion": "Master Plan on ASEAN Connectivity"}
    )
    long_name = InitiativeFactory(
        title="Stock-take", body="Run by the ASEAN Coordinating Centre for Humanitarian Assistance."
    )
    mpac = InitiativeFactory(title="MPAC 2025 review", body="A review.")
    full = InitiativeFactory(title="Master Plan on ASEAN Connectivity 2025", body="The plan.")

    by_acronym = titles(search(client, q="aha"))
    assert long_name.title in by_acronym
    assert "Who is responsible for disaster response?" in by_acronym

    by_name = titles(search(client, q="master plan on asean connectivity"))
    assert mpac.title in by_name and full.title in by_name
    response = search(client, q="MPAC")
    assert full.title in titles(response) and mpac.title in titles(response)
    assert "also finds" in response.content.decode()


def test_common_words_alone_are_explained_not_searched(client, corpus):
    response = search(client, q="the of and")
    assert response.context["hits"] == []
    assert any("too common" in note for note in response.context["notes"])
