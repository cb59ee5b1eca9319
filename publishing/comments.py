"""Comments on an item: internal notes, and "request changes", which sends the item (or its
draft) back to its author with a comment. Both are ``WorkflowNote`` rows, shown on the
item's review page and in its history."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from publishing import drafts, signals
from publishing.content import State
from publishing.history import one_revision
from publishing.models import WorkflowNote

MAX_LENGTH = 4000


def notes_of(model, pk):
    """Every note on item ``pk``, newest first, with their authors (one query)."""
    return WorkflowNote.objects.filter(
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
        object_id=pk,
    ).select_related("author", "about")


def add_note(obj, user, text, kind=WorkflowNote.NOTE, about=None, on_draft=False, data=None):
    return WorkflowNote.objects.create(
        content_type=ContentType.objects.get_for_model(type(obj), for_concrete_model=False),
        object_id=obj.pk,
        kind=kind,
        text=text.strip()[:MAX_LENGTH],
        author=user,
        about=about,
        on_draft=on_draft,
        data=data,
    )


class NothingToSendBack(Exception):
    """Neither the item nor a draft of it is waiting for review."""


@transaction.atomic
def request_changes(obj, user, comment):
    """Send ``obj`` back to its author: its draft (if it has one sent for review) goes back
    to being a draft; an item in review goes back to draft, as one revision. The comment is
    kept and the author told. Returns the note."""
    pending = drafts.draft_for(obj)
    if pending is not None and pending.submitted_at is not None:
        type(pending).objects.filter(pk=pending.pk).update(submitted_at=None)
        author, on_draft = pending.author, True
    elif obj.state == State.REVIEW:
        author, on_draft = obj.updated_by, False
        obj.state = State.DRAFT
        obj.updated_by = user
        with one_revision(obj, user, f"Changes requested: {comment.strip()[:200]}"):
            obj.save(update_fields=["state", "updated_by", "updated_at"])
    else:
        raise NothingToSendBack(f"“{obj}” is not waiting for review.")
    note = add_note(
        obj, user, comment, WorkflowNote.CHANGES_REQUESTED, about=author, on_draft=on_draft
    )
    signals.announce(signals.CHANGES_REQUESTED, obj, user, author, comment, draft=on_draft)
    return note
