from django.contrib.sitemaps import Sitemap

from .models import Initiative, Topic


class InitiativeSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Initiative.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at


class TopicSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Topic.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at
