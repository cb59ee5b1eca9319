"""The content version: one token that changes whenever anything the public sees changes.

Every cached page and every cached count is stored under the current token, so a change
makes all of them unreachable at once; nothing has to be found and deleted.

What changes the token:
- a save of any model in the content apps (``post_save``), a change to one of their
  many-to-many links (``m2m_changed``), and the deletes, bulk inserts and queryset updates of
  publishable content (``PublishableQuerySet`` and ``ContentModel.delete`` call ``bump``);
- time: a published item's ``publish_at``/``unpublish_at`` decides at read time whether it is
  live, so the row also keeps the soonest such future moment, and the first request after
  that moment changes the token (and finds the next moment).

The token changes inside the writer's transaction, so a reader sees the old token with the
old content or the new token with the new content, never the new token with old content.
The token is random, not a counter: a database restored from a backup cannot bring back a
token that pages of another history were cached under.

With a shared cache (Redis: ``CONTENT_VERSION_IN_CACHE``) the version is also mirrored there,
so a cached page costs one cache round trip and no database query. The database stays the
truth: a writer sets the mirror right after its commit, readers only ever ``add`` it after
reading the database, and the mirror lives ``MIRROR_SECONDS``, which bounds how long a lost
update (Redis unreachable at that moment, or two writers racing) can go unseen. A cache
local to each process is never trusted with the version.
"""

import secrets
import threading
from collections import OrderedDict
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.db.models import F, Min, Q, Value
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

CONTENT_APPS = frozenset({"asean_portal", "divisions", "initiatives", "faqs"})
ROW_ID = 1
# Cached data lives at most this long; the token, not the timeout, keeps it correct.
DATA_TIMEOUT_SECONDS = 24 * 3600
MIRROR_KEY = "content-version"
MIRROR_SECONDS = 5
# Remembered values also stay in this process's memory (they are keyed by the token, so a
# copy can never be stale), up to this many.
LOCAL_ENTRIES = 512

_MISSING = object()
_request_state = threading.local()


class Version(NamedTuple):
    token: int
    changed_at_us: int
    next_change_us: int | None

    @property
    def changed_at(self):
        """Seconds since the epoch: the pages' Last-Modified."""
        return self.changed_at_us / 1e6

    def is_due(self, now=None):
        """Has a scheduled publish/unpublish moment passed since this version was made?"""
        return self.next_change_us is not None and self.next_change_us <= (now or now_us())


def _model():
    return apps.get_model("asean_portal", "ContentVersion")


def now_us():
    # The same clock as ``published()`` uses, so the two always agree on what is live.
    return to_us(timezone.now())


def to_us(moment):
    return (moment - _EPOCH) // timedelta(microseconds=1)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _new_token():
    return secrets.randbits(62)


def mirrored():
    return settings.CONTENT_VERSION_IN_CACHE


def from_mirror(value):
    """The version kept in the shared cache, if there is one and it is not due."""
    if value is None:
        return None
    version = Version(*value)
    return None if version.is_due() else version


def current():
    """The current version: from the request's memory, the shared cache's mirror, or one
    small query."""
    remembered = getattr(_request_state, "version", None)
    if remembered is not None:
        return remembered
    version = from_mirror(cache.get(MIRROR_KEY)) if mirrored() else None
    if version is None:
        version = _read_database()
        if mirrored():
            # add, never set: a reader must not overwrite a writer's newer version.
            cache.add(MIRROR_KEY, tuple(version), MIRROR_SECONDS)
    if getattr(_request_state, "keep_first", False):
        _request_state.version = version
    return version


def _read_database():
    table = connection.ops.quote_name(_model()._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT token, changed_at_us, next_change_us FROM {table} WHERE id = %s", [ROW_ID]
        )
        row = cursor.fetchone()
    if row is None:
        return _create()
    version = Version(*row)
    return reschedule(only_if_due=True) if version.is_due() else version


def _refresh_mirror():
    """After a writer's commit: the mirror takes the database's version at once."""
    if mirrored():
        row = (
            _model()
            .objects.filter(pk=ROW_ID)
            .values_list("token", "changed_at_us", "next_change_us")
        )
        for values in row:
            cache.set(MIRROR_KEY, tuple(values), MIRROR_SECONDS)


def _after_commit():
    if mirrored():
        transaction.on_commit(_refresh_mirror)


