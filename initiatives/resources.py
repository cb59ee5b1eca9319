"""Initiatives, with their milestones, in and out of the admin as CSV or JSON.

Milestones travel in one "milestones" column, one per line: ``due | done | title``, dates as
YYYY-MM-DD and "done" empty while it is not done, e.g.::

    2020-06-30 | 2020-07-15 | Pilot in two member states
    2024-12-31 |            | Regional roll-out

Importing a row makes the initiative's milestones exactly those lines: a milestone with the
same title and due date is kept (and its done date updated), others are added or removed.
A row without a "milestones" column leaves the milestones alone.
"""

import datetime

from django.core.exceptions import ValidationError
from import_export import fields

from divisions.models import Division
from publishing.resources import PUBLICATION_COLUMNS, ContentResource, slug_field

from .models import Initiative, MemberState, Milestone, Topic

SEPARATOR = " | "
MAX_MILESTONES = 200


def milestone_line(milestone):
    done = milestone.done_on.isoformat() if milestone.done_on else ""
    return f"{milestone.due_on.isoformat()}{SEPARATOR}{done}{SEPARATOR}{milestone.title}"


def _date(text, what, number):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"line {number}: {what} “{text}” is not a date (YYYY-MM-DD).") from None


def parse_milestones(text):
    """``[Milestone(...)]`` (unsaved) from the column's text; ``ValueError`` names the line."""
    milestones = []
    lines = [line for line in str(text or "").splitlines() if line.strip()]
    if len(lines) > MAX_MILESTONES:
        raise ValueError(f"at most {MAX_MILESTONES} milestones per initiative.")
    for number, line in enumerate(lines, 1):
        parts = [part.strip() for part in line.split("|", 2)]
        if len(parts) != 3 or not parts[2]:
            raise ValueError(f"line {number}: write “due | done | title” (done may be empty).")
        due, done, title = parts
        due_on = _date(due, "the due date", number)
        done_on = _date(done, "the done date", number) if done else None
        if len(title) > Milestone._meta.get_field("title").max_length:
            raise ValueError(f"line {number}: the title is longer than 200 characters.")
        milestones.append(Milestone(title=title, due_on=due_on, done_on=done_on, order=number - 1))
    return milestones


class InitiativeResource(ContentResource):
    lead_division = slug_field("lead_division", Division, "division")
    supporting_divisions = slug_field("supporting_divisions", Division, "division", many=True)
    topics = slug_field("topics", Topic, "topic", many=True)
    member_states = slug_field("member_states", MemberState, "member state", many=True)
    milestones = fields.Field(column_name="milestones", attribute=None, readonly=False)

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
            "start_date",
            "end_date",
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
            "initiative_id", "title", "due_on", "done_on"
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
        # As the export writes them: in the milestones' own order, which puts the due date first.
        fields = ("title", "due_on", "done_on")
        now = [tuple(getattr(m, f) for f in fields) for m in original.milestones.all()]
        return now == [tuple(getattr(m, f) for f in fields) for m in wanted]

    def save_parts(self, instance, row):
        wanted = getattr(instance, "_imported_milestones", None)
        if wanted is None:
            return
        existing = {(m.title, m.due_on): m for m in instance.milestones.all()}
        for milestone in wanted:
            kept = existing.pop((milestone.title, milestone.due_on), None)
            if kept is not None:
                kept.done_on, kept.order = milestone.done_on, milestone.order
                kept.save()
            else:
                milestone.initiative = instance
                milestone.save()
        for milestone in existing.values():
            milestone.delete()
