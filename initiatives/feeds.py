"""Atom feeds of new and updated initiatives: all of them, one division's, one topic's.

Newest change first; an entry's <updated> is the initiative's last change and its
<published> when it went (or was scheduled to go) public."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from divisions.models import Division

from .models import Initiative, Topic

ENTRIES = 50


class InitiativesFeed(Feed):
    feed_type = Atom1Feed
    author_name = settings.PORTAL_NAME
    title = f"New and updated initiatives · {settings.PORTAL_NAME}"
    subtitle = "Regional initiatives the ASEAN Secretariat coordinates, newest change first."

    def link(self):
        return reverse("initiatives:list")

    def published_initiatives(self):
        return Initiative.objects.published().for_listing()

    def items(self, obj=None):
        return self.published_initiatives().order_by("-updated_at", "-pk")[:ENTRIES]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_updateddate(self, item):
        return item.updated_at

    def item_pubdate(self, item):
        return item.publish_at or item.created_at

    def item_author_name(self, item):
        return item.lead_division.name

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class DivisionInitiativesFeed(InitiativesFeed):
    """Initiatives a division leads or supports."""

    def get_object(self, request, slug):
        return get_object_or_404(Division.objects.published(), slug=slug)

    def title(self, division):
        return f"Initiatives of the {division.name} · {settings.PORTAL_NAME}"

    def subtitle(self, division):
        return f"New and updated initiatives the {division.name} leads or supports."

    def link(self, division):
        return division.get_absolute_url()

    def items(self, division):
        queryset = self.published_initiatives().involving(division)
        return queryset.order_by("-updated_at", "-pk")[:ENTRIES]


class TopicInitiativesFeed(InitiativesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic.objects.published(), slug=slug)

    def title(self, topic):
        return f"Initiatives on {topic.name} · {settings.PORTAL_NAME}"

    def subtitle(self, topic):
        return f"New and updated initiatives on {topic.name}."

    def link(self, topic):
        return topic.get_absolute_url()

    def items(self, topic):
        return self.published_initiatives().tagged(topic).order_by("-updated_at", "-pk")[:ENTRIES]
