"""The public record of changes (as GOV.UK keeps it): when an item was first published,
when it was last changed in a way readers are told of, and the notes of those changes.

- **First publication** is recorded whatever route makes an item published (the change form,
  a bulk action, an import, a revert, the seed loader): a ``post_save`` receiver on every
  registered type notes it once, at the item's ``publish_at`` when that is still to come (a
  scheduled publication counts when it goes live), else at once.
- **A major change** is chosen by staff on the change form, with a note. A Publisher's save
  records it at once; someone who may not publish keeps it with the item's draft
  (``Draft.change_note``) and it is recorded when a Publisher publishes that draft
  (``publishing.drafts.publish``), the one place a draft goes live.
- **Minor changes** (typos, formatting) are not announced: they stay in the staff history.

Pages derive "Published …" and "Last updated …" from these rows, so the content tables need
no fields of their own. Readers only ever see entries whose ``published_at`` has come.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Q, Subquery
from django.db.models.signals import post_save
from django.utils import timezone

from caching.prepared_queries import prepared_for
from publishing.content import State
from publishing.models import PublicChange
from publishing.registry import registry

MAJOR, MINOR = "major", "minor"
LIVE_STATES = (State.PUBLISHED, State.ARCHIVED)


def content_type_of(model):
    return ContentType.objects.get_for_model(model, for_concrete_model=False)


def _of_model(model):
    """A filter on the content type by name: a join, never a separate look-up."""
    opts = model._meta
    return Q(content_type__app_label=opts.app_label, content_type__model=opts.model_name)


def _for(obj):
    return PublicChange.objects.filter(_of_model(type(obj)), object_id=obj.pk)


# --- recording ---------------------------------------------------------------------------


def going_live_at(obj):
    """When ``obj`` (now published) is, or becomes, public."""
    now = timezone.now()
    return obj.publish_at if obj.publish_at and obj.publish_at > now else now


def note_first_publication(sender, instance, raw=False, **kwargs):
    """``post_save`` of a registered type: record its first publication once. While that
    moment is still to come (scheduled), a new ``publish_at`` moves it."""
    if raw or instance.state != State.PUBLISHED:
        return
    first = _for(instance).filter(first=True).first()
    when = going_live_at(instance)
    if first is None:
        PublicChange.objects.create(
            content_type=content_type_of(sender),
            object_id=instance.pk,
            published_at=when,
            note=PublicChange.FIRST_NOTE,
            first=True,
            author=getattr(instance, "updated_by", None),
        )
    elif first.published_at > timezone.now() and first.published_at != when:
        PublicChange.objects.filter(pk=first.pk).update(published_at=when)


def record_major_change(obj, note, user=None):
    """Tell readers of a change to live ``obj``. Returns the entry, or None when ``obj`` is
    not live yet (its first publication is what readers will be told of)."""
    note = (note or "").strip()
    scheduled_or_expired = obj.state == State.PUBLISHED and not obj.is_public
    if not note or obj.state not in LIVE_STATES or scheduled_or_expired:
        return None
    return PublicChange.objects.create(
        content_type=content_type_of(type(obj)),
        object_id=obj.pk,
        published_at=timezone.now(),
        note=note,
        author=user,
    )


def connect():
    """Called from ``AseanPortalConfig.ready()``: every registered type, as it registers."""
    registry.when_registered(
        lambda content_type: post_save.connect(
            note_first_publication,
            sender=content_type.model,
            dispatch_uid=f"public_change_{content_type.model._meta.label_lower}",
        )
    )


# --- reading -----------------------------------------------------------------------------


class PageRecord:
    """What a page says of its own history: first published, last updated, the notes."""

    def __init__(self, entries):
        self.entries = entries  # newest first
        firsts = [e for e in entries if e.first]
        self.first_published = firsts[-1].published_at if firsts else None
        if self.first_published is None and entries:
            self.first_published = entries[-1].published_at
        self.last_updated = entries[0].published_at if entries else None

    @property
    def updated_since(self):
        """Was there a major change after the first publication?"""
        return self.last_updated is not None and self.last_updated != self.first_published

    def __bool__(self):
        return bool(self.entries)


def record_query(model, key="pk"):
    """The query of a ``model`` item's public record (arguments ``now`` and the item's
    ``key``: ``pk`` or ``slug``), prepared once per type: a page may read it with its other
    reads (``caching.folded_queries``) and put ``PageRecord(rows)`` in its context as
    ``RECORD_IN_CONTEXT``, where the page's record tags look first."""
    if key == "slug":
        return prepared_for(
            ("page record by slug", model),
            lambda slug, now: PublicChange.objects.filter(
                _of_model(model),
                object_id__in=model._base_manager.filter(slug=slug).values("pk"),
                published_at__lte=now,
            ),
        )
    return prepared_for(
        ("page record", model),
        lambda pk, now: PublicChange.objects.filter(
            _of_model(model), object_id=pk, published_at__lte=now
        ),
    )


RECORD_IN_CONTEXT = "public_record"


def record_of(obj):
    """``obj``'s public record (one query, prepared once per type)."""
    if obj is None or obj.pk is None:
        return PageRecord([])
    return PageRecord(record_query(type(obj)).rows(pk=obj.pk, now=timezone.now()))


def last_public_change(model):
    """A subquery for ``annotate()``: when a ``model`` row last changed for its readers."""
    return Subquery(
        PublicChange.objects.filter(
            _of_model(model),
            object_id=OuterRef("pk"),
            published_at__lte=timezone.now(),
        )
        .order_by("-published_at")
        .values("published_at")[:1]
    )


def recent_changes():
    """Every entry readers may see, newest first, of items they can reach now."""
    reachable = Q(pk__in=[])
    for content_type in registry.types():
        model = content_type.model
        if not hasattr(model, "get_absolute_url"):
            continue
        reachable |= _of_model(model) & Q(object_id__in=model.objects.reachable().values("pk"))
    return PublicChange.objects.filter(reachable, published_at__lte=timezone.now()).select_related(
        "content_type"
    )


def attach_items(entries):
    """Set ``entry.item`` on each entry (one query per content type on the page)."""
    wanted, models = {}, {}
    for entry in entries:
        wanted.setdefault(entry.content_type_id, set()).add(entry.object_id)
        models[entry.content_type_id] = entry.content_type.model_class()
    found = {}
    for content_type_id, pks in wanted.items():
        for item in models[content_type_id].objects.reachable().filter(pk__in=pks):
            found[(content_type_id, item.pk)] = item
    for entry in entries:
        entry.item = found.get((entry.content_type_id, entry.object_id))
        entry.kind_label = models[entry.content_type_id]._meta.verbose_name
    return entries


def with_last_change(items):
    """``items`` (model instances of one type) as a list, each with ``public_updated_at``:
    when it last changed for its readers (its first publication or last major change), or
    None. One query, for feeds' ``<updated>``."""
    items = list(items)
    if not items:
        return items
    latest = {}
    rows = (
        PublicChange.objects.filter(
            _of_model(type(items[0])),
            object_id__in=[i.pk for i in items],
            published_at__lte=timezone.now(),
        )
        .order_by("object_id", "published_at")
        .values_list("object_id", "published_at")
    )
    for pk, published_at in rows:
        latest[pk] = published_at  # ascending: the last one wins
    for item in items:
        item.public_updated_at = latest.get(item.pk)
    return items
