"""Reading recorded revisions: a readable comparison of two, and reverting to one.

A revision is a django-simple-history record. Comparison covers the item's own editable
fields, its many-to-many fields and any parts the model snapshots with it (an initiative's
milestones). Reverting writes the old values back through ``save()``, as one new revision,
so the revert is itself in the history and every cache or index that listens to saves hears
of it.
"""

import difflib
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from simple_history.utils import get_m2m_reverse_field_name

from partial_dates import PartialDate
from publishing.content import State
from publishing.history import one_revision
from publishing.workflow import EDITOR_STATES, SCHEDULE_FIELDS, may_publish

PUBLICATION_FIELDS = ("state", *SCHEDULE_FIELDS)
EMPTY = "—"


class RevertError(Exception):
    """The revision cannot be written back; the message says why. Nothing was changed."""


def tracked_fields(model):
    """The editable fields a revision holds: what staff type, not what is derived."""
    return [f for f in model._meta.concrete_fields if f.editable and not f.primary_key]


def tracked_m2m_fields(model):
    return list(getattr(model.history.model, "_history_m2m_fields", []))


def when(record):
    return date_format(timezone.localtime(record.history_date), "j M Y, H:i:s")


def who(record):
    user = record.history_user
    return (user.get_full_name() or user.get_username()) if user else "someone (not recorded)"


# --- values as staff read them ---------------------------------------------------------


def _display(field, value, related_names):
    if value is None or value == "":
        return EMPTY
    if field.is_relation:
        return related_names.get((field.related_model, value), f"(deleted, #{value})")
    if field.flatchoices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if hasattr(value, "tzinfo"):  # a datetime
        return date_format(timezone.localtime(value), "j M Y, H:i")
    if isinstance(value, PartialDate):  # a date known to the year, month or day
        return str(value)
    if hasattr(value, "isoformat"):  # a date
        return date_format(value, "j M Y")
    return str(value)


def _m2m_ids(record, field):
    draft_links = getattr(record, "m2m_ids", None)  # a pending draft (publishing.drafts)
    if draft_links is not None:
        return sorted(draft_links.get(field.name, []))
    target = get_m2m_reverse_field_name(field)
    return sorted(getattr(row, f"{target}_id") for row in getattr(record, field.name).all())


def _related_names(records, fields, m2m_fields):
    """``{(model, pk): str(obj)}`` for every related object the records mention, one query
    per related model."""
    wanted = {}
    for record in records:
        for field in fields:
            value = getattr(record, field.attname)
            if field.is_relation and value is not None:
                wanted.setdefault(field.related_model, set()).add(value)
        for field in m2m_fields:
            wanted.setdefault(field.related_model, set()).update(_m2m_ids(record, field))
    names = {}
    for model, ids in wanted.items():
        for obj in model._default_manager.filter(pk__in=ids):
            names[(model, obj.pk)] = str(obj)
    return names


def _milestone_lines(record):
    lines = []
    for m in getattr(record, "milestones_snapshot", None) or []:
        if "line" in m:  # a part that says how it is shown (a person's appointment)
            lines.append(m["line"])
            continue
        # Revisions written before partial dates say due_on/done_on.
        planned, reached = m.get("planned", m.get("due_on")), m.get("reached", m.get("done_on"))
        planned = f"planned {planned}" if planned else "no planned date"
        reached = f", reached {reached}" if reached else ", not reached"
        lines.append(f"{m['title']} ({planned}{reached})")
    return lines


def _word_diff(before, after):
    """Both texts with removed words in <del> and added words in <ins>."""
    a, b = re.split(r"(\s+)", before), re.split(r"(\s+)", after)
    old, new = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        left, right = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if op == "equal":
            old.append(left)
            new.append(right)
        else:
            if left:
                old.append(f"<del>{left}</del>")
            if right:
                new.append(f"<ins>{right}</ins>")
    return mark_safe("".join(old)), mark_safe("".join(new))  # noqa: S308 - escaped above


def _list_diff(before, after):
    def render(items, others, tag):
        if not items:
            return EMPTY
        rows = (
            format_html("<li><{}>{}</{}></li>", tag, item, tag)
            if item not in others
            else format_html("<li>{}</li>", item)
            for item in items
        )
        return format_html('<ul class="diff-list">{}</ul>', mark_safe("".join(rows)))  # noqa: S308

    return render(before, after, "del"), render(after, before, "ins")


