"""Open data: the FAQ list as CSV and JSON, with the same filters as the page."""

import csv
import io
import json

import pytest
from django.urls import reverse

from tests.factories import DivisionFactory, FAQFactory, TopicFactory

pytestmark = pytest.mark.django_db

LIST = reverse("faqs:list")
COLUMNS = [
    "slug",
    "question",
    "answer",
    "url",
    "division",
    "division_name",
    "topics",
    "updated_at",
]


def body(response):
    return b"".join(response.streaming_content).decode("utf-8-sig")  # CSV starts with a BOM


@pytest.fixture
def faqs():
    office = DivisionFactory(slug="office", name="Office of the Secretary-General", order=1)
    location = TopicFactory(slug="location", name="Location")
    history = TopicFactory(slug="history", name="History")
    FAQFactory(
        question="Where is it?",
        slug="where",
        answer="In **Jakarta**,\nIndonesia.",
        division=office,
        topics=[location, history],
        order=1,
    )
    FAQFactory(question="Who leads it?", slug="who", division=None, order=2)
    FAQFactory(question="Draft question?", division=office, draft=True)


def test_csv_of_every_published_question(client, faqs):
    response = client.get(f"{LIST}?format=csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="faqs.csv"'
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert list(rows[0]) == COLUMNS
    assert [row["question"] for row in rows] == ["Where is it?", "Who leads it?"]
    assert rows[0]["answer"] == "In **Jakarta**,\nIndonesia."  # Markdown, newline kept
    assert rows[0]["url"] == "http://testserver/faqs/#where"
    assert rows[0]["division"] == "office"
    assert rows[0]["topics"] == "history;location"
    assert rows[1]["division"] == rows[1]["division_name"] == ""


def test_json_with_the_same_filters_as_the_page(client, faqs):
    response = client.get(f"{LIST}?topic=location&format=json")
    data = json.loads(body(response))
    assert data["dataset"] == "faqs"
    assert data["columns"] == COLUMNS
    assert [item["question"] for item in data["items"]] == ["Where is it?"]
    assert data["items"][0]["topics"] == ["history", "location"]
    page = client.get(f"{LIST}?topic=location")
    assert [faq.question for faq in page.context["faqs"]] == ["Where is it?"]


def test_a_bad_filter_gives_a_clear_400(client, faqs):
    response = client.get(f"{LIST}?division=nowhere&format=csv")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "There is no division “nowhere”." in response.content.decode()
    assert client.get(f"{LIST}?format=pdf").status_code == 400


def test_the_faq_page_links_to_its_downloads(client, faqs):
    html = client.get(f"{LIST}?topic=location").content.decode()
    assert 'href="?topic=location&amp;format=csv"' in html
    assert 'href="?topic=location&amp;format=json"' in html
