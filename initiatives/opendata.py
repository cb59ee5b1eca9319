"""The initiatives dataset: its column names are a public contract (see the Data page)."""

from django.db.models import Prefetch

from asean_portal.opendata import Column, Dataset
from divisions.models import Division

from .models import MemberState

INITIATIVES = Dataset(
    name="initiatives",
    title="Initiatives coordinated by the ASEAN Secretariat",
    columns=(
        Column(
            "slug",
            "Stable identifier; the page is /initiatives/<slug>/.",
            lambda i: i.slug,
            "asean-single-window",
        ),
        Column("title", "Title.", lambda i: i.title, "ASEAN Single Window"),
        Column("summary", "One or two plain sentences.", lambda i: i.summary),
        Column(
            "url", "Address of the initiative's page.", lambda i: i.get_absolute_url(), is_path=True
        ),
        Column(
            "status", "planned, ongoing, completed or suspended.", lambda i: i.status, "ongoing"
        ),
        Column(
            "pillar",
            "ASEAN Community pillar: political-security, economic or socio-cultural.",
            lambda i: i.pillar,
            "economic",
        ),
        Column(
            "lead_division",
            "Slug of the lead division (/divisions/<slug>/).",
            lambda i: i.lead_division.slug,
        ),
        Column("lead_division_name", "Name of the lead division.", lambda i: i.lead_division.name),
        Column(
            "supporting_divisions",
            "Slugs of the supporting divisions.",
            lambda i: [d.slug for d in i.supporting_divisions.all()],
        ),
        Column(
            "topics",
            "Slugs of its topics (/topics/<slug>/).",
            lambda i: [t.slug for t in i.topics.all()],
        ),
        Column(
            "member_states",
            "ISO 3166-1 alpha-2 codes of the participating Member States.",
            lambda i: [s.iso_code for s in i.member_states.all()],
            "ID;MY;SG",
        ),
        Column(
            "start_date", "First day (YYYY-MM-DD), or empty.", lambda i: i.start_date, "2020-01-01"
        ),
        Column("end_date", "Last day (YYYY-MM-DD), or empty if open-ended.", lambda i: i.end_date),
        Column("milestones", "Number of milestones.", lambda i: len(i.milestones.all()), "4"),
        Column(
            "milestones_done",
            "Number of milestones done.",
            lambda i: sum(m.is_done for m in i.milestones.all()),
            "3",
        ),
        Column(
            "progress",
            "Share of milestones done, 0–100; empty without milestones.",
            lambda i: i.progress,
            "75",
        ),
        Column(
            "updated_at",
            "Last change, ISO 8601 in UTC.",
            lambda i: i.updated_at,
            "2025-03-01T08:30:00Z",
        ),
    ),
)


def for_export(queryset):
    """What the columns read, in a fixed number of queries per chunk of rows."""
    return queryset.prefetch_related(
        "milestones",
        Prefetch("member_states", queryset=MemberState.objects.only("iso_code")),
        Prefetch("supporting_divisions", queryset=Division.objects.published().only("slug")),
    )
