"""The partners dataset: its column names are a public contract (see the Data page)."""

from django.urls import reverse

from partial_dates import PartialDate
from public.opendata import Column, Dataset


def values(queryset):
    return queryset.select_related(None).values(
        "slug", "name", "short_name", "kind", "since", "description", "updated_at"
    )


def complete(chunk):
    for row in chunk:
        since = row["since"]
        yield {
            **row,
            "url": reverse("partners:detail", args=[row["slug"]]),
            "since": since.isoformat() if isinstance(since, PartialDate) else (since or ""),
        }


PARTNERS = Dataset(
    name="partners",
    title="ASEAN's partners: dialogue, sectoral and development partners, organisations",
    values=values,
    complete=complete,
    columns=(
        Column("slug", "Stable identifier; the page is /partners/<slug>/.", "japan"),
        Column("name", "Name.", "Japan"),
        Column("short_name", "Short name or acronym, if any.", "EU"),
        Column("url", "Address of the partner's page.", is_path=True),
        Column(
            "kind",
            "dialogue, sectoral-dialogue, development, international-organisation or other.",
            "dialogue",
        ),
        Column(
            "since",
            "Since when, as precisely as a source says: YYYY, YYYY-MM or YYYY-MM-DD; "
            "empty: not recorded yet.",
            "2021",
        ),
        Column("description", "Description, in Markdown."),
        Column("updated_at", "Last change, ISO 8601 in UTC.", "2025-03-01T08:30:00Z"),
    ),
)
