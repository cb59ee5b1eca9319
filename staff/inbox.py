"""The review inbox on the admin home: what is waiting for the signed-in person, across every
registered content type, by title.

- **Awaiting my review** (a Publisher of the type): new items sent for review, and drafts of
  live items sent for review.
- **My drafts and what I sent**: items in draft or review last saved by me, and my drafts
  of live items.
- **Scheduled** (published, with a publish time still to come), **recently published** (the
  public record of first publications and major changes), and **due for review** within
  ``DUE_SOON_DAYS`` days or overdue.

The cost does not grow with the rows: per type, one aggregate counts every section and one
query per non-empty section reads at most ``SHOWN`` rows; drafts and publications are read
across types in one query each, and their titles in one query per type they mention.
"""

import datetime
from collections import defaultdict

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.text import Truncator, capfirst

from notifications.models import Notification
from publishing.admin.content import portal_time
from publishing.content import State
from publishing.models import Draft, PublicChange
from publishing.registry import registry
from publishing.workflow import may_publish

SHOWN = 10  # rows shown per section; the section links to the full list
DUE_SOON_DAYS = 30
RECENT_DAYS = 14


def title_of(model, obj):
    """``FAQ: Who leads the ASEAN Secretariat?``: the type, then the item's own name."""
    name = Truncator(str(obj)).chars(90)
    return f"{capfirst(model._meta.verbose_name)}: {name}"


def plural(model):
    return capfirst(model._meta.verbose_name_plural)


def admin_url(model, view, *args):
    try:
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)
    except NoReverseMatch:
        return ""


def visible_types(request):
    """The registered types whose admin the user may open, in registration order."""
    found = []
    for content_type in registry.types():
        model_admin = admin.site._registry.get(content_type.model)
        if model_admin is not None and model_admin.has_view_or_change_permission(request):
            found.append(content_type)
    return found


class Section:
    def __init__(self, key, title, empty):
        self.key, self.title, self.empty = key, title, empty
        self.rows, self.links, self.count = [], [], 0

    def add(self, row):
        self.rows.append(row)

    def finish(self, sort_key, reverse=False):
        self.rows.sort(key=sort_key, reverse=reverse)
        self.rows = self.rows[:SHOWN]
        return self


def _row(model, obj, url, **extra):
    return {"title": title_of(model, obj), "url": url, "type": model._meta.verbose_name, **extra}


