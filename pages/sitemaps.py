"""The fixed pages' section of sitemap.xml: each with its last change."""

import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from divisions.models import Division
from faqs.models import FAQ
from initiatives.models import Initiative
from publishing.models import PublicChange

from .models import SiteSection
from .views import (
    ABOUT_SITE_CHANGED,
    ACCESSIBILITY_REVIEWED,
    DATA_PAGE_CHANGED,
    PRIVACY_NOTICE_CHANGED,
)

# What each fixed page shows; its last change is the latest change among those.
PAGE_CONTENT = {
    "home": (SiteSection, Division, Initiative),
    "about": (SiteSection, Division),
    "divisions:list": (Division,),
    "initiatives:list": (Initiative,),
    "initiatives:overview": (Initiative,),
    "faqs:list": (FAQ,),
}
PAGE_DATES = {
    "data": DATA_PAGE_CHANGED,
    "accessibility": ACCESSIBILITY_REVIEWED,
    "about-this-site": ABOUT_SITE_CHANGED,
    "privacy": PRIVACY_NOTICE_CHANGED,
    "contact": ABOUT_SITE_CHANGED,
}


def latest_public_change():
    """When ``/updates/`` last gained an entry (one query)."""
    return PublicChange.objects.filter(published_at__lte=timezone.now()).aggregate(
        last=Max("published_at")
    )["last"]


def latest_change(models):
    dates = [m.objects.published().aggregate(last=Max("updated_at"))["last"] for m in models]
    return max((d for d in dates if d is not None), default=None)


class StaticViewSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return [*PAGE_CONTENT, "updates", *PAGE_DATES]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        if item == "updates":
            return latest_public_change()
        if item in PAGE_DATES:  # a datetime like the others, so they can be compared
            return datetime.datetime.combine(PAGE_DATES[item], datetime.time(), datetime.UTC)
        return latest_change(PAGE_CONTENT[item])
