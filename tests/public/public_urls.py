"""Every public URL of the site, read from the URLconf, so a page added later is covered by
the header, XSS and fuzzing tests without anyone having to list it here."""

import re

from django.conf import settings
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

PARAMETER = re.compile(r"<(?:\w+:)?\w+>")


def routes(patterns=None, prefix=""):
    """Every public path() route, e.g. ``"divisions/<slug:slug>/"`` (not the admin's)."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(settings.ADMIN_URL) or not isinstance(pattern.pattern, RoutePattern):
            continue
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, route)
        else:
            yield route


def public_urls(slugs):
    """Concrete paths for every public route. ``slugs`` maps the path segment just before a
    parameter to the slug of a published object, e.g. ``{"divisions": "economic",
    "division": "economic", "topic": "trade"}`` (``/initiatives/feed/division/<slug>/``
    takes the ``division`` slug); a segment it does not name gets the first slug given."""
    fallback = next(iter(slugs.values()))
    urls = set()
    for route in routes():
        match = PARAMETER.search(route)
        if match:
            segment = route[: match.start()].rstrip("/").rsplit("/", 1)[-1]
            route = PARAMETER.sub(slugs.get(segment, fallback), route)
        urls.add("/" + route)
    return sorted(urls)


def publish_a_little_of_everything(initiatives=1):
    """Publish ``initiatives`` initiatives (one division, topic and FAQ around them) and one
    item of every other public type, and return every public URL, its slugs filled with
    theirs."""
    from tests.factories import (
        AppointmentFactory,
        BodyFactory,
        DocumentFactory,
        FAQFactory,
        InitiativeFactory,
        MeetingFactory,
        MemberStateFactory,
        PartnerFactory,
        TopicFactory,
    )

    topic = TopicFactory()
    state = MemberStateFactory()
    first, *_ = InitiativeFactory.create_batch(initiatives, topics=[topic], member_states=[state])
    FAQFactory(division=first.lead_division, topics=[topic])
    person = AppointmentFactory().person
    body = BodyFactory()
    meeting = MeetingFactory(body=body, host_state=state)
    document = DocumentFactory(meeting=meeting)
    partner = PartnerFactory()
    division = first.lead_division.slug
    urls = public_urls(
        {
            "initiatives": first.slug,
            "divisions": division,
            "division": division,
            "topics": topic.slug,
            "topic": topic.slug,
            "member-states": state.slug,
            "people": person.slug,
            "bodies": body.slug,
            "body": body.slug,  # /meetings/feed/body/<slug>/
            "calendar": body.slug,  # /meetings/calendar/<slug>.ics
            "meetings": meeting.slug,
            "documents": document.slug,
            "partners": partner.slug,
            "sitemap-": "initiatives",  # /sitemap-<section>.xml
        }
    )
    # Not pages: a document's file (none here: tests/documents/test_files.py serves them) and
    # its permanent address, a redirect to its page (tests/documents).
    return [url for url in urls if not url.endswith("/file/") and "/documents/id/" not in url]


# Addresses that are downloads (CSV or JSON), never pages.
DOWNLOADS = {"/initiatives/milestones/", "/people/appointments/", "/documents/participations/"}


def html_pages(urls):
    """The URLs that answer with an HTML page (not sitemaps, feeds, downloads, robots.txt,
    /healthz)."""
    return [
        url
        for url in urls
        if not url.endswith((".xml", ".txt", ".ics", "healthz", "/feed/"))
        and "/feed/" not in url
        and url not in DOWNLOADS
    ]


# Pages whose text is in the template, not the database: they answer even without it.
DATABASE_FREE_PAGES = {
    "/accessibility/",
    "/robots.txt",
    # Who runs the portal, and how to reach them: text and settings only. (Sending the
    # contact form needs the database: a POST then answers 503 and the browser keeps it.)
    "/about-this-site/",
    "/privacy/",
    "/contact/",
    "/contact/sent/",
}
