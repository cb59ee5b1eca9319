"""Divisions as public content: one registration (see ``publishing.registry``)."""

from publishing.markdown import html_text
from publishing.registry import Entry, Search, Sitemap, registry

from .models import Division


def search_entry(division):
    return Entry(
        title=division.name,
        summary=division.summary,
        body=f"{html_text(division.mandate_html)} {division.head_title}",
        keywords=division.short_name,
        facets=[division],
    )


def register():
    registry.register(
        Division,
        search=Search(kind="division", build=search_entry, facet=True),
        sitemap=Sitemap("divisions", changefreq="monthly"),
        listing="divisions:list",
    )
