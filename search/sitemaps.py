"""The glossary page's entry in sitemap.xml, with its last change."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from search.models import GlossaryEntry, Synonym


class GlossarySitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return ["glossary"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        dates = [
            m.objects.aggregate(last=Max("updated_at"))["last"] for m in (GlossaryEntry, Synonym)
        ]
        return max((d for d in dates if d is not None), default=None)
