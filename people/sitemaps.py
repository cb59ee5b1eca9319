"""``/leadership/`` and ``/people/`` in sitemap.xml (each person's page is in the "people"
section the registration gives). No last-modified date: working one out would cost the
sitemap index a query for two pages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class LeadershipSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["people:leadership", "people:list"]

    def location(self, item):
        return reverse(item)
