"""``/leadership/`` and ``/people/`` in sitemap.xml (each person's page is in the "people"
section the registration gives), last changed when a published post or person last did."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils.functional import cached_property

from .models import Person, Role


class LeadershipSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        # Listed once something is recorded: before that they only say nothing is.
        return ["people:leadership", "people:list"] if self.latest else []

    def location(self, item):
        return reverse(item)

    @cached_property
    def latest(self):
        """Two queries, once for the section (both pages show posts and people)."""
        found = [
            model.objects.published().aggregate(last=Max("updated_at"))["last"]
            for model in (Role, Person)
        ]
        found = [when for when in found if when is not None]
        return max(found) if found else None

    def lastmod(self, item):
        return self.latest

    def get_latest_lastmod(self):
        return self.latest
