"""Open data: the initiatives list as CSV and JSON, with the same filters as the page."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse

from initiatives.models import Initiative
from public import opendata
from tests.factories import (
    DivisionFactory,
    InitiativeFactory,
    MemberStateFactory,
    MilestoneFactory,
    TopicFactory,
)
from tests.responses import text_of

pytestmark = pytest.mark.django_db

LIST = reverse("initiatives:list")
COLUMNS = [
    "slug",
    "title",
    "summary",
    "url",
    "status",
    "pillar",
    "lead_division",
    "lead_division_name",
    "supporting_divisions",
    "topics",
    "member_states",
    "start_date",
    "end_date",
    "milestones",
    "milestones_done",
    "progress",
    "updated_at",
]


def body(response):
    return b"".join(response.streaming_content).decode("utf-8-sig")  # CSV starts with a BOM


def csv_rows(client, query):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200, body(response) if response.streaming else response
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="initiatives.csv"'
    reader = csv.reader(io.StringIO(body(response)))
    header = next(reader)
    assert header == COLUMNS  # the documented, stable column names, in order
    return [dict(zip(header, row, strict=True)) for row in reader]


def json_data(client, query):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(body(response))


@pytest.fixture
def catalogue(taxonomy):
    econ, socio, trade, health = taxonomy.econ, taxonomy.socio, taxonomy.trade, taxonomy.health
    hidden_topic = TopicFactory(slug="hidden", draft=True)
    indonesia = MemberStateFactory(slug="indonesia", name="Indonesia", iso_code="ID")
    timor = MemberStateFactory(slug="timor-leste", name="Timor-Leste", iso_code="TL")
    window = InitiativeFactory(
        title="Single Window",
        slug="single-window",
        summary='Customs, "one stop", at the border',
        lead_division=econ,
        topics=[trade, hidden_topic],
        member_states=[indonesia, timor],
        start_date=datetime.date(2015, 1, 1),
        end_date=None,
    )
    MilestoneFactory(initiative=window, done_on=datetime.date(2020, 1, 1))
    MilestoneFactory(initiative=window)
    MilestoneFactory(initiative=window, done_on=datetime.date(2021, 1, 1))
    InitiativeFactory(
        title="Health Plan",
        slug="health-plan",
        lead_division=socio,
        supporting_divisions=[econ],
        topics=[health, trade],
        status=Initiative.Status.COMPLETED,
    )
    InitiativeFactory(title="Draft Plan", lead_division=econ, topics=[trade], draft=True)


def test_csv_of_every_published_initiative(client, catalogue):
    rows = csv_rows(client, "format=csv")
    assert [row["title"] for row in rows] == ["Health Plan", "Single Window"]
    window = rows[1]
    assert window["slug"] == "single-window"
    assert window["summary"] == 'Customs, "one stop", at the border'  # quoted, not split
    assert window["url"] == "http://testserver/initiatives/single-window/"
    assert window["status"] == "ongoing" and window["pillar"] == "economic"
    assert window["lead_division"] == "economic"
    assert window["lead_division_name"] == "Economic Community Department"
    assert window["topics"] == "trade"  # a draft topic is not published data
    assert window["member_states"] == "ID;TL"
    assert window["start_date"] == "2015-01-01" and window["end_date"] == ""
    assert (window["milestones"], window["milestones_done"], window["progress"]) == (
        "3",
        "2",
        "67",
    )
    assert window["updated_at"].endswith("Z")
    assert rows[0]["supporting_divisions"] == "economic"
    assert rows[0]["progress"] == ""  # no milestones


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("division=economic", ["Health Plan", "Single Window"]),
        ("lead_division=economic", ["Single Window"]),
        ("topic=health", ["Health Plan"]),
        ("status=completed", ["Health Plan"]),
        ("member_state=timor-leste", ["Single Window"]),
        ("division=economic&topic=trade&q=window", ["Single Window"]),
        ("division=socio-cultural&topic=trade&status=ongoing", []),
    ],
)
def test_the_same_filters_as_the_page(client, catalogue, query, expected):
    page = client.get(f"{LIST}?{query}")
    assert sorted(i.title for i in page.context["initiatives"]) == expected
    assert [row["title"] for row in csv_rows(client, f"{query}&format=csv")] == expected
    assert [item["title"] for item in json_data(client, f"{query}&format=json")["items"]] == (
        expected
    )


def test_json_says_what_it_is_and_keeps_lists_and_nulls(client, catalogue):
    data = json_data(client, "topic=trade&format=json")
    assert data["dataset"] == "initiatives"
    assert (data["count"], data["page"], data["pages"], data["next"]) == (2, 1, 1, None)
    assert data["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["source"] == "http://testserver/initiatives/?topic=trade&format=json"
    assert data["columns"] == COLUMNS
    window = data["items"][1]
    assert list(window) == COLUMNS
    assert window["member_states"] == ["ID", "TL"]
    assert window["end_date"] is None
    assert window["milestones"] == 3 and window["progress"] == 67
    assert data["items"][0]["progress"] is None


def test_an_export_is_the_whole_list_not_one_page_of_the_web_page(client, catalogue, settings):
    settings.INITIATIVES_PER_PAGE = 1
    assert len(csv_rows(client, "format=csv")) == 2


def test_a_long_export_comes_in_pages_that_point_to_the_next(client, catalogue, monkeypatch):
    monkeypatch.setattr(opendata, "EXPORT_PAGE_SIZE", 1)
    first = client.get(f"{LIST}?format=csv")
    assert first["Link"].endswith('<http://testserver/initiatives/?format=csv&page=2>; rel="next"')
    assert first["Content-Disposition"] == 'attachment; filename="initiatives-page-1.csv"'
    second = json_data(client, "format=json&page=2")
    assert [item["title"] for item in second["items"]] == ["Single Window"]
    assert (second["count"], second["page"], second["pages"], second["next"]) == (2, 2, 2, None)
    response = client.get(f"{LIST}?format=csv&page=3")
    assert response.status_code == 400
    assert "There is no page “3” of this download: it has 2 pages" in response.content.decode()


def test_rows_keep_their_own_related_lists_across_chunks(client, catalogue, monkeypatch):
    whole = json_data(client, "format=json")["items"]
    monkeypatch.setattr(opendata, "CHUNK_SIZE", 1)
    assert json_data(client, "format=json")["items"] == whole
    assert [row["topics"] for row in whole] == [["health", "trade"], ["trade"]]


def test_responses_carry_the_licence(client, catalogue):
    response = client.get(f"{LIST}?format=json")
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("division=nowhere&format=csv", "There is no division “nowhere”."),
        ("status=lost&format=csv", "There is no status “lost”."),
        ("q=" + "x" * 300 + "&format=csv", "at most 200 characters"),
    ],
)
def test_a_bad_filter_gives_a_clear_400_not_a_broken_file(client, catalogue, query, message):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert message in response.content.decode()
    assert "Content-Disposition" not in response


def test_a_bad_filter_in_json_answers_json(client, catalogue):
    response = client.get(f"{LIST}?topic=nothing&format=json")
    assert response.status_code == 400
    assert response.json() == {"errors": ["There is no topic “nothing”."]}


def test_an_unknown_format_is_shown_on_the_page(client, catalogue):
    response = client.get(f"{LIST}?format=xml")
    assert response.status_code == 400
    assert "There is no format “xml”: use csv or json" in response.content.decode()


def test_the_list_page_links_to_its_downloads_with_its_filters(client, catalogue):
    html = client.get(f"{LIST}?division=economic&page=1").content.decode()
    assert 'href="?division=economic&amp;format=csv"' in html
    assert 'href="?division=economic&amp;format=json"' in html
    assert 'href="/data/#initiatives"' in html
    assert "format=csv" not in text_of(client, LIST, status=400, division="nowhere")


@pytest.mark.parametrize("rows", [1, 12])
def test_export_query_count_does_not_grow_with_rows(
    client, django_assert_num_queries, settings, rows
):
    division, topic = DivisionFactory(slug="lead"), TopicFactory(slug="trade")
    for _ in range(rows):
        initiative = InitiativeFactory(
            lead_division=division,
            supporting_divisions=[DivisionFactory()],
            topics=[topic],
            member_states=[MemberStateFactory()],
        )
        MilestoneFactory(initiative=initiative)
    # The count, then one chunk: the rows; published topics, published divisions and member
    # states (small lookups); the three link tables; milestone counts.
    # Each starts with the content token's read (caching.page_cache).
    with django_assert_num_queries(10):
        csv_rows(client, "format=csv")
    with django_assert_num_queries(11):  # + the division the filter names
        json_data(client, "division=lead&format=json")
