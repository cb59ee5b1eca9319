"""Who may put content in which publication state: one rule for every route.

The change form, the bulk actions, an import and a revert all ask these functions, so an
Editor cannot publish by any of them. Editors keep items in draft or send them for review;
publishing, scheduling (publish/unpublish times), unpublishing and archiving need the
model's ``publish_<model>`` permission (the Publisher and Site administrator roles).
"""

from django.core.exceptions import PermissionDenied

from publishing.content import State, publish_permission

EDITOR_STATES = (State.DRAFT, State.REVIEW)
SCHEDULE_FIELDS = ("publish_at", "unpublish_at")


def may_publish(user, model):
    return user.has_perm(publish_permission(model))


def allowed_states(user, model, current=None):
    """The states ``user`` may choose for an item now in ``current`` (None: a new item)."""
    if may_publish(user, model):
        return list(State.values)
    if current is None or current in EDITOR_STATES:
        return list(EDITOR_STATES)
    return [current]  # published or archived: not theirs to change


def check_state_change(user, model, current, wanted):
    """Raise ``PermissionDenied`` unless ``user`` may move an item from ``current`` (None
    for a new item) to ``wanted``."""
    if wanted != current and wanted not in allowed_states(user, model, current):
        label = State(wanted).label.lower()
        raise PermissionDenied(
            f"You may not make {model._meta.verbose_name_plural} {label}: "
            "ask a Publisher (you may keep drafts and send them for review)."
        )


def check_schedule_change(user, model, before, after):
    """Raise ``PermissionDenied`` if ``user`` may not publish but the publish/unpublish
    times differ between ``before`` and ``after`` (objects or dicts of the two fields)."""
    if may_publish(user, model):
        return
    for name in SCHEDULE_FIELDS:
        if _value(before, name) != _value(after, name):
            raise PermissionDenied("Only a Publisher may set publish and unpublish times.")


def _value(source, name):
    return source.get(name) if isinstance(source, dict) else getattr(source, name, None)


def second_person_refusal(user, author_id):
    """With ``PUBLISH_REQUIRES_SECOND_PERSON``, why ``user`` may not publish work whose
    author is ``author_id`` (their own); None when they may."""
    from django.conf import settings

    if getattr(settings, "PUBLISH_REQUIRES_SECOND_PERSON", False) and author_id == user.pk:
        return (
            "A second person publishes: you wrote this, so another Publisher must publish it "
            "(send it for review)."
        )
    return None
