from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Division


class DivisionSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Division.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at

    def get_latest_lastmod(self):
        """For the sitemap index: one query, not a walk through every item."""
        return self.items().aggregate(last=Max("updated_at"))["last"]
