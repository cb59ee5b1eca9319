"""The initiatives list's word filter (``?q=``) is the site search: quoted phrases, stemmed
words and acronyms find what /search/ finds, best match first, page after page."""

import pytest
from django.urls import reverse

from search.models import GlossaryEntry
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

LIST = reverse("initiatives:list")


def titles(response):
    return [initiative.title for initiative in response.context["initiatives"]]


@pytest.fixture
def catalogue(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        GlossaryEntry.objects.update_or_create(
            acronym="AADMER", defaults={"expansion": "Agreement on Disaster Management"}
        )
        InitiativeFactory(
            title="ASEAN Single Window",
            summary="Customs declarations lodged once for every member state.",
        )
        InitiativeFactory(
            title="Window of opportunity for single traders",
            summary="Both words, but never side by side.",
        )
        InitiativeFactory(
            title="Regional agreement on disaster management",
            summary="Joint response when disasters strike.",
        )
        InitiativeFactory(title="Harmonised standards", summary="Standards for traded goods.")


def test_a_quoted_phrase_finds_the_words_side_by_side(client, catalogue):
    response = client.get(LIST, {"q": '"single window"'})
    assert response.status_code == 200
    assert titles(response) == ["ASEAN Single Window"]


def test_unquoted_words_find_them_anywhere(client, catalogue):
    response = client.get(LIST, {"q": "single window"})
    assert sorted(titles(response)) == [
        "ASEAN Single Window",
        "Window of opportunity for single traders",
    ]


def test_a_stemmed_word_finds_its_variants(client, catalogue):
    # Not the last word typed, which also matches as a prefix (people are still typing it).
    assert titles(client.get(LIST, {"q": "declaration customs"})) == ["ASEAN Single Window"]
    assert titles(client.get(LIST, {"q": "disasters joint"})) == [
        "Regional agreement on disaster management"
    ]


def test_an_acronym_finds_its_expansion(client, catalogue):
    response = client.get(LIST, {"q": "AADMER"})
    assert titles(response) == ["Regional agreement on disaster management"]


def test_words_that_cannot_be_searched_for_leave_the_list_whole_and_say_so(client, catalogue):
    response = client.get(LIST, {"q": "the of"})
    assert response.status_code == 200
    assert len(titles(response)) == 4
    assert "too common to search for" in response.content.decode()


def test_the_best_match_comes_first_and_pages_follow_the_ranking(client, settings):
    settings.INITIATIVES_PER_PAGE = 2
    # A title match outranks a summary match (as on /search/); the rest is by title.
    InitiativeFactory(title="Aardvark plan", summary="Mentions mangroves once.")
    InitiativeFactory(title="Mangroves", summary="Mangroves, mangroves and mangroves.")
    InitiativeFactory(title="Beetle plan", summary="Mentions mangroves too.")
    InitiativeFactory(title="Unrelated", summary="Nothing here.")
    first = client.get(LIST, {"q": "mangroves"})
    second = client.get(LIST, {"q": "mangroves", "page": 2})
    assert first.context["page_obj"].paginator.count == 3
    assert titles(first)[0] == "Mangroves"
    shown = titles(first) + titles(second)
    assert sorted(shown) == ["Aardvark plan", "Beetle plan", "Mangroves"]
    assert 'href="?q=mangroves&amp;page=2" rel="next"' in first.content.decode()


def test_words_combine_with_the_other_filters_and_the_downloads(client, catalogue):
    InitiativeFactory(title="Single window pilot", status="completed")
    response = client.get(LIST, {"q": '"single window"', "status": "completed"})
    assert titles(response) == ["Single window pilot"]
    download = client.get(LIST, {"q": '"single window"', "format": "csv"})
    csv = b"".join(download.streaming_content).decode()
    assert "ASEAN Single Window" in csv and "Single window pilot" in csv
    assert "Window of opportunity" not in csv
