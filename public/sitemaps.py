"""sitemap.xml: an index of sections — the fixed pages (registered by the pages app), then
one section per content type registered with a sitemap, each listing its published items
with their last change."""

from collections.abc import Mapping

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from publishing.registry import registry


class ContentSitemap(Sitemap):
    """Every published item of one registered type."""

    content_type = None  # a publishing.registry.ContentType

    def items(self):
        rows = self.content_type.model.objects.published().order_by("pk")
        only = self.content_type.sitemap.only
        return rows.only(*only) if only else rows

    def lastmod(self, obj):
        return obj.updated_at

    def get_latest_lastmod(self):
        """For the sitemap index: one query, not a walk through every item."""
        return self.items().aggregate(last=Max("updated_at"))["last"]


def content_sitemap(content_type):
    spec = content_type.sitemap
    return type(
        f"{content_type.model.__name__}Sitemap",
        (ContentSitemap,),
        {"content_type": content_type, "changefreq": spec.changefreq, "limit": spec.limit},
    )


class Sections(Mapping):
    """``{section: Sitemap class}``, read from the registry when asked; a type's class is
    made once."""

    def __init__(self):
        self.made = {}

    def _sections(self):
        sections = registry.sitemaps()
        for content_type in registry.types():
            if content_type.sitemap:
                if self.made.get(content_type.model, (None,))[0] is not content_type:
                    self.made[content_type.model] = (content_type, content_sitemap(content_type))
                sections[content_type.sitemap.section] = self.made[content_type.model][1]
        return sections

    def __getitem__(self, section):
        return self._sections()[section]

    def __iter__(self):
        return iter(self._sections())

    def __len__(self):
        return len(self._sections())


sitemaps = Sections()
