"""The editorial workflow's steps, told to whoever listens (the notifications wing).

Publishing names no listener: a wing connects to ``workflow_step`` and reads the item's
type from the sender and what it needs from the item (its owning division, its admin URL).
"""

from django.dispatch import Signal

SENT_FOR_REVIEW = "sent_for_review"
PUBLISHED = "published"
CHANGES_REQUESTED = "changes_requested"
DISCARDED = "discarded"
NOTE_ADDED = "note_added"

#: ``sender``: the item's model. Arguments: ``event`` (one of the names above), ``item``,
#: ``actor`` (who did it), ``author`` (whose work it was: the draft's author, whoever sent
#: the item for review; None when unknown), ``note`` (a comment or reason, may be empty),
#: ``draft`` (True: a draft of the live item, not the item itself).
workflow_step = Signal()


def announce(event, item, actor, author=None, note="", draft=False):
    workflow_step.send(
        sender=type(item),
        event=event,
        item=item,
        actor=actor,
        author=author,
        note=note,
        draft=draft,
    )
