"""Drafts of live items: what someone who may not publish saves to a published (or
archived) item waits for a Publisher, and the public page stays as it is.

The change is made for real, inside a savepoint that is then rolled back (a *sandbox*), so
the draft is exactly what the save would have produced — fields, many-to-many links and
parts such as an initiative's milestones — without a second copy of the admin's form
logic. The result is kept as a snapshot in one ``Draft`` per item. Reopening the
item shows the draft the same way: it is applied in a sandbox and the form is drawn from
it. Publishing writes the snapshot onto the live item as one revision (through ``save()``,
so the content token and the search index follow); it is refused while the live item
has changed since the draft was started, until a Publisher has seen what changed.
"""

import json
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.formats import date_format

from publishing import changes
from publishing.concurrency import describe_conflict
from publishing.history import no_revisions
from publishing.models import Draft, DraftRevision
from publishing.revisions import changed_labels, revert, tracked_fields, tracked_m2m_fields
from publishing.workflow import EDITOR_STATES, may_publish


class StaleDraft(Exception):
    """The live item changed after the draft was started; ``conflict`` says how."""

    def __init__(self, conflict, live_version):
        super().__init__("The live item has changed since this draft was started.")
        self.conflict = conflict
        self.live_version = live_version


def must_save_as_draft(user, model, state):
    """Does a change by ``user`` to an item in ``state`` wait for a Publisher?"""
    return state is not None and state not in EDITOR_STATES and not may_publish(user, model)


@contextmanager
def sandbox():
    """Everything written inside is rolled back when the block ends.

    What a write sets off after its commit (the search index, the content token:
    ``caching.after_commit``) never happens for it, and no revision is recorded in it. The
    change itself still runs: an Editor's draft save of an initiative with its links and
    three milestones costs 74 statements in all (88 before revisions were left out, 239
    when the sandbox also indexed and changed the token), about half of them the sandboxed
    form save that is rolled back."""
    with transaction.atomic(), no_revisions():
        yield
        transaction.set_rollback(True)


# --- snapshots -------------------------------------------------------------------------


def _plain(value):
    """A stored file (a person's portrait) is kept by its name: the file itself stays."""
    return value.name or "" if isinstance(value, FieldFile) else value


def take_snapshot(obj):
    """``obj`` as stored now: its editable fields, many-to-many ids and parts (JSON)."""
    model = type(obj)
    data = {
        "fields": {f.attname: _plain(f.value_from_object(obj)) for f in tracked_fields(model)},
        "m2m": {
            f.name: sorted(getattr(obj, f.name).order_by().values_list("pk", flat=True))
            for f in tracked_m2m_fields(model)
        },
    }
    if hasattr(obj, "parts_snapshot"):
        data["parts"] = obj.parts_snapshot()
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


class DraftRecord:
    """A snapshot dressed as a history record, for ``versions.compare`` and ``revert``."""

    def __init__(self, model, pk, data):
        self.instance_type = model
        self.id = pk
        for field in tracked_fields(model):
            raw = data["fields"].get(field.attname, field.get_default())
            setattr(self, field.attname, None if raw is None else field.to_python(raw))
        self.m2m_ids = data.get("m2m", {})
        if "parts" in data:
            self.milestones_snapshot = data["parts"]


def record_of(obj, data=None):
    """``obj`` as a comparable record: as stored now, or as the snapshot ``data``."""
    return DraftRecord(type(obj), obj.pk, take_snapshot(obj) if data is None else data)


def apply_snapshot(obj, data, user, reason):
    """Write snapshot ``data`` onto ``obj`` (its publication state and schedule stay)."""
    record = DraftRecord(type(obj), obj.pk, data)
    return revert(type(obj), record, user, current=obj, reason=reason, keep_publication=True)


# --- the drafts ------------------------------------------------------------------------


def _content_type(model):
    return ContentType.objects.get_for_model(model, for_concrete_model=False)


def draft_for(obj):
    return draft_of(type(obj), obj.pk)


def draft_of(model, pk):
    return (
        Draft.objects.filter(content_type=_content_type(model), object_id=pk)
        .select_related("author")
        .first()
    )


def ids_with_draft(model):
    """A subquery: the ids of ``model``'s items with a pending draft."""
    return Draft.objects.filter(
        content_type__app_label=model._meta.app_label,
        content_type__model=model._meta.model_name,
    ).values("object_id")


def drop_drafts(model, pks):
    """Deleted items take their drafts with them."""
    Draft.objects.filter(content_type=_content_type(model), object_id__in=pks).delete()