def compare(older, newer, changed_only=True):
    """Rows ``{"label", "before", "after", "changed"}`` comparing two revisions field by
    field, in form order; values are ready to show (HTML-safe)."""
    model = older.instance_type
    fields = tracked_fields(model)
    m2m_fields = tracked_m2m_fields(model)
    names = _related_names([older, newer], fields, m2m_fields)
    rows = []
    for field in fields:
        a = _display(field, getattr(older, field.attname), names)
        b = _display(field, getattr(newer, field.attname), names)
        if a != b and not field.is_relation and not field.flatchoices and len(a + b) > 60:
            before, after = _word_diff(a, b)
        else:
            before, after = escape(a), escape(b)
        rows.append(
            {"label": field.verbose_name, "before": before, "after": after, "changed": a != b}
        )
    for field in m2m_fields:
        a = sorted(names.get((field.related_model, pk), f"#{pk}") for pk in _m2m_ids(older, field))
        b = sorted(names.get((field.related_model, pk), f"#{pk}") for pk in _m2m_ids(newer, field))
        before, after = _list_diff(a, b)
        rows.append(
            {"label": field.verbose_name, "before": before, "after": after, "changed": a != b}
        )
    if hasattr(older, "milestones_snapshot"):
        a, b = _milestone_lines(older), _milestone_lines(newer)
        before, after = _list_diff(a, b)
        label = getattr(model, "parts_label", "milestones")
        rows.append({"label": label, "before": before, "after": after, "changed": a != b})
    return [row for row in rows if row["changed"]] if changed_only else rows


def changed_labels(older, newer):
    """The names of the fields that differ between two revisions (for short summaries)."""
    return [str(row["label"]) for row in compare(older, newer)]


# --- writing a revision back -----------------------------------------------------------


def last_version_before_deletion(model, pk):
    """The newest revision of a deleted item that holds its full content."""
    history = model.history.filter(id=pk).order_by("-history_date", "-history_id")
    return history.exclude(history_type="-").first() or history.first()


def _copy_fields(target, record, user, restoring, keep_publication=False):
    model = type(target)
    publisher = may_publish(user, model)
    for field in tracked_fields(model):
        value = getattr(record, field.attname)
        if field.name in PUBLICATION_FIELDS and keep_publication:
            continue
        if field.name in PUBLICATION_FIELDS and not publisher:
            if not restoring:
                continue  # an Editor's revert leaves publication as it is now
            if field.name == "state":
                value = value if value in EDITOR_STATES else State.DRAFT
            else:
                value = None
        gone = (
            field.is_relation
            and value is not None
            and not field.related_model._default_manager.filter(pk=value).exists()
        )
        if gone:
            if not field.null:
                raise RevertError(
                    f"The {field.verbose_name} this version points to no longer exists."
                )
            value = None
        setattr(target, field.attname, value)


@transaction.atomic
def revert(model, record, user, current=None, reason=None, keep_publication=False):
    """Write revision ``record`` back: onto ``current`` (a revert) or as the item itself
    again (``current`` None: restoring a deleted item, under its old id). Returns the item.

    Someone who may not publish keeps the item's present publication state and schedule; an
    item they restore comes back as a draft (or in review, if it was). With
    ``keep_publication`` nobody's write-back touches them (publishing a pending draft).
    ``record`` may also be a pending draft (``publishing.drafts.DraftRecord``)."""
    restoring = current is None
    target = current if current is not None else model(pk=record.id)
    _copy_fields(target, record, user, restoring, keep_publication)
    target.updated_by = user
    if restoring:
        target.created_by_id = record.created_by_id
        # Carry on the numbering, so a version number names one revision only.
        target.version = (
            max(model.history.filter(id=record.id).values_list("version", flat=True)) + 1
        )
    try:
        target.full_clean(validate_unique=True)
    except ValidationError as error:
        raise RevertError(" ".join(error.messages)) from error
    if reason is None:
        reason = f"{'Restored' if restoring else 'Reverted to'} the version of {when(record)}"
    with one_revision(target, user, reason):
        target.save()
        for field in tracked_m2m_fields(model):
            existing = set(
                field.related_model._default_manager.filter(
                    pk__in=_m2m_ids(record, field)
                ).values_list("pk", flat=True)
            )
            getattr(target, field.name).set(existing)
        restore_parts = getattr(target, "restore_parts", None)
        if restore_parts is not None:
            restore_parts(record)
    return target
