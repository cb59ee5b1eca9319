"""/meetings/: upcoming and past by the date in Jakarta, filtered by body, Member State
(slug or ISO code) and year, paged, bad values answered on the form, a fixed number of
queries."""

import datetime
import json

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse

from caching.content_token import local_memory
from partial_dates import PartialDate
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

LIST = reverse("meetings:list")


def text(response):
    return response.content.decode()


def sections(html):
    """The titles under "Upcoming" and under "Past", in the order shown."""
    found, current = {"Upcoming": [], "Past": []}, None
    for line in html.splitlines():
        line = line.strip()
        if line in ("<h3>Upcoming</h3>", "<h3>Past</h3>"):
            current = line[4:-5]
        elif current and line.startswith('<a href="/meetings/') and "calendar" not in line:
            found[current].append(line.split(">", 1)[1].split("<", 1)[0])
    return found


def moment(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("utc", "summit_is"),
    [
        # 00:30 UTC on 26 May 2025 is 07:30 in Jakarta, the Summit's day: not over.
        ("2025-05-26T00:30", "Upcoming"),
        # 23:30 UTC on 26 May is 06:30 on 27 May in Jakarta: over, though not in UTC.
        ("2025-05-26T23:30", "Past"),
    ],
)
def test_upcoming_and_past_are_decided_by_the_date_in_jakarta(client, places, utc, summit_is):
    with time_machine.travel(moment(utc), tick=False):
        MeetingFactory(
            title="46th ASEAN Summit",
            body=places.summit,
            starts=PartialDate(2025, 5, 26),
            ends=None,
        )
        MeetingFactory(
            title="47th ASEAN Summit",
            body=places.summit,
            starts=PartialDate(2025, 10, 26),
            ends=PartialDate(2025, 10, 28),
            status="upcoming",
        )
        MeetingFactory(title="45th", body=places.summit, starts=PartialDate(2024, 10, 8))
        # Known only to the month or year: not over until that month or year is.
        MeetingFactory(title="In May", starts=PartialDate(2025, 5), ends=None, status="upcoming")
        MeetingFactory(title="In 2025", starts=PartialDate(2025), ends=None, status="upcoming")
        MeetingFactory(title="In April", starts=PartialDate(2025, 4), ends=None)
        found = sections(text(client.get(LIST)))
    # Upcoming soonest first ("2025" and "May 2025" sort before a day in them), past latest
    # first; a month or a year is not over until it has ended.
    summit = "46th ASEAN Summit"
    upcoming = ["In 2025", "In May", *([summit] if summit_is == "Upcoming" else [])]
    past = [*([summit] if summit_is == "Past" else []), "In April", "45th"]
    assert found == {"Upcoming": [*upcoming, "47th ASEAN Summit"], "Past": past}


def test_upcoming_soonest_first_then_past_latest_first(client, places, any_hour):
    today = datetime.date.today()
    for title, years in (("Far", 3), ("Near", 1), ("Recent", -1), ("Old", -3)):
        MeetingFactory(
            title=title,
            starts=PartialDate(today.year + years, 6, 1),
            ends=None,
            status="upcoming" if years > 0 else "held",
        )
    found = sections(text(client.get(LIST)))
    assert found == {"Upcoming": ["Near", "Far"], "Past": ["Recent", "Old"]}
    found = sections(text(client.get(f"{LIST}?when=past")))
    assert found == {"Upcoming": [], "Past": ["Recent", "Old"]}


def test_filters_by_body_member_state_slug_or_code_and_year(client, places):
    MeetingFactory(
        title="Summit in KL",
        body=places.summit,
        starts=PartialDate(2025, 5, 26),
        host_state=places.malaysia,
    )
    MeetingFactory(
        title="AEM chaired by Malaysia",
        body=places.aem,
        starts=PartialDate(2024, 9),
        ends=None,
        chair=places.malaysia,
    )
    MeetingFactory(
        title="Summit in Vientiane",
        body=places.summit,
        starts=PartialDate(2024, 10, 8),
        host_state=places.lao,
        chair=places.lao,
    )

    def titles(query):
        response = client.get(f"{LIST}?{query}")
        assert response.status_code == 200, query
        found = sections(text(response))
        return sorted(found["Upcoming"] + found["Past"])

    assert titles("body=aem") == ["AEM chaired by Malaysia"]
    assert titles("member_state=malaysia") == ["AEM chaired by Malaysia", "Summit in KL"]
    assert titles("member_state=MY") == titles("member_state=my") == titles("member_state=malaysia")
    assert titles("year=2024") == ["AEM chaired by Malaysia", "Summit in Vientiane"]
    assert titles("body=asean-summit&year=2024&member_state=la") == ["Summit in Vientiane"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("body=nothing", "There is no body “nothing”."),
        ("member_state=zz", "There is no member state “zz”."),
        ("year=20x4", "“20x4” is not a year: write four digits, 1967 to 2100."),
        ("year=1066", "“1066” is not a year"),
        ("year=99999999999999999999", "is not a year"),
        ("when=tomorrow", "There is no “tomorrow”: choose upcoming or past."),
        ("body=%00", "Null characters are not allowed."),
    ],
)
def test_a_bad_filter_value_gets_the_forms_message_never_a_500(client, places, query, message):
    MeetingFactory(body=places.summit)
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 400
    assert message in text(response)
    assert 'aria-invalid="true"' in text(response)


def test_pages_keep_the_filters_and_a_bad_page_number_gets_a_message(client, places):
    for n in range(25):
        MeetingFactory(body=places.summit, starts=PartialDate(2020, 1, 1 + n))
    html = text(client.get(f"{LIST}?body=asean-summit&page=2"))
    assert "Page 2 of 2" in html
    assert 'href="?body=asean-summit&amp;page=1" rel="prev"' in html
    html = text(client.get(f"{LIST}?page=9"))
    assert "There is no page 9; showing the last page, 2." in html
    html = text(client.get(f"{LIST}?page=x"))
    assert "“x” is not a page number; showing the first page." in html


