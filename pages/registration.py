"""Site sections as public content, and the fixed pages' sitemap section (see
``publishing.registry``)."""

from publishing.registry import registry

from .models import SiteSection
from .sitemaps import StaticViewSitemap


def register():
    # Shown on the home and about pages; not searched, not listed on their own.
    registry.register(SiteSection, listing="about")
    registry.add_sitemap("pages", StaticViewSitemap)
