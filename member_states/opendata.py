"""The Member States dataset: its column names are a public contract (see the Data page).
Both the ISO code and the slug are given, as every filter takes either."""

from partial_dates import PartialDate
from public.links import slug_url
from public.opendata import Column, Dataset


def values(queryset):
    return queryset.order_by("name", "pk").values(
        "slug",
        "iso_code",
        "name",
        "joined_on",
        "capital",
        "official_languages",
        "national_office",
        "national_office_url",
        "updated_at",
    )


def complete(chunk):
    for row in chunk:
        joined = row["joined_on"]
        yield {
            **row,
            "joined_on": joined.isoformat() if isinstance(joined, PartialDate) else None,
            "url": slug_url("member_states:detail", row["slug"]),
        }


MEMBER_STATES = Dataset(
    name="member-states",
    title="The Member States of ASEAN",
    values=values,
    complete=complete,
    columns=(
        Column("slug", "Stable identifier; the page is /member-states/<slug>/.", "viet-nam"),
        Column(
            "iso_code",
            "ISO 3166-1 alpha-2 code; works wherever the slug does (?member_state=VN).",
            "VN",
        ),
        Column("name", "Name, as ASEAN writes it.", "Viet Nam"),
        Column("url", "Address of the Member State's page.", is_path=True),
        Column(
            "joined_on",
            "When it joined ASEAN, as precisely as the source gives it: YYYY, YYYY-MM or "
            "YYYY-MM-DD.",
            "1995-07-28",
        ),
        Column("capital", "Capital; empty until recorded with a source."),
        Column("official_languages", "Official languages; empty until recorded with a source."),
        Column(
            "national_office",
            "Its national ASEAN office or secretariat; empty until recorded with a source.",
        ),
        Column("national_office_url", "That office's address, where one is known."),
        Column("updated_at", "Last change, ISO 8601 in UTC.", "2025-03-01T08:30:00Z"),
    ),
)
