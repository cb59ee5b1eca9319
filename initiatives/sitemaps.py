from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Initiative, Topic


class InitiativeSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Initiative.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at

    def get_latest_lastmod(self):
        """For the sitemap index: one query, not a walk through every item."""
        return self.items().aggregate(last=Max("updated_at"))["last"]


class TopicSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Topic.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at

    def get_latest_lastmod(self):
        """For the sitemap index: one query, not a walk through every item."""
        return self.items().aggregate(last=Max("updated_at"))["last"]
