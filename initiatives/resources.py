"""Initiatives, with their milestones, in and out of the admin as CSV or JSON.

Milestones travel in one "milestones" column, one per line: ``planned | reached | title``,
dates as precise as they are known (YYYY, YYYY-MM or YYYY-MM-DD), either may be empty
("reached" empty while it is not reached), e.g.::

    2020-06 | 2020-07-15 | Pilot in two member states
    2024    |            | Regional roll-out

Importing a row makes the initiative's milestones exactly those lines: a milestone with the
same title and planned date is kept (its reached date updated, its source kept), others are
added or removed. A row without a "milestones" column leaves the milestones alone.
"""

from django.core.exceptions import ValidationError
from import_export import fields

from divisions.models import Division
from member_states.models import MemberState
from partial_dates import PartialDate, PartialDateError
from publishing.resources import (
    PUBLICATION_COLUMNS,
    ContentResource,
    partial_date_field,
    slug_field,
)

from .models import Initiative, Milestone, Topic

SEPARATOR = " | "
MAX_MILESTONES = 200


def _iso(value):
    return value.isoformat() if value else ""


def milestone_line(milestone):
    planned, reached = _iso(milestone.planned), _iso(milestone.reached)
    return f"{planned}{SEPARATOR}{reached}{SEPARATOR}{milestone.title}"


def _date(text, what, number):
    try:
        return PartialDate.parse(text)
    except PartialDateError:
        raise ValueError(
            f"line {number}: {what} “{text}” is not a date (YYYY, YYYY-MM or YYYY-MM-DD)."
        ) from None


def parse_milestones(text):
    """``[Milestone(...)]`` (unsaved) from the column's text; ``ValueError`` names the line."""
    milestones = []
    lines = [line for line in str(text or "").splitlines() if line.strip()]
    if len(lines) > MAX_MILESTONES:
        raise ValueError(f"at most {MAX_MILESTONES} milestones per initiative.")
    for number, line in enumerate(lines, 1):
        parts = [part.strip() for part in line.split("|", 2)]
        if len(parts) != 3 or not parts[2]:
            raise ValueError(
                f"line {number}: write “planned | reached | title” (either date may be empty)."
            )
        planned, reached, title = parts
        planned = _date(planned, "the planned date", number) if planned else None
        reached = _date(reached, "the reached date", number) if reached else None
        if len(title) > Milestone._meta.get_field("title").max_length:
            raise ValueError(f"line {number}: the title is longer than 200 characters.")
        milestones.append(
            Milestone(title=title, planned=planned, reached=reached, order=number - 1)
        )
    return milestones


class InitiativeResource(ContentResource):
    lead_division = slug_field("lead_division", Division, "division")
    supporting_divisions = slug_field("supporting_divisions", Division, "division", many=True)
    topics = slug_field("topics", Topic, "topic", many=True)
    member_states = slug_field("member_states", MemberState, "member state", many=True)
    milestones = fields.Field(column_name="milestones", attribute=None, readonly=False)
    planned_start = partial_date_field("planned_start")
    planned_end = partial_date_field("planned_end")
    actual_start = partial_date_field("actual_start")
    actual_end = partial_date_field("actual_end")

    class Meta(ContentResource.Meta):
        model = Initiative
        fields = [
            "slug",
            "title",
            "summary",
            "body",
            "lead_division",
            "supporting_divisions",
            "pillar",
            "topics",
            "member_states",
            "status",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "featured",
            "milestones",
            *PUBLICATION_COLUMNS,
        ]
        export_order = fields

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("lead_division").prefetch_related(
            "supporting_divisions", "topics", "member_states", "milestones"
        )

    def dehydrate_milestones(self, initiative):
        return "\n".join(milestone_line(m) for m in initiative.milestones.all())

    def export_column(self, name, ids):
        """The milestones column of many initiatives at once (one query)."""
        lines = {}
        for milestone in Milestone.objects.filter(initiative_id__in=ids).only(
            "initiative_id", "title", "planned", "reached"
        ):
            lines.setdefault(milestone.initiative_id, []).append(milestone_line(milestone))
        return {pk: "\n".join(text) for pk, text in lines.items()}

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        instance._imported_milestones = None
        if "milestones" in row:
            try:
                instance._imported_milestones = parse_milestones(row["milestones"])
            except ValueError as error:
                errors["milestones"] = ValidationError(str(error))
        if errors:
            raise ValidationError(errors)

    def parts_unchanged(self, instance, original):
        wanted = getattr(instance, "_imported_milestones", None)
        if wanted is None:
            return True
        if original.pk is None:
            return not wanted
        # As the export writes them: in the milestones' own order (the planned date first).
        fields = ("title", "planned", "reached")
        now = [tuple(getattr(m, f) for f in fields) for m in original.milestones.all()]
        return now == [tuple(getattr(m, f) for f in fields) for m in wanted]

    def save_parts(self, instance, row):
        wanted = getattr(instance, "_imported_milestones", None)
        if wanted is None:
            return
        existing = {(m.title, m.planned): m for m in instance.milestones.all()}
        for milestone in wanted:
            kept = existing.pop((milestone.title, milestone.planned), None)
            if kept is not None:
                kept.reached, kept.order = milestone.reached, milestone.order
                kept.save()
            else:
                milestone.initiative = instance
                milestone.save()
        for milestone in existing.values():
            milestone.delete()
