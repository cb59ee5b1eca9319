"""Open data: the initiatives list as CSV and JSON, with the same filters as the page."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse

from initiatives.models import Initiative
from partial_dates import PartialDate
from public import opendata
from tests.factories import (
    DivisionFactory,
    InitiativeFactory,
    MemberStateFactory,
    MilestoneFactory,
    SourceFactory,
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
    "member_state_slugs",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "milestones",
    "milestones_reached",
    "updated_at",
]
UNSOURCED = {"source": None, "source_key": None}
JSON_COLUMNS = [*COLUMNS[:-1], "milestone_list", "updated_at"]


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
        planned_start=PartialDate(2015, 6),
        planned_end=None,
        actual_start=datetime.date(2015, 6, 23),
    )
    source = SourceFactory(key="asw", title="Agreement on the Window")
    MilestoneFactory(
        initiative=window, title="Signed", planned=None, reached=PartialDate(2020), source=source
    )
    MilestoneFactory(initiative=window, title="Live", planned=PartialDate(2026, 3), order=2)
    MilestoneFactory(
        initiative=window, title="Pilot", planned=PartialDate(2021), reached="2021-01", order=1
    )
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
    # Dates as precise as they are known: reduced ISO 8601.
    assert (window["planned_start"], window["planned_end"]) == ("2015-06", "")
    assert (window["actual_start"], window["actual_end"]) == ("2015-06-23", "")
    # Counted, never a percentage.
    assert (window["milestones"], window["milestones_reached"]) == ("3", "2")
    assert window["updated_at"].endswith("Z")
    assert rows[0]["supporting_divisions"] == "economic"
    assert rows[0]["milestones"] == "0"
    assert "%" not in body(client.get(f"{LIST}?format=csv"))


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
    assert data["columns"] == JSON_COLUMNS
    window = data["items"][1]
    assert list(window) == JSON_COLUMNS
    assert window["member_states"] == ["ID", "TL"]
    assert (window["planned_start"], window["planned_end"]) == ("2015-06", None)
    assert (window["milestones"], window["milestones_reached"]) == (3, 2)
    assert window["milestone_list"] == [
        {
            "title": "Signed",
            "planned": None,
            "reached": "2020",
            "source": "Agreement on the Window",
            "source_key": "asw",
        },
        {
            "title": "Pilot",
            "planned": "2021",
            "reached": "2021-01",
            "source": None,
            "source_key": None,
        },
        {
            "title": "Live",
            "planned": "2026-03",
            "reached": None,
            "source": None,
            "source_key": None,
        },
    ]
    assert data["items"][0]["milestone_list"] == []
    assert "progress" not in window


def test_milestones_have_a_download_of_their_own(client, catalogue):
    response = client.get("/initiatives/milestones/?format=csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="milestones.csv"'
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert [(r["initiative"], r["title"], r["planned"], r["reached"]) for r in rows] == [
        ("single-window", "Signed", "", "2020"),
        ("single-window", "Pilot", "2021", "2021-01"),
        ("single-window", "Live", "2026-03", ""),
    ]
    assert rows[0]["source"] == "Agreement on the Window" and rows[0]["source_key"] == "asw"
    # The same filters as the list; the Data page documents it; no format: the CSV.
    filtered = client.get("/initiatives/milestones/?status=completed&format=json")
    assert json.loads(body(filtered))["items"] == []
    assert client.get("/initiatives/milestones/?format=xml").status_code == 400
    plain = client.get("/initiatives/milestones/")
    assert plain["Content-Disposition"] == 'attachment; filename="milestones.csv"'
    data_page = client.get("/data/").content.decode()
    assert 'id="milestones"' in data_page and "/initiatives/milestones/" in data_page


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
    # + the division the filter names, and (once per content token) how many initiatives
    # it is in (three counts), which decides how its rows are read (initiatives.filters)
    with django_assert_num_queries(14):
        json_data(client, "division=lead&format=json")
    with django_assert_num_queries(10):  # those shares and the division are remembered
        json_data(client, "division=lead&format=json")
