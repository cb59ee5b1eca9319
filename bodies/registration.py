"""Bodies as public content: one registration (see ``publishing.registry``)."""

from publishing.markdown import html_text
from publishing.registry import Entry, Search, Sitemap, registry
from sources.models import Citation, Source
from sources.publish_rule import requires_source

from .models import Body
from .opendata import BODIES


def search_entry(body):
    return Entry(
        title=body.name,
        summary=" · ".join(
            part
            for part in (body.get_kind_display(), body.get_pillar_display(), body.meets)
            if part
        ),
        body=html_text(body.description_html),
        keywords=body.short_name,
        facets=[body],
    )


def register():
    registry.register(
        Body,
        search=Search(kind="body", build=search_entry, facet=True),
        sitemap=Sitemap("bodies", changefreq="monthly"),
        dataset=BODIES,
        listing="bodies:list",
        member_state_paths=("chair",),
        # Shown on a body's page: its sources (Member States are content types of their own).
        parts=(Citation, Source),
        publish_checks=(requires_source,),
    )
