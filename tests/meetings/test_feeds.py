"""The meetings' Atom feeds (read with feedparser) and iCalendar feeds (read with the
``icalendar`` package, as calendar apps do)."""

import datetime

import feedparser
import icalendar
import pytest
from django.urls import reverse

from meetings.calendar import MAX_EVENTS
from partial_dates import PartialDate
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

CALENDAR = reverse("meetings:calendar")
FEED = reverse("meetings:feed")


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def calendar(client, url=CALENDAR):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    # RFC 5545 §3.1: lines end with CRLF and are folded at 75 octets.
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    return icalendar.Calendar.from_ical(body), body.decode()


def events(cal):
    return {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


def test_the_atom_feeds_list_published_meetings_as_text(client, places):
    MeetingFactory(
        title="46th ASEAN Summit",
        body=places.summit,
        starts=PartialDate(2025, 5, 26),
        ends=None,
        city="Kuala Lumpur",
        host_state=places.malaysia,
    )
    MeetingFactory(title="AEM meeting", body=places.aem)
    MeetingFactory(title="Draft meeting", draft=True)
    feed = atom(client, FEED)
    titles = {entry.title for entry in feed.entries}
    assert titles == {"46th ASEAN Summit", "AEM meeting"}
    summit = next(e for e in feed.entries if e.title == "46th ASEAN Summit")
    assert summit.summary == "ASEAN Summit: 26 May 2025. Kuala Lumpur, Malaysia. Held."
    assert summit.summary_detail.type == "text/plain"
    assert summit.link == "http://testserver/meetings/" + summit.link.split("/meetings/")[1]
    body_feed = atom(client, reverse("meetings:body-feed", args=["aem"]))
    assert [e.title for e in body_feed.entries] == ["AEM meeting"]
    assert client.get(reverse("meetings:body-feed", args=["nothing"])).status_code == 404


def test_the_calendar_has_all_day_events_with_exclusive_ends_and_stable_uids(client, places):
    first = MeetingFactory(
        title="47th ASEAN Summit",
        body=places.summit,
        starts=PartialDate(2025, 10, 26),
        ends=PartialDate(2025, 10, 28),
        city="Kuala Lumpur",
        host_state=places.malaysia,
    )
    MeetingFactory(title="46th ASEAN Summit", starts=PartialDate(2025, 5, 26), ends=None)
    MeetingFactory(title="Cancelled meeting", starts=PartialDate(2026, 3, 2), status="cancelled")
    MeetingFactory(title="Some time in May", starts=PartialDate(2026, 5), ends=None)
    MeetingFactory(title="Some time in 2027", starts=PartialDate(2027), ends=None)
    MeetingFactory(title="Draft", starts=PartialDate(2026, 1, 5), draft=True)
    cal, raw = calendar(client)
    assert str(cal["VERSION"]) == "2.0" and "PRODID" in cal
    found = events(cal)
    assert set(found) == {"47th ASEAN Summit", "46th ASEAN Summit", "Cancelled: Cancelled meeting"}
    summit = found["47th ASEAN Summit"]
    assert summit["DTSTART"].dt == datetime.date(2025, 10, 26)
    assert summit["DTEND"].dt == datetime.date(2025, 10, 29)  # the day after: exclusive
    assert "DTSTART;VALUE=DATE:20251026" in raw
    assert str(summit["UID"]) == f"meeting-{first.pk}@meetings.asean-secretariat-portal"
    assert isinstance(summit["DTSTAMP"].dt, datetime.datetime)
    assert str(summit["LOCATION"]) == "Kuala Lumpur, Malaysia"
    assert str(summit["URL"]) == f"http://testserver{first.get_absolute_url()}"
    assert str(summit["STATUS"]) == "CONFIRMED"
    one_day = found["46th ASEAN Summit"]
    assert one_day["DTEND"].dt == datetime.date(2025, 5, 27)
    assert str(found["Cancelled: Cancelled meeting"]["STATUS"]) == "CANCELLED"
    description = str(cal["X-WR-CALDESC"])
    assert "Meetings known only to the month or the year are left out" in description
    assert "(2 now)" in description
    # The same meeting keeps its UID when it is renamed or moved.
    first.title, first.slug = "Renamed", "renamed"
    first.save()
    again = events(calendar(client)[0])
    assert str(again["Renamed"]["UID"]) == str(summit["UID"])


def test_hostile_text_cannot_add_properties_to_the_calendar(client, places):
    MeetingFactory(
        title="Summit\r\nATTENDEE:mailto:attacker@example.org\r\nEND:VEVENT\r\nBEGIN:VEVENT",
        city="Jakarta; Bogor, West Java\nX-INJECTED:yes",
        host_state=places.malaysia,
        starts=PartialDate(2025, 1, 5),
    )
    cal, raw = calendar(client)
    [event] = cal.walk("VEVENT")
    assert "ATTENDEE" not in event and "X-INJECTED" not in event
    assert str(event["SUMMARY"]).startswith("Summit")
    assert "ATTENDEE:mailto:attacker@example.org" in str(event["SUMMARY"]).replace("\n", "")
    assert str(event["LOCATION"]).startswith("Jakarta; Bogor, West Java")
    assert "\r\nATTENDEE" not in raw and "\r\nX-INJECTED" not in raw
    assert "Jakarta\\; Bogor\\, West Java" in raw


def test_a_bodys_calendar_has_only_its_meetings(client, places):
    MeetingFactory(title="Summit", body=places.summit, starts=PartialDate(2025, 5, 26))
    MeetingFactory(title="AEM", body=places.aem, starts=PartialDate(2025, 9, 20))
    cal, _ = calendar(client, reverse("meetings:body-calendar", args=["aem"]))
    assert set(events(cal)) == {"AEM"}
    assert "ASEAN Economic Ministers" in str(cal["X-WR-CALNAME"])
    missing = client.get(reverse("meetings:body-calendar", args=["nothing"]))
    assert missing.status_code == 404


def test_the_calendar_is_capped_and_says_so(client, monkeypatch):
    monkeypatch.setattr("meetings.calendar.MAX_EVENTS", 2)
    for day in (1, 2, 3):
        MeetingFactory(title=f"Day {day}", starts=PartialDate(2025, 1, day), ends=None)
    cal, _ = calendar(client)
    assert set(events(cal)) == {"Day 3", "Day 2"}
    assert "Only the latest 2 meetings" in str(cal["X-WR-CALDESC"])
    assert MAX_EVENTS == 1000
