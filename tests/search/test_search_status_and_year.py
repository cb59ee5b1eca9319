"""Status and year facets: counted under the query, links that narrow, bad values reported."""

import pytest

from partial_dates.value import PartialDate
from tests.factories import FAQFactory, InitiativeFactory

from .search_helpers import facet, messages, search, titles, total

pytestmark = pytest.mark.django_db


@pytest.fixture
def ports():
    InitiativeFactory(title="Ports Planned", status="planned", planned_start=PartialDate(2026))
    InitiativeFactory(
        title="Ports Ongoing",
        status="ongoing",
        planned_start=PartialDate(2019),
        actual_start=PartialDate(2021, 3),
    )
    InitiativeFactory(title="Ports Done", status="completed", planned_start=PartialDate(2021))
    InitiativeFactory(title="Ports Undated", status="ongoing", planned_start=None)
    FAQFactory(question="Which ports?", answer="Ports.")


def test_status_and_year_are_counted_under_the_query(client, ports):
    response = search(client, q="ports")
    assert total(response) == 5
    assert facet(response, "status") == {"Ongoing": 2, "Completed": 1, "Planned": 1}
    # The year it started where it did, else the planned start; none for undated items.
    assert facet(response, "year") == {"2026": 1, "2021": 2}


def test_status_and_year_links_narrow_and_combine(client, ports):
    response = search(client, q="ports")
    ongoing = next(
        v
        for v in next(g for g in response.context["facets"] if g.name == "status").values
        if v.label == "Ongoing"
    )
    assert ongoing.url == "/search/?q=ports&status=ongoing"
    narrowed = client.get(ongoing.url)
    assert sorted(titles(narrowed)) == ["Ports Ongoing", "Ports Undated"]
    both = search(client, q="ports", status="ongoing", year="2021")
    assert titles(both) == ["Ports Ongoing"]
    groups = {g.name: g for g in both.context["facets"]}
    assert groups["status"].active == "Ongoing"
    assert groups["status"].remove_url == "/search/?q=ports&year=2021"
    assert groups["year"].remove_url == "/search/?q=ports&status=ongoing"
    # Filters alone, without words.
    assert titles(search(client, year="2026")) == ["Ports Planned"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"status": "finished"}, "No item has the status “finished”."),
        ({"status": "'; drop table x;--"}, "No item has the status"),
        ({"year": "20x1"}, "“20x1” is not a year"),
        ({"year": "99999"}, "is not a year"),
        ({"member_state": "atlantis"}, "There is no"),
    ],
)
def test_bad_status_and_year_are_reported_not_errors(client, ports, params, message):
    response = search(client, expected_status=400, q="ports", **params)
    assert any(message in m for m in messages(response)), messages(response)
    assert total(response) == 5  # the search still runs, without the bad filter
