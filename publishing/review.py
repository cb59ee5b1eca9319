"""Review-by dates: confirming an item is still accurate sets its next review date at once
— no draft, no new publication — as one revision, so the confirmation is in its history.
Anyone who may change the item may confirm it (an Editor too, on a live item: nothing the
public reads changes)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from publishing.history import one_revision
from publishing.models import Draft


class BadReviewDate(ValueError):
    pass


def next_review_date(today=None):
    today = today or timezone.localdate()
    return today + datetime.timedelta(days=settings.CONTENT_REVIEW_INTERVAL_DAYS)


@transaction.atomic
def confirm_still_accurate(obj, user, next_date=None, note=""):
    """Set ``obj``'s next review date (a year ahead unless ``next_date``), as one revision
    saying who confirmed it. A pending draft follows (publishing it keeps the new date),
    and stays based on the live version it was (the confirmation is no change to it)."""
    today = timezone.localdate()
    next_date = next_date or next_review_date(today)
    if next_date <= today:
        raise BadReviewDate("The next review date must be after today.")
    old_version = obj.version
    obj.review_by = next_date
    said = f"Confirmed still accurate; next review by {date_format(next_date, 'j M Y')}"
    with one_revision(obj, user, f"{said}: {note.strip()[:300]}" if note.strip() else said):
        obj.save(update_fields=["review_by", "updated_at"])
    pending = Draft.objects.filter(
        content_type__app_label=obj._meta.app_label,
        content_type__model=obj._meta.model_name,
        object_id=obj.pk,
    ).first()
    if pending is not None:
        pending.data["fields"]["review_by"] = next_date.isoformat()
        if pending.base_version == old_version:
            pending.base_version = obj.version
        Draft.objects.filter(pk=pending.pk).update(
            data=pending.data, base_version=pending.base_version
        )
    return obj
