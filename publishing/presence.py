"""Who else has an item open ("Also open by … since …", a soft lock that expires), and a
Publisher's lock on an item (nobody else saves it until it is lifted)."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from publishing.models import EditLock, EditPresence


def _type(obj):
    model = obj if isinstance(obj, type) else type(obj)
    return ContentType.objects.get_for_model(model, for_concrete_model=False)


def _name(user):
    return user.get_full_name() or user.get_username()


def _when(moment):
    return date_format(timezone.localtime(moment), "j M Y, H:i")


def opened(model, pk, user):
    """``user`` opened the form of ``model``'s item ``pk``: note it, and return who else
    has it open (``[{"who", "since"}]``, within ``EDIT_PRESENCE_MINUTES``)."""
    now = timezone.now()
    fresh = now - datetime.timedelta(minutes=settings.EDIT_PRESENCE_MINUTES)
    rows = EditPresence.objects.filter(content_type=_type(model), object_id=pk)
    others = []
    mine = None
    for row in rows.select_related("user"):
        if row.user_id == user.pk:
            mine = row
        elif row.seen_at >= fresh:
            others.append({"who": _name(row.user), "since": _when(row.opened_at)})
    if mine is None:
        try:
            with transaction.atomic():
                EditPresence.objects.create(
                    content_type=_type(model),
                    object_id=pk,
                    user=user,
                    opened_at=now,
                    seen_at=now,
                )
        except IntegrityError:  # opened twice at once: the other request noted it
            pass
    else:
        # A form left open past the expiry counts as opened anew.
        since = mine.opened_at if mine.seen_at >= fresh else now
        EditPresence.objects.filter(pk=mine.pk).update(opened_at=since, seen_at=now)
    return others


def closed(model, pk, user):
    """``user`` saved the form of ``model``'s item ``pk``."""
    EditPresence.objects.filter(content_type=_type(model), object_id=pk, user=user).delete()


def lock_of(obj):
    return (
        EditLock.objects.filter(content_type=_type(obj), object_id=obj.pk)
        .select_related("locked_by")
        .first()
    )


def describe_lock(lock, user):
    if lock is None:
        return None
    return {
        "who": _name(lock.locked_by),
        "since": _when(lock.locked_at),
        "note": lock.note,
        "mine": lock.locked_by_id == user.pk,
    }


def lock(obj, user, note=""):
    EditLock.objects.get_or_create(
        content_type=_type(obj), object_id=obj.pk, defaults={"locked_by": user, "note": note}
    )


def unlock(obj):
    EditLock.objects.filter(content_type=_type(obj), object_id=obj.pk).delete()


def lock_refusal(obj, user):
    """Why ``user`` may not save ``obj`` (it is locked by someone else), or None."""
    found = lock_of(obj)
    if found is None or found.locked_by_id == user.pk:
        return None
    return (
        f"{_name(found.locked_by)} locked this item on {_when(found.locked_at)}"
        + (f" ({found.note})" if found.note else "")
        + ": nothing can be saved until it is unlocked."
    )
