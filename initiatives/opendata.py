"""The initiatives dataset: its column names are a public contract (see the Data page)."""

from django.db.models import Count, F, Q
from django.urls import reverse

from divisions.models import Division
from public.opendata import Column, Dataset, grouped

from .models import Initiative, MemberState, Milestone, Topic, progress_percent


def values(queryset):
    return (
        queryset.select_related(None)
        .prefetch_related(None)
        .values(
            "pk",
            "slug",
            "title",
            "summary",
            "status",
            "pillar",
            "start_date",
            "end_date",
            "updated_at",
            lead_slug=F("lead_division__slug"),
            lead_name=F("lead_division__name"),
        )
    )


def linked(through, ids, column, names):
    """``{initiative id: [name, ...]}`` from a link table, keeping only the linked rows in
    ``names`` (an ordered ``{id: name}``) and their order. No join on the link table."""
    order = {key: position for position, key in enumerate(names)}
    pairs = [
        (initiative_id, key)
        for initiative_id, key in through.objects.filter(initiative_id__in=ids)
        .order_by()
        .values_list("initiative_id", column)
        if key in names
    ]
    pairs.sort(key=lambda pair: (pair[0], order[pair[1]]))
    return grouped((initiative_id, names[key]) for initiative_id, key in pairs)


def complete(chunk):
    """Each row with its related lists: a fixed number of queries for the whole chunk."""
    ids = [row["pk"] for row in chunk]
    topics = linked(
        Initiative.topics.through,
        ids,
        "topic_id",
        dict(Topic.objects.published().values_list("pk", "slug")),
    )
    supporting = linked(
        Initiative.supporting_divisions.through,
        ids,
        "division_id",
        dict(Division.objects.published().values_list("pk", "slug")),
    )
    states = linked(
        Initiative.member_states.through,
        ids,
        "memberstate_id",
        dict(MemberState.objects.values_list("pk", "iso_code")),
    )
    milestones = {
        row["initiative_id"]: (row["total"], row["done"])
        for row in Milestone.objects.filter(initiative_id__in=ids)
        .order_by()
        .values("initiative_id")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(done_on__isnull=False)))
    }
    for row in chunk:
        pk = row["pk"]
        total, done = milestones.get(pk, (0, 0))
        yield {
            **row,
            "url": reverse("initiatives:detail", args=[row["slug"]]),
            "lead_division": row["lead_slug"],
            "lead_division_name": row["lead_name"],
            "supporting_divisions": supporting.get(pk, []),
            "topics": topics.get(pk, []),
            "member_states": states.get(pk, []),
            "milestones": total,
            "milestones_done": done,
            "progress": progress_percent(done, total),
        }


INITIATIVES = Dataset(
    name="initiatives",
    title="Initiatives coordinated by the ASEAN Secretariat",
    values=values,
    complete=complete,
    columns=(
        Column(
            "slug", "Stable identifier; the page is /initiatives/<slug>/.", "asean-single-window"
        ),
        Column("title", "Title.", "ASEAN Single Window"),
        Column("summary", "One or two plain sentences."),
        Column("url", "Address of the initiative's page.", is_path=True),
        Column("status", "planned, ongoing, completed or suspended.", "ongoing"),
        Column(
            "pillar",
            "ASEAN Community pillar: political-security, economic, socio-cultural or cross-pillar.",
            "economic",
        ),
        Column("lead_division", "Slug of the lead division (/divisions/<slug>/)."),
        Column("lead_division_name", "Name of the lead division."),
        Column("supporting_divisions", "Slugs of the supporting divisions."),
        Column("topics", "Slugs of its topics (/topics/<slug>/)."),
        Column(
            "member_states",
            "ISO 3166-1 alpha-2 codes of the participating Member States.",
            "ID;MY;SG",
        ),
        Column("start_date", "First day (YYYY-MM-DD), or empty.", "2020-01-01"),
        Column("end_date", "Last day (YYYY-MM-DD), or empty if open-ended."),
        Column("milestones", "Number of milestones.", "4"),
        Column("milestones_done", "Number of milestones done.", "3"),
        Column("progress", "Share of milestones done, 0–100; empty without milestones.", "75"),
        Column("updated_at", "Last change, ISO 8601 in UTC.", "2025-03-01T08:30:00Z"),
    ),
)
