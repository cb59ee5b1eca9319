"""The daily review-by reminders: each item due for review within ``DUE_SOON_DAYS`` days
(and again once overdue) is told to its owning division's named owner, once per review-by
date and stage (``ReviewReminder``), grouped into one notification per person.

Running it twice sends nothing twice; an item whose division names no owner is reminded
the day one is named."""

import datetime
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from notifications.delivery import notify
from notifications.models import Kind, ReviewReminder
from notifications.receivers import title_of
from publishing.content import State
from publishing.registry import registry

DUE_SOON_DAYS = 30
LISTED = 50  # items named in one notification; the rest are counted


def owner_path(content_type):
    """The ORM path from an item to its division's owner, or None (no ``owner`` field)."""
    try:
        content_type.owning_division_model()._meta.get_field("owner")
    except FieldDoesNotExist:
        return None
    field = content_type.model.owning_division_field
    return "owner" if field == "id" else f"{field}__owner"


def _owner_of(item, path):
    for step in path.split("__"):
        item = getattr(item, step, None)
        if item is None:
            return None
    return item


@transaction.atomic
def send_review_reminders(today=None):
    """Send what is due; returns how many items were reminded."""
    today = today or timezone.localdate()
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    by_owner = defaultdict(list)
    new = []
    for content_type in registry.types():
        path = owner_path(content_type) if content_type.review else None
        if path is None:
            continue
        model = content_type.model
        ct = ContentType.objects.get_for_model(model, for_concrete_model=False)
        rows = (
            model._default_manager.filter(review_by__lte=soon)
            .exclude(state=State.ARCHIVED)
            .exclude(**{f"{path}__isnull": True})
            .select_related(path)
            .order_by("review_by", "pk")
        )
        done = set(
            ReviewReminder.objects.filter(content_type=ct, review_by__lte=soon).values_list(
                "object_id", "review_by", "stage"
            )
        )
        for item in rows.iterator(chunk_size=1000):
            stage = ReviewReminder.OVERDUE if item.review_by < today else ReviewReminder.SOON
            if (item.pk, item.review_by, stage) in done:
                continue
            owner = _owner_of(item, path)
            new.append(
                ReviewReminder(
                    content_type=ct,
                    object_id=item.pk,
                    review_by=item.review_by,
                    stage=stage,
                    owner=owner,
                )
            )
            by_owner[owner].append((item, stage))
    ReviewReminder.objects.bulk_create(new, ignore_conflicts=True)
    for owner, items in by_owner.items():
        lines = [
            f"- {title_of(item)}: review by {item.review_by:%d %b %Y}"
            + (" (overdue)" if stage == ReviewReminder.OVERDUE else "")
            for item, stage in items[:LISTED]
        ]
        if len(items) > LISTED:
            lines.append(f"… and {len(items) - LISTED} more.")
        count = len(items)
        notify(
            [owner],
            Kind.REVIEW_DUE,
            f"{count} item{'s' if count != 1 else ''} you own {'are' if count != 1 else 'is'} "
            "due for review",
            "Check each is still accurate and confirm it (or change it):\n" + "\n".join(lines),
            reverse("admin:review_due"),
        )
    return len(new)
