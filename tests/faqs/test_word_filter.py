"""The FAQ list's word filter (``?q=``) is the site search: quoted phrases, stemmed words
and acronyms find what /search/ finds; best match first (within each division when the
questions are grouped by division)."""

import pytest
from django.urls import reverse

from faqs.models import FAQ
from search.filtering import WordMatch
from search.models import DocumentKind, GlossaryEntry
from tests.factories import DivisionFactory, FAQFactory

pytestmark = pytest.mark.django_db

LIST = reverse("faqs:list")


def questions(response):
    return [faq.question for faq in response.context["faqs"]]


@pytest.fixture
def faqs(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        GlossaryEntry.objects.update_or_create(
            acronym="ASW", defaults={"expansion": "ASEAN Single Window"}
        )
        office = DivisionFactory(slug="office", order=1)
        trade = DivisionFactory(slug="trade", order=2)
        FAQFactory(question="How do I use the ASEAN Single Window?", division=trade, order=1)
        FAQFactory(question="Is there a window for single applicants?", division=office, order=1)
        FAQFactory(question="Who negotiates tariffs?", division=trade, order=2)
        FAQFactory(
            question="What is tariff negotiation about?",
            answer="Tariffs, tariffs and tariffs.",
            division=trade,
            order=3,
        )


def test_a_quoted_phrase_finds_the_words_side_by_side(client, faqs):
    response = client.get(LIST, {"q": '"single window"'})
    assert response.status_code == 200
    assert questions(response) == ["How do I use the ASEAN Single Window?"]


def test_a_stemmed_word_finds_its_variants(client, faqs):
    response = client.get(LIST, {"q": "negotiating"})
    assert sorted(questions(response)) == [
        "What is tariff negotiation about?",
        "Who negotiates tariffs?",
    ]


def test_an_acronym_finds_its_expansion(client, faqs):
    assert questions(client.get(LIST, {"q": "ASW"})) == ["How do I use the ASEAN Single Window?"]


def test_within_a_division_the_best_match_comes_first(client, faqs):
    response = client.get(LIST, {"q": "tariffs", "division": "trade"})
    assert questions(response) == ["What is tariff negotiation about?", "Who negotiates tariffs?"]


def test_in_the_sources_order_the_best_match_comes_first(client, faqs):
    response = client.get(LIST, {"q": "single window"})
    # The engine's ranking (each database's own), not the source's order nor the divisions'.
    ranked = WordMatch("single window", DocumentKind.FAQ).ranked_ids(
        FAQ.objects.published(), 0, None
    )
    assert questions(response) == [FAQ.objects.get(pk=pk).question for pk in ranked]
    assert len(ranked) == 2


def test_by_division_the_divisions_keep_their_order(client, faqs):
    response = client.get(LIST, {"q": "single window", "order": "division"})
    assert questions(response) == [
        "Is there a window for single applicants?",
        "How do I use the ASEAN Single Window?",
    ]
