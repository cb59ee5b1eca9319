"""The meetings dataset: its column names are a public contract (see the Data page).
Dates are reduced-precision ISO 8601, as precise as they are known."""

from django.db.models import F

from partners.models import Partner
from public.links import slug_url
from public.opendata import Column, Dataset, grouped

from .models import Meeting


def iso(value):
    return value.isoformat() if value else None


def values(queryset):
    return (
        queryset.select_related(None)
        .prefetch_related(None)
        .order_by("-starts", "title", "pk")
        .values(
            "pk",
            "slug",
            "title",
            "ordinal",
            "starts",
            "ends",
            "city",
            "status",
            "updated_at",
            body_slug=F("body__slug"),
            body_name=F("body__name"),
            host=F("host_state__iso_code"),
            chair_code=F("chair__iso_code"),
        )
    )


def complete(chunk):
    """Each row with its partners: one query for the whole chunk."""
    ids = [row["pk"] for row in chunk]
    published = dict(Partner.objects.published().values_list("pk", "slug"))
    partners = grouped(
        (meeting_id, published[partner_id])
        for meeting_id, partner_id in Meeting.partners.through.objects.filter(
            meeting_id__in=ids
        ).values_list("meeting_id", "partner_id")
        if partner_id in published
    )
    for row in chunk:
        yield {
            **row,
            "url": slug_url("meetings:detail", row["slug"]),
            "body": row["body_slug"],
            "body_name": row["body_name"],
            "starts": iso(row["starts"]),
            "ends": iso(row["ends"]),
            "host_state": row["host"],
            "chair": row["chair_code"],
            "partners": partners.get(row["pk"], []),
        }


MEETINGS = Dataset(
    name="meetings",
    title="Meetings of ASEAN bodies",
    values=values,
    complete=complete,
    columns=(
        Column("slug", "Stable identifier; the page is /meetings/<slug>/.", "46th-asean-summit"),
        Column("title", "Name with its ordinal.", "46th ASEAN Summit"),
        Column("url", "Address of the meeting's page.", is_path=True),
        Column("ordinal", "Its number in the body's series, if any.", "46"),
        Column("body", "Slug of the body meeting (/bodies/<slug>/).", "asean-summit"),
        Column("body_name", "Name of the body meeting.", "ASEAN Summit"),
        Column(
            "starts",
            "First day, as precisely as known: YYYY, YYYY-MM or YYYY-MM-DD.",
            "2025-05-26",
        ),
        Column("ends", "Last day, same form; empty for a one-day meeting.", "2025-05-27"),
        Column("host_state", "ISO 3166-1 alpha-2 code of the host Member State.", "MY"),
        Column("city", "Host city.", "Kuala Lumpur"),
        Column("chair", "ISO 3166-1 alpha-2 code of the Member State chairing it.", "MY"),
        Column("status", "upcoming, held, postponed or cancelled.", "held"),
        Column("partners", "Slugs of the partners taking part."),
        Column("updated_at", "Last change, ISO 8601 in UTC.", "2025-03-01T08:30:00Z"),
    ),
)