def test_drafts_are_not_listed(client, places):
    MeetingFactory(title="Published meeting")
    MeetingFactory(title="Draft meeting", draft=True)
    html = text(client.get(LIST))
    assert "Published meeting" in html and "Draft meeting" not in html


def test_the_open_data_has_dates_at_their_precision(client, places):
    MeetingFactory(
        slug="a-meeting",
        starts=PartialDate(2024, 9),
        ends=None,
        body=places.aem,
        host_state=places.malaysia,
    )
    items = json.loads(b"".join(client.get(f"{LIST}?format=json").streaming_content))["items"]
    assert items == [
        {
            **items[0],
            "slug": "a-meeting",
            "starts": "2024-09",
            "ends": None,
            "body": "aem",
            "host_state": "MY",
        }
    ]
    assert client.get(f"{LIST}?format=json&year=abc").status_code == 400


# (empty cache, warm): the content token and the rows (with body, host and chair, in one
# query per part the page shows: upcoming, past); cold: + the two parts' counts and the body
# and Member State choices (+ the ISO codes when a code is asked for), all remembered per
# content token. The factory's meetings are all past.
EXPECTED = {"list": (6, 2), "filtered": (7, 2), "last page": (6, 2)}


@pytest.mark.parametrize("rows", [1, 45])
def test_the_list_runs_a_fixed_number_of_queries(queries_for, settings, places, rows):
    settings.PAGE_CACHE_ENABLED = False
    for n in range(rows):
        MeetingFactory(
            body=places.summit if n % 2 else places.aem,
            starts=PartialDate(2020 + n % 10, 1 + n % 12, 1),
            host_state=places.malaysia,
            chair=places.lao,
        )
    pages = {
        "list": LIST,
        "filtered": f"{LIST}?body=aem&member_state=my&year=2020&when=past",
        "last page": f"{LIST}?page={rows // 20 + 1}",
    }
    counts = {}
    for name, url in pages.items():
        cache.clear()
        local_memory.clear()
        counts[name] = (queries_for(url), queries_for(url))
    assert counts == EXPECTED


def upcoming_and_past(places, utc):
    """Three upcoming meetings (one under way since last month, one known only to this
    month) and 25 past ones, as seen at ``utc``."""
    today = datetime.datetime.fromisoformat(utc).replace(tzinfo=datetime.UTC)
    jakarta = (today + datetime.timedelta(hours=7)).date()
    month = PartialDate(jakarta.year, jakarta.month)
    start_of_month = jakarta.replace(day=1)
    last_month = start_of_month - datetime.timedelta(days=1)
    soon = jakarta + datetime.timedelta(days=3)
    MeetingFactory(
        title="Under way",
        body=places.summit,
        starts=PartialDate(last_month.year, last_month.month, 1),
        ends=PartialDate(soon.year, soon.month, soon.day),
    )
    MeetingFactory(title="This month", body=places.summit, starts=month, ends=None)
    MeetingFactory(
        title="Soon",
        body=places.summit,
        starts=PartialDate(soon.year, soon.month, soon.day),
        ends=None,
    )
    for n in range(25):
        day = jakarta - datetime.timedelta(days=40 + n)
        MeetingFactory(
            title=f"Past {n:02}",
            body=places.aem,
            starts=PartialDate(day.year, day.month, day.day),
            ends=None,
        )


@pytest.mark.parametrize("utc", ["2025-05-26T00:30", "2025-05-26T23:30"])
def test_pages_run_across_upcoming_and_past(client, places, utc):
    """Upcoming meetings (soonest first, including one under way since last month and one
    known only to this month) come before past ones (latest first), and the pages join
    where one part ends, read as two parts (``UpcomingThenPast``)."""
    with time_machine.travel(moment(utc), tick=False):
        upcoming_and_past(places, utc)
        first = sections(text(client.get(LIST)))
        second = sections(text(client.get(f"{LIST}?page=2")))
    assert first["Upcoming"] == ["Under way", "This month", "Soon"]
    assert first["Past"] == [f"Past {n:02}" for n in range(17)]
    assert second == {"Upcoming": [], "Past": [f"Past {n:02}" for n in range(17, 25)]}


@pytest.mark.parametrize("utc", ["2025-05-26T00:30", "2025-05-26T23:30"])
def test_the_prepared_parts_read_what_the_orm_reads(places, utc):
    """The unfiltered list's pages come from prepared parts; filtered, from the ORM's. Both
    give the same meetings, upcoming or past alike, in every window (from the start, across
    the join, from the end), at both ends of the UTC day."""
    from django.utils import timezone

    from meetings.views import UpcomingThenPast, listed

    with time_machine.travel(moment(utc), tick=False):
        upcoming_and_past(places, utc)
        MeetingFactory(title="Draft", body=places.aem, state="draft")
        today = timezone.localdate()
        read = {
            prepared: UpcomingThenPast(listed(today), today, f"test:{prepared}", prepared)
            for prepared in (False, True)
        }
        assert read[True].sizes() == read[False].sizes() == (3, 25)
        for start in range(0, 28):
            for size in (1, 5, 20):
                window = slice(start, start + size)
                shown = {
                    prepared: [(m.title, m.is_upcoming) for m in parts[window]]
                    for prepared, parts in read.items()
                }
                assert shown[True] == shown[False], window
        assert [m.title for m in read[True][0:4]] == ["Under way", "This month", "Soon", "Past 00"]
