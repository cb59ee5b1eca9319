"""Atom feeds of new and updated initiatives: all of them, one division's, one topic's.

Newest change first; an entry's <updated> is the initiative's last change and its
<published> when it went (or was scheduled to go) public."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse

from divisions.models import Division
from public.feeds import PlainTextAtomFeed
from publishing import changes

from .models import Initiative, Topic

ENTRIES = 50


class InitiativesFeed(Feed):
    feed_type = PlainTextAtomFeed  # summaries as text: HTML in them never runs in a reader
    author_name = settings.PORTAL_NAME
    title = f"New and updated initiatives · {settings.PORTAL_NAME}"
    subtitle = "Regional initiatives the ASEAN Secretariat coordinates, newest change first."

    def link(self):
        return reverse("initiatives:list")

    def published_initiatives(self):
        return Initiative.objects.published().for_listing()

    def items(self, obj=None):
        initiatives = self.published_initiatives().order_by("-updated_at", "-pk")[:ENTRIES]
        return changes.with_last_change(initiatives)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_updateddate(self, item):
        # Its last public change (first publication or major change): minor ones are silent.
        return item.public_updated_at or item.updated_at

    def item_pubdate(self, item):
        return item.publish_at or item.created_at

    def item_author_name(self, item):
        return item.lead_division.name

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class ScopedInitiativesFeed(InitiativesFeed):
    """The initiatives of one published division or topic, named by its slug."""

    model = None
    title_format = subtitle_format = ""

    def get_object(self, request, slug):
        return get_object_or_404(self.model.objects.published(), slug=slug)

    def title(self, obj):
        return f"{self.title_format.format(obj)} · {settings.PORTAL_NAME}"

    def subtitle(self, obj):
        return self.subtitle_format.format(obj)

    def link(self, obj):
        return obj.get_absolute_url()

    def scope(self, initiatives, obj):
        raise NotImplementedError

    def items(self, obj):
        initiatives = self.scope(self.published_initiatives(), obj)
        return changes.with_last_change(initiatives.order_by("-updated_at", "-pk")[:ENTRIES])


class DivisionInitiativesFeed(ScopedInitiativesFeed):
    """Initiatives a division leads or supports."""

    model = Division
    title_format = "Initiatives of the {0.name}"
    subtitle_format = "New and updated initiatives the {0.name} leads or supports."

    def scope(self, initiatives, division):
        return initiatives.involving(division)


class TopicInitiativesFeed(ScopedInitiativesFeed):
    model = Topic
    title_format = "Initiatives on {0.name}"
    subtitle_format = "New and updated initiatives on {0.name}."

    def scope(self, initiatives, topic):
        return initiatives.tagged(topic)
