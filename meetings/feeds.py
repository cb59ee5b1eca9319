"""Atom feeds of new and updated meetings: all of them, and one body's.

Newest change first; an entry's <updated> is the meeting's last public change. Every text is
plain text (``PlainTextAtomFeed``): HTML in a title or city never runs in a reader."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse

from bodies.models import Body
from public.feeds import PlainTextAtomFeed
from publishing import changes

from .models import Meeting

ENTRIES = 50


def describe(meeting):
    """One plain sentence: when, where, who meets, and its status."""
    when = str(meeting.starts)
    if meeting.ends:
        when = f"{meeting.starts} to {meeting.ends}"
    place = ", ".join(p for p in (meeting.city, getattr(meeting.public_host, "name", "")) if p)
    parts = [f"{meeting.body.name}: {when}" if meeting.body.is_public else when]
    if place:
        parts.append(place)
    parts.append(meeting.get_status_display())
    return ". ".join(parts) + "."


class MeetingsFeed(Feed):
    feed_type = PlainTextAtomFeed
    author_name = settings.PORTAL_NAME
    title = f"New and updated meetings · {settings.PORTAL_NAME}"
    subtitle = "Meetings of ASEAN bodies, newest change first."

    def link(self):
        return reverse("meetings:list")

    def published_meetings(self):
        return Meeting.objects.published().select_related("body", "host_state")

    def items(self, obj=None):
        meetings = self.published_meetings().order_by("-updated_at", "-pk")[:ENTRIES]
        return changes.with_last_change(meetings)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return describe(item)

    def item_updateddate(self, item):
        return item.public_updated_at or item.updated_at

    def item_pubdate(self, item):
        return item.publish_at or item.created_at

    def item_categories(self, item):
        return [item.body.name] if item.body.is_public else []


class BodyMeetingsFeed(MeetingsFeed):
    """The meetings of one published body, named by its slug."""

    def get_object(self, request, slug):
        return get_object_or_404(Body.objects.published(), slug=slug)

    def title(self, obj):
        return f"Meetings of the {obj.name} · {settings.PORTAL_NAME}"

    def subtitle(self, obj):
        return f"New and updated meetings of the {obj.name}."

    def link(self, obj):
        return reverse("meetings:list") + f"?body={obj.slug}"

    def items(self, obj):
        meetings = self.published_meetings().filter(body=obj)
        return changes.with_last_change(meetings.order_by("-updated_at", "-pk")[:ENTRIES])
