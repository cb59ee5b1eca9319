"""Partners as public content: one registration (see ``publishing.registry``)."""

from publishing.markdown import html_text
from publishing.registry import Entry, Search, Sitemap, registry
from sources.models import Citation, Source
from sources.publish_rule import requires_source

from .models import Partner
from .opendata import PARTNERS


def partner_entry(partner):
    return Entry(
        title=partner.name,
        summary=partner.get_kind_display(),
        body=html_text(partner.description_html),
        keywords=f"{partner.short_name} {partner.get_kind_display()}",
    )


def register():
    registry.register(
        Partner,
        search=Search(kind="partner", build=partner_entry),
        sitemap=Sitemap("partners", changefreq="monthly", only=("slug", "updated_at")),
        dataset=PARTNERS,
        listing="partners:list",
        parts=(Citation, Source),
        # "A Dialogue Partner since 2021" is a fact: it needs a source.
        publish_checks=(requires_source,),
    )