def inbox(request):
    """The sections of ``request.user``'s inbox (a list; empty sections are kept, with a
    sentence saying so)."""
    user = request.user
    now = timezone.now()
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    types = visible_types(request)
    publisher_of = {t.model for t in types if may_publish(user, t.model)}

    review = Section(
        "review",
        "Awaiting my review",
        "Nothing is waiting for your review.",
    )
    mine = Section("mine", "My drafts and what I sent", "You have no drafts waiting.")
    scheduled = Section("scheduled", "Scheduled", "Nothing is scheduled.")
    published = Section(
        "published", f"Published in the last {RECENT_DAYS} days", "Nothing was published lately."
    )
    due = Section(
        "due",
        f"Due for review in the next {DUE_SOON_DAYS} days, or overdue",
        "Nothing is due for review.",
    )

    for content_type in types:
        model = content_type.model
        rows = model._default_manager.all()
        is_publisher = model in publisher_of
        wanted = {
            "mine": Count("pk", filter=Q(state__in=(State.DRAFT, State.REVIEW), updated_by=user)),
            "scheduled": Count("pk", filter=Q(state=State.PUBLISHED, publish_at__gt=now)),
        }
        if is_publisher:
            wanted["review"] = Count("pk", filter=Q(state=State.REVIEW))
        if content_type.review:
            wanted["due"] = Count("pk", filter=Q(review_by__lte=soon) & ~Q(state=State.ARCHIVED))
        counts = defaultdict(int, rows.aggregate(**wanted))
        changelist = admin_url(model, "changelist")
        if counts["review"]:
            review.count += counts["review"]
            review.links.append(
                (
                    f"{capfirst(model._meta.verbose_name_plural)} in review",
                    f"{changelist}?state__exact=review",
                )
            )
            for obj in rows.filter(state=State.REVIEW).order_by("updated_at")[:SHOWN]:
                review.add(
                    _row(
                        model,
                        obj,
                        admin_url(model, "change", obj.pk),
                        what="New item",
                        when=obj.updated_at,
                    )
                )
        if counts["mine"]:
            mine.count += counts["mine"]
            for obj in rows.filter(state__in=(State.DRAFT, State.REVIEW), updated_by=user).order_by(
                "-updated_at"
            )[:SHOWN]:
                what = "Sent for review" if obj.state == State.REVIEW else "Draft"
                mine.add(
                    _row(
                        model,
                        obj,
                        admin_url(model, "change", obj.pk),
                        what=what,
                        when=obj.updated_at,
                    )
                )
        if counts["scheduled"]:
            scheduled.count += counts["scheduled"]
            for obj in rows.filter(state=State.PUBLISHED, publish_at__gt=now).order_by(
                "publish_at"
            )[:SHOWN]:
                scheduled.add(
                    _row(
                        model,
                        obj,
                        admin_url(model, "change", obj.pk),
                        when=obj.publish_at,
                        when_label=portal_time(obj.publish_at),
                    )
                )
        if counts["due"]:
            due.count += counts["due"]
            due.links.append(
                (
                    f"{capfirst(model._meta.verbose_name_plural)} due soon",
                    f"{changelist}?review=soon",
                )
            )
            for obj in (
                rows.filter(review_by__lte=soon)
                .exclude(state=State.ARCHIVED)
                .order_by("review_by")[:SHOWN]
            ):
                due.add(
                    _row(
                        model,
                        obj,
                        admin_url(model, "change", obj.pk),
                        review_by=obj.review_by,
                        overdue=obj.review_by < today,
                        days=abs((obj.review_by - today).days),
                    )
                )

    # Drafts of live items and the public record, across types: one query each.
    type_ids = {
        ContentType.objects.get_for_model(t.model, for_concrete_model=False).pk: t.model
        for t in types
    }
    wanted = Q(author=user)
    if publisher_of:
        publisher_ids = [pk for pk, model in type_ids.items() if model in publisher_of]
        wanted |= Q(submitted_at__isnull=False, content_type_id__in=publisher_ids)
    pending = list(
        Draft.objects.filter(wanted, content_type_id__in=list(type_ids))
        .select_related("author")
        .order_by("-updated_at")[: SHOWN * 4]
    )
    changes = list(
        PublicChange.objects.filter(
            content_type_id__in=list(type_ids),
            published_at__lte=now,
            published_at__gte=now - datetime.timedelta(days=RECENT_DAYS),
        ).order_by("-published_at")[:SHOWN]
    )
    objects = _load(
        type_ids,
        [(d.content_type_id, d.object_id) for d in pending]
        + [(c.content_type_id, c.object_id) for c in changes],
    )
    for draft in pending:
        model = type_ids[draft.content_type_id]
        obj = objects.get((draft.content_type_id, draft.object_id))
        if obj is None:
            continue
        url = admin_url(model, "draft", obj.pk)
        if draft.submitted_at and model in publisher_of and draft.author_id != user.pk:
            review.count += 1
            review.add(
                _row(
                    model,
                    obj,
                    url,
                    what="Changes to the live item",
                    when=draft.submitted_at,
                    by=_name(draft.author),
                )
            )
        if draft.author_id == user.pk:
            mine.count += 1
            what = "Changes sent for review" if draft.submitted_at else "Draft of the live item"
            mine.add(_row(model, obj, url, what=what, when=draft.updated_at))
    for change in changes:
        model = type_ids[change.content_type_id]
        obj = objects.get((change.content_type_id, change.object_id))
        if obj is not None:
            published.count += 1
            note = "First published" if change.first else change.note
            published.add(
                _row(
                    model,
                    obj,
                    admin_url(model, "change", obj.pk),
                    when=change.published_at,
                    what=note,
                )
            )

    by_when = lambda r: r["when"]  # noqa: E731
    sections = [review.finish(by_when)] if publisher_of else []
    return [
        *sections,
        mine.finish(by_when, reverse=True),
        scheduled.finish(by_when),
        published.finish(by_when, reverse=True),
        due.finish(lambda r: r["review_by"]),
    ]


def inbox_context(request):
    """What the admin home adds: the inbox, and how many notifications are unread."""
    if not request.user.is_active or not request.user.is_staff:
        return {}
    unread = Notification.objects.filter(recipient=request.user, read_at__isnull=True).count()
    return {"inbox": inbox(request), "unread_notifications": unread}


def _name(user):
    return (user.get_full_name() or user.get_username()) if user else "someone"


def _load(type_ids, keys):
    """``{(content type id, pk): object}`` for ``keys``: one query per type named."""
    by_type = defaultdict(set)
    for type_id, pk in keys:
        by_type[type_id].add(pk)
    found = {}
    for type_id, pks in by_type.items():
        for obj in type_ids[type_id]._default_manager.filter(pk__in=pks):
            found[(type_id, obj.pk)] = obj
    return found
