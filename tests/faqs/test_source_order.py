"""The FAQ page's default order is the source article's: the seed gives each question its
place in the article, and the extra questions come after the article's own."""

import pytest

from tests.seed.loading import ARTICLE_QUESTIONS, load

pytestmark = pytest.mark.django_db


def test_the_seeded_faqs_read_in_the_articles_order(client):
    load()
    shown = [faq.question for faq in client.get("/faqs/").context["faqs"]]
    assert shown[: len(ARTICLE_QUESTIONS)] == ARTICLE_QUESTIONS
    assert shown[1] == "Where is the ASEAN Secretariat located?"  # not under a directorate
    grouped = [faq.question for faq in client.get("/faqs/?order=division").context["faqs"]]
    assert sorted(grouped) == sorted(shown) and grouped != shown
