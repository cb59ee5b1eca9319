"""The bodies dataset: its column names are a public contract (see the Data page)."""

from django.db.models import F

from public.links import slug_url
from public.opendata import Column, Dataset


def iso(value):
    return value.isoformat() if value else None


def values(queryset):
    return queryset.order_by("order", "name", "pk").values(
        "slug",
        "name",
        "short_name",
        "kind",
        "pillar",
        "meets",
        "chair_from",
        "chair_until",
        "updated_at",
        parent_slug=F("parent__slug"),
        parent_state=F("parent__state"),
        division_slug=F("supporting_division__slug"),
        chair_code=F("chair__iso_code"),
    )


def complete(chunk):
    for row in chunk:
        yield {
            **row,
            "url": slug_url("bodies:detail", row["slug"]),
            # A parent not (yet) public is not named: its slug would lead nowhere.
            "parent": row["parent_slug"] if row["parent_state"] == "published" else None,
            "supporting_division": row["division_slug"],
            "chair": row["chair_code"],
            "chair_from": iso(row["chair_from"]),
            "chair_until": iso(row["chair_until"]),
        }


BODIES = Dataset(
    name="bodies",
    title="ASEAN bodies",
    values=values,
    complete=complete,
    columns=(
        Column("slug", "Stable identifier; the page is /bodies/<slug>/.", "asean-summit"),
        Column("name", "Name.", "ASEAN Summit"),
        Column("short_name", "Acronym, if any.", "AMAF"),
        Column(
            "kind",
            "summit, coordinating-council, community-council, sectoral-ministerial, "
            "senior-officials, committee or other.",
            "community-council",
        ),
        Column("url", "Address of the body's page.", is_path=True),
        Column("parent", "Slug of the body it reports to; empty at the top.", "asean-summit"),
        Column("pillar", "political-security, economic, socio-cultural or empty.", "economic"),
        Column("supporting_division", "Slug of the Secretariat division supporting it."),
        Column(
            "chair",
            "ISO 3166-1 alpha-2 code of the Member State chairing it; empty if not recorded.",
        ),
        Column("chair_from", "Start of the chair's term: YYYY, YYYY-MM or YYYY-MM-DD."),
        Column("chair_until", "End of the chair's term, same form."),
        Column("meets", "How often it meets, as its source says.", "At least twice a year"),
        Column("updated_at", "Last change, ISO 8601 in UTC.", "2025-03-01T08:30:00Z"),
    ),
)
