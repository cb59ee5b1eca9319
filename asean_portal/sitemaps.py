"""sitemap.xml: the fixed pages plus every published division, initiative and topic."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from divisions.sitemaps import DivisionSitemap
from initiatives.sitemaps import InitiativeSitemap, TopicSitemap


class StaticViewSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["home", "about", "divisions:list", "initiatives:list", "faqs:list"]

    def location(self, item):
        return reverse(item)


sitemaps = {
    "pages": StaticViewSitemap,
    "divisions": DivisionSitemap,
    "initiatives": InitiativeSitemap,
    "topics": TopicSitemap,
}
