"""A meeting as a schema.org ``Event``: dates at their precision (ISO 8601 reduced forms),
the place, the body that meets as organizer, and ``eventStatus`` when it was postponed or
cancelled."""

from public.structured_data import to_json

from .models import MeetingStatus

EVENT_STATUS = {
    MeetingStatus.UPCOMING: "https://schema.org/EventScheduled",
    MeetingStatus.HELD: "https://schema.org/EventScheduled",
    MeetingStatus.POSTPONED: "https://schema.org/EventPostponed",
    MeetingStatus.CANCELLED: "https://schema.org/EventCancelled",
}


def event_jsonld(request, meeting, body=None):
    url = request.build_absolute_uri(meeting.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url + "#event",
        "name": meeting.title,
        "url": url,
        "startDate": meeting.starts.isoformat(),
        "eventStatus": EVENT_STATUS[meeting.status],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }
    if meeting.ends:
        data["endDate"] = meeting.ends.isoformat()
    host = meeting.public_host
    if meeting.city or host:
        address = {"@type": "PostalAddress"}
        if meeting.city:
            address["addressLocality"] = meeting.city
        if host:
            address["addressCountry"] = host.iso_code
        name = ", ".join(p for p in (meeting.city, getattr(meeting.public_host, "name", "")) if p)
        data["location"] = {"@type": "Place", "name": name, "address": address}
    if body is not None:
        body_url = request.build_absolute_uri(body.get_absolute_url())
        data["organizer"] = {
            "@type": "GovernmentOrganization",
            "@id": body_url + "#organisation",
            "name": body.name,
            "url": body_url,
        }
    return to_json(data)