def apply_draft_in_sandbox(obj, pending, user):
    """Inside a ``sandbox()``: make ``obj`` look as its draft says. Its version number is
    the live one plus the draft's saves, so a form drawn from it is refused (no lost edits)
    if either the live item or the draft is saved by someone else in the meantime."""
    version = obj.version + pending.saves
    apply_snapshot(obj, pending.data, user, "Draft (not saved)")
    type(obj)._base_manager.filter(pk=obj.pk).update(version=version)
    obj.version = version


def save_draft(model, pk, user, data, base_version, submit=False, change_note=None):
    """Keep ``data`` as the item's pending draft (started from ``base_version`` unless a
    draft exists already). Returns the draft, or None when ``data`` is what is live (any
    draft is then dropped). ``change_note``, when given, is the draft's public change note
    ("" for a minor change); None keeps the draft's note as it is."""
    live = model._default_manager.get(pk=pk)
    if data == take_snapshot(live):
        Draft.objects.filter(content_type=_content_type(model), object_id=pk).delete()
        return None
    pending = draft_of(model, pk) or Draft(
        content_type=_content_type(model), object_id=pk, base_version=base_version
    )
    if pending.pk is not None:
        pending.saves += 1
    pending.data, pending.author = data, user
    if change_note is not None:
        pending.change_note = change_note.strip()
    if submit and pending.submitted_at is None:
        pending.submitted_at = timezone.now()
    pending.save()
    DraftRevision.objects.create(
        content_type_id=pending.content_type_id,
        object_id=pk,
        draft_id=pending.pk,
        number=pending.saves,
        data=data,
        author=user,
    )
    return pending


def draft_revision(pending, number):
    """Save ``number`` of draft ``pending`` (a ``DraftRevision``), or None."""
    return DraftRevision.objects.filter(draft_id=pending.pk, number=number).first()


def draft_saves(obj, pending):
    """The saves of ``pending``, newest first, each with the fields it changed (against
    the save before it, the first against the live item)."""
    saves = list(DraftRevision.objects.filter(draft_id=pending.pk).select_related("author")[:50])
    for newer, older in zip(saves, saves[1:] + [None], strict=True):
        before = record_of(obj) if older is None else DraftRecord(type(obj), obj.pk, older.data)
        newer.changed = changed_labels(before, DraftRecord(type(obj), obj.pk, newer.data))
    return saves


def save_as_draft(obj, user, change, submit=False):
    """Run ``change(obj)`` on the item as its draft shows it (or as it is live), keep the
    result as its draft, and leave the live item unchanged. Returns the draft (None: the
    result is what is live)."""
    model, live_version = type(obj), obj.version
    pending = draft_for(obj)
    with sandbox():
        if pending is not None:
            apply_draft_in_sandbox(obj, pending, user)
        change(obj)
        data = take_snapshot(obj)
    base = pending.base_version if pending is not None else live_version
    return save_draft(model, obj.pk, user, data, base, submit)


def author_name(pending):
    user = pending.author
    return (user.get_full_name() or user.get_username()) if user else "someone"


def is_stale(pending, live):
    return live.version != pending.base_version


@transaction.atomic
def publish(model, pending, user, confirmed_version=None):
    """Make the draft live as one revision, and drop it. Raises ``StaleDraft`` if the live
    item changed after the draft was started, unless ``confirmed_version`` is the live
    version (the Publisher saw what changed and chose to put the draft over it; the
    version it replaces stays in the history). Raises ``versions.RevertError`` if the
    draft is no longer valid (say its slug is now taken); nothing is changed then."""
    live = model._default_manager.select_for_update().get(pk=pending.object_id)
    if is_stale(pending, live) and confirmed_version != live.version:
        raise StaleDraft(describe_conflict(live, pending.base_version), live.version)
    reason = f"Published the changes of {author_name(pending)} (draft saved {when_saved(pending)})"
    apply_snapshot(live, pending.data, user, reason)
    changes.record_major_change(live, pending.change_note, user)  # readers are told of it
    pending.delete()
    return live


def when_saved(pending):
    return date_format(timezone.localtime(pending.updated_at), "j M Y, H:i:s")


def submit(pendings):
    """Send drafts for review (a Publisher's list filter shows them)."""
    return pendings.filter(submitted_at__isnull=True).update(submitted_at=timezone.now())


def changed_since_live(obj, data):
    """The labels of the fields where snapshot ``data`` differs from the live ``obj``."""
    return changed_labels(record_of(obj), DraftRecord(type(obj), obj.pk, data))
