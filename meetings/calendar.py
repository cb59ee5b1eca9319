"""The meetings as an iCalendar feed (RFC 5545) that calendar apps subscribe to.

Written with the ``icalendar`` package, which escapes text (commas, semicolons, line
breaks), folds long lines and ends them with CRLF, so no title or city can add a property
of its own. Each meeting is an all-day event: DTSTART and DTEND are dates (VALUE=DATE), DTEND
the day *after* the last one (RFC 5545 §3.6.1: the end is exclusive). A meeting known only to
the month or the year has no day to put there and is left out; the calendar's description
says so."""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from icalendar import Calendar, Event

from bodies.models import Body

from .models import Meeting, MeetingStatus

MAX_EVENTS = 1000  # the latest meetings by start: a calendar app reads the whole file
UID_DOMAIN = "meetings.asean-secretariat-portal"  # a meeting's UID never changes

ICAL_STATUS = {
    MeetingStatus.UPCOMING: "CONFIRMED",
    MeetingStatus.HELD: "CONFIRMED",
    # RFC 5545 has no "postponed": its dates no longer hold, so it is tentative.
    MeetingStatus.POSTPONED: "TENTATIVE",
    MeetingStatus.CANCELLED: "CANCELLED",
}


def uid(meeting):
    return f"meeting-{meeting.pk}@{UID_DOMAIN}"


def event(request, meeting):
    item = Event()
    item.add("uid", uid(meeting))
    item.add("dtstamp", meeting.updated_at.astimezone(datetime.UTC))
    item.add("last-modified", meeting.updated_at.astimezone(datetime.UTC))
    item.add("dtstart", meeting.starts.first_day)
    item.add("dtend", (meeting.ends or meeting.starts).first_day + datetime.timedelta(days=1))
    title = meeting.title
    if meeting.status == MeetingStatus.POSTPONED:
        title = f"Postponed: {title}"
    elif meeting.status == MeetingStatus.CANCELLED:
        title = f"Cancelled: {title}"
    item.add("summary", title)
    place = ", ".join(p for p in (meeting.city, getattr(meeting.public_host, "name", "")) if p)
    if place:
        item.add("location", place)
    url = request.build_absolute_uri(meeting.get_absolute_url())
    item.add("url", url)
    description = f"{meeting.body.name}. " if meeting.body.is_public else ""
    item.add("description", f"{description}{meeting.get_status_display()}. {url}")
    item.add("status", ICAL_STATUS[meeting.status])
    item.add("transp", "TRANSPARENT")  # a meeting to know of, not time the reader is busy
    return item


def calendar_response(request, meetings, name):
    rows = list(
        meetings.select_related("body", "host_state").order_by("-starts", "pk")[: MAX_EVENTS + 1]
    )
    capped = len(rows) > MAX_EVENTS
    rows = rows[:MAX_EVENTS]
    dated = [m for m in rows if m.is_dated_to_the_day]
    left_out = len(rows) - len(dated)
    cal = Calendar()
    cal.add("prodid", f"-//{settings.PORTAL_NAME}//Meetings//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Jakarta")
    notes = [
        "Meetings of ASEAN bodies as all-day events, from an independent portal about the "
        "ASEAN Secretariat.",
        "Meetings known only to the month or the year are left out of this calendar "
        f"({left_out} now); the meetings list shows them.",
    ]
    if capped:
        notes.append(f"Only the latest {MAX_EVENTS} meetings by start date are included.")
    cal.add("x-wr-caldesc", " ".join(notes))
    for meeting in dated:
        cal.add_component(event(request, meeting))
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    return response


def all_meetings(request):
    return calendar_response(
        request, Meeting.objects.published(), f"ASEAN meetings · {settings.PORTAL_NAME}"
    )


def body_meetings(request, slug):
    body = get_object_or_404(Body.objects.published(), slug=slug)
    return calendar_response(
        request,
        Meeting.objects.published().filter(body=body),
        f"Meetings of the {body.name} · {settings.PORTAL_NAME}",
    )
