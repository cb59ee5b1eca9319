"""The initiatives and milestones datasets: their column names are a public contract (see
the Data page). Dates are reduced-precision ISO 8601, as precise as they are known:
"2019", "2019-06" or "2019-06-23". No percentage is made from counting milestones."""

from django.db.models import F
from django.urls import reverse

from divisions.models import Division
from member_states.models import MemberState
from partial_dates import PartialDate
from public.opendata import Column, Dataset, grouped

from .models import Initiative, Milestone, Topic

DATE_COLUMNS = ("planned_start", "planned_end", "actual_start", "actual_end")


def iso(value):
    """A stored partial date as its reduced ISO text; None when unknown."""
    return value.isoformat() if isinstance(value, PartialDate) else (value or None)


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
            *DATE_COLUMNS,
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
    # Published Member States only, each as its ISO code and as its slug (same order).
    published_states = MemberState.objects.published().values_list("pk", "iso_code", "slug")
    codes, slugs = {}, {}
    for pk, code, slug in published_states:
        codes[pk], slugs[pk] = code, slug
    state_ids = linked(
        Initiative.member_states.through, ids, "memberstate_id", {pk: pk for pk in codes}
    )
    milestones = grouped(
        (row["initiative_id"], milestone_item(row))
        for row in milestone_values(Milestone.objects.filter(initiative_id__in=ids))
    )
    for row in chunk:
        pk = row["pk"]
        own = milestones.get(pk, [])
        yield {
            **row,
            **{name: iso(row[name]) for name in DATE_COLUMNS},
            "url": reverse("initiatives:detail", args=[row["slug"]]),
            "lead_division": row["lead_slug"],
            "lead_division_name": row["lead_name"],
            "supporting_divisions": supporting.get(pk, []),
            "topics": topics.get(pk, []),
            "member_states": [codes[i] for i in state_ids.get(pk, [])],
            "member_state_slugs": [slugs[i] for i in state_ids.get(pk, [])],
            "milestones": len(own),
            "milestones_reached": sum(1 for m in own if m["reached"]),
            "milestone_list": own,
        }


def milestone_values(queryset):
    return queryset.order_by("initiative_id", "order", "planned", "reached", "pk").values(
        "initiative_id",
        "title",
        "planned",
        "reached",
        "order",
        source_key=F("source__key"),
        source_title=F("source__title"),
        initiative_slug=F("initiative__slug"),
    )


def milestone_item(row):
    return {
        "title": row["title"],
        "planned": iso(row["planned"]),
        "reached": iso(row["reached"]),
        "source": row["source_title"],
        "source_key": row["source_key"],
    }


def milestone_rows(initiatives):
    """The milestones of the filtered initiatives, initiative by initiative."""
    return milestone_values(
        Milestone.objects.filter(initiative__in=initiatives.order_by().values("pk"))
    ).order_by("initiative__title", "initiative_id", "order", "planned", "reached", "pk")


def complete_milestones(chunk):
    for row in chunk:
        yield {"initiative": row["initiative_slug"], **milestone_item(row)}


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
        Column(
            "member_state_slugs",
            "Slugs of the same Member States, in the same order (/member-states/<slug>/); "
            "a filter takes either (?member_state=VN or ?member_state=viet-nam).",
            "indonesia;malaysia;singapore",
        ),
        Column(
            "planned_start",
            "Planned start, as precisely as known: YYYY, YYYY-MM or YYYY-MM-DD; empty if unknown.",
            "2016",
        ),
        Column("planned_end", "Planned end, same form; empty if open-ended or not known.", "2025"),
        Column("actual_start", "Actual start, same form, where a source gives it.", "2019-06"),
        Column("actual_end", "Actual end, same form, where a source gives it."),
        Column("milestones", "Number of milestones.", "3"),
        Column("milestones_reached", "Number of milestones reached.", "2"),
        Column(
            "milestone_list",
            "JSON only: each milestone with its title, planned and reached dates (same form) "
            "and source. The CSV has them in the milestones download.",
            formats=("json",),
        ),
        Column("updated_at", "Last change, ISO 8601 in UTC.", "2025-03-01T08:30:00Z"),
    ),
)

MILESTONES = Dataset(
    name="milestones",
    title="Milestones of the initiatives",
    values=milestone_rows,
    complete=complete_milestones,
    columns=(
        Column(
            "initiative", "Slug of its initiative (/initiatives/<slug>/).", "asean-single-window"
        ),
        Column("title", "What the milestone is."),
        Column(
            "planned", "When it was planned: YYYY, YYYY-MM or YYYY-MM-DD; empty if not.", "2025"
        ),
        Column("reached", "When it was reached, same form; empty: not reached.", "2005-12"),
        Column("source", "Title of the source it rests on."),
        Column("source_key", "The source's stable key."),
    ),
)
