from django.contrib.sitemaps import Sitemap

from .models import Division


class DivisionSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Division.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at
