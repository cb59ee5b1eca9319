"""Meetings as public content: one registration (see ``publishing.registry``)."""

from publishing.content import State
from publishing.markdown import html_text
from publishing.registry import Entry, Search, Sitemap, registry
from sources.models import Citation, Source
from sources.publish_rule import requires_source

from .models import Meeting
from .opendata import MEETINGS


def with_names(meetings):
    return meetings.select_related("body", "host_state", "chair")


def where(meeting):
    return ", ".join(p for p in (meeting.city, getattr(meeting.public_host, "name", "")) if p)


def search_entry(meeting):
    body = meeting.body
    body_is_public = body is not None and body.state == State.PUBLISHED
    when = str(meeting.starts) if meeting.starts else ""
    return Entry(
        title=meeting.title,
        summary=" · ".join(p for p in (when, where(meeting), meeting.get_status_display()) if p),
        body=html_text(meeting.description_html),
        keywords=" ".join(
            p
            for p in (
                body.name if body_is_public else "",
                body.short_name if body_is_public else "",
                getattr(meeting.public_chair, "name", ""),
            )
            if p
        ),
        # Search filters and counts by body and by Member State (the host and the chair),
        # published ones only.
        facets=[
            *([body] if body_is_public else []),
            *{s for s in (meeting.public_host, meeting.public_chair) if s is not None},
        ],
        status=meeting.status,
        year=meeting.starts.year if meeting.starts else None,
    )


def register():
    registry.register(
        Meeting,
        search=Search(
            kind="meeting", build=search_entry, prepare=with_names, shows_names_of=("body",)
        ),
        sitemap=Sitemap("meetings", changefreq="weekly", only=("slug", "updated_at")),
        feeds=("meetings:feed",),
        dataset=MEETINGS,
        listing="meetings:list",
        member_state_paths=("host_state", "chair"),
        # Shown on a meeting's page: its sources (Member States are content types of their
        # own).
        parts=(Citation, Source),
        publish_checks=(requires_source,),
    )