class remember_for_request:
    """``with remember_for_request(version):`` makes ``current()`` answer without a query
    for the rest of the request; with no version, the first read is kept."""

    def __init__(self, version=None):
        self.version = version

    def __enter__(self):
        _request_state.version = self.version
        _request_state.keep_first = True

    def __exit__(self, *exc_info):
        _request_state.version = None
        _request_state.keep_first = False


def _create():
    now = now_us()
    row, created = _model().objects.get_or_create(
        pk=ROW_ID,
        defaults={
            "token": _new_token(),
            "changed_at_us": now,
            "next_change_us": next_scheduled_change(now),
        },
    )
    if created:
        _after_commit()
    return Version(row.token, row.changed_at_us, row.next_change_us)


def content_models():
    from publishing.content import ContentModel

    return [m for m in apps.get_models() if issubclass(m, ContentModel)]


def next_scheduled_change(now):
    """The soonest future moment at which a published item goes live or stops being live."""
    from publishing.content import State

    moment = datetime.fromtimestamp(now / 1e6, UTC)
    soonest = []
    for model in content_models():
        found = model._default_manager.filter(state=State.PUBLISHED).aggregate(
            publish=Min("publish_at", filter=Q(publish_at__gt=moment)),
            unpublish=Min("unpublish_at", filter=Q(unpublish_at__gt=moment)),
        )
        soonest.extend(value for value in found.values() if value is not None)
    return to_us(min(soonest)) if soonest else None


def bump(moments=()):
    """Change the token now. ``moments`` are the changed item's publish/unpublish times:
    a future one becomes the next scheduled change if it is the soonest."""
    _request_state.version = None
    now = now_us()
    future = [us for us in (to_us(m) for m in moments if m is not None) if us > now]
    updates = {"token": _new_token(), "changed_at_us": now}
    if future:
        soonest = Value(min(future))
        updates["next_change_us"] = Least(Coalesce(F("next_change_us"), soonest), soonest)
    if _model().objects.filter(pk=ROW_ID).update(**updates):
        _after_commit()
    else:
        _create()


def reschedule(only_if_due=False):
    """Change the token and find the next scheduled change from the content itself (after a
    change that may have moved many schedules, or once the scheduled moment has come). The
    row is locked meanwhile, so a concurrent ``bump`` cannot slip a sooner moment past us."""
    _request_state.version = None
    model = _model()
    with transaction.atomic():
        row = model.objects.select_for_update().filter(pk=ROW_ID).first()
        if row is None:
            return _create()
        now = now_us()
        due = row.next_change_us is not None and row.next_change_us <= now
        if due or not only_if_due:
            row.token = _new_token()
            row.changed_at_us = now
            row.next_change_us = next_scheduled_change(now)
            row.save()
            _after_commit()
    return Version(row.token, row.changed_at_us, row.next_change_us)


class LocalMemory:
    """A small least-recently-used map in this process's memory."""

    def __init__(self, size):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key, default=None):
        with self.lock:
            value = self.entries.get(key, default)
            if value is not default:
                self.entries.move_to_end(key)
            return value

    def set(self, key, value):
        with self.lock:
            self.entries[key] = value
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()


local_memory = LocalMemory(LOCAL_ENTRIES)


def remember(key, compute, timeout=DATA_TIMEOUT_SECONDS):
    """``compute()``'s value, worked out once per content version: kept in this process's
    memory and in the cache, under a key that carries the version's token."""
    full_key = f"data:{current().token:x}:{key}"
    value = local_memory.get(full_key, _MISSING)
    if value is _MISSING:
        value = cache.get(full_key, _MISSING)
        if value is _MISSING:
            value = compute()
            cache.set(full_key, value, timeout)
        local_memory.set(full_key, value)
    return value


# Signal receivers, connected in ``AseanPortalConfig.ready``.


def _is_content(model):
    # Migrations' historical models (module "__fake__") are skipped: the version's table may
    # not exist yet; ``after_migrate`` changes the token once they are all applied.
    return (
        model._meta.app_label in CONTENT_APPS
        and model.__module__ != "__fake__"
        and model is not _model()
        and getattr(model, "public_content", True)
    )


def after_migrate(using, **kwargs):
    """A release: new templates or data migrations may change any page, so the token
    changes and every page is made afresh."""
    if using == DEFAULT_DB_ALIAS:
        reschedule()


def content_saved(sender, instance, **kwargs):
    if _is_content(sender):
        bump((getattr(instance, "publish_at", None), getattr(instance, "unpublish_at", None)))


def content_deleted(sender, **kwargs):
    if _is_content(sender):
        bump()


def links_changed(sender, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and _is_content(sender):
        bump()
