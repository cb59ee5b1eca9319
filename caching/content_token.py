"""The content token: one value that changes whenever anything the public sees changes.

Every cached page, cached count and cached search answer is stored under the current token,
so a change makes all of them unreachable at once; nothing has to be found and deleted.

What changes the token:
- a change to any model in the content apps: saves (``post_save``), many-to-many links
  (``m2m_changed``), and the deletes, bulk inserts and queryset updates of publishable
  content (``PublishableQuerySet`` and ``ContentModel.delete`` call ``bump``). ``bump`` only
  records the change: the token changes once per transaction, after it commits (see
  ``caching.after_commit``), after the search index has taken the same changes;
- time: a published item's ``publish_at``/``unpublish_at`` decides at read time whether it is
  live, so the row also keeps the soonest such future moment, and the first request after
  that moment changes the token (and finds the next moment).

Because the token changes after the commit, a reader may briefly see the new content under
the old token (and cache it there, which is harmless), never old content under the new one.
The trade-off: a process that dies between its commit and the token's change leaves cached
pages stale until the next change or ``DATA_TIMEOUT_SECONDS`` (the admin's "Refresh every
cached page" action fixes it at once).
The token is random, not a counter: a database restored from a backup cannot bring back a
token that pages of another history were cached under.

With a shared cache (Redis: ``CONTENT_VERSION_IN_CACHE``) the token is also mirrored there,
so a cached page costs one cache round trip and no database query. The database stays the
truth: a writer sets the mirror right after its change, readers only ever ``add`` it after
reading the database, and the mirror lives ``MIRROR_SECONDS``, which bounds how long a lost
update (Redis unreachable at that moment, or two writers racing) can go unseen. A cache
local to each process is never trusted with the token.

Which content has a schedule is not known here (this wing is below the content): the wing
that defines content hands over a function with ``set_schedule_source``.
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
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from caching import after_commit

ROW_ID = 1
# Cached data lives at most this long; the token, not the timeout, keeps it correct.
DATA_TIMEOUT_SECONDS = 24 * 3600
MIRROR_KEY = "content-version"  # the cache key keeps its name across deploys
MIRROR_SECONDS = 5
# Remembered values also stay in this process's memory (they are keyed by the token, so a
# copy can never be stale), up to this many.
LOCAL_ENTRIES = 512

_MISSING = object()
_request_state = threading.local()


class TokenRow(NamedTuple):
    """The content token's row as read: the token, when it last changed, and the next
    scheduled change."""

    token: int
    changed_at_us: int
    next_change_us: int | None

    @property
    def changed_at(self):
        """Seconds since the epoch: the pages' Last-Modified."""
        return self.changed_at_us / 1e6

    def is_due(self, now=None):
        """Has a scheduled publish/unpublish moment passed since this token was made?"""
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
    """The token kept in the shared cache, if there is one and it is not due."""
    if value is None:
        return None
    token_row = TokenRow(*value)
    return None if token_row.is_due() else token_row


def current():
    """The current token: from the request's memory, the shared cache's mirror, or one
    small query."""
    remembered = getattr(_request_state, "token_row", None)
    if remembered is not None:
        return remembered
    token_row = from_mirror(cache.get(MIRROR_KEY)) if mirrored() else None
    if token_row is None:
        token_row = _read_database()
        if mirrored():
            # add, never set: a reader must not overwrite a writer's newer token.
            cache.add(MIRROR_KEY, tuple(token_row), MIRROR_SECONDS)
    if getattr(_request_state, "keep_first", False):
        _request_state.token_row = token_row
    return token_row


def _read_database():
    table = connection.ops.quote_name(_model()._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT token, changed_at_us, next_change_us FROM {table} WHERE id = %s", [ROW_ID]
        )
        row = cursor.fetchone()
    if row is None:
        return _create()
    token_row = TokenRow(*row)
    return reschedule(only_if_due=True) if token_row.is_due() else token_row


def _refresh_mirror():
    """After a change: the mirror takes the database's token at once."""
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
    """``with remember_for_request(token_row):`` makes ``current()`` answer without a query
    for the rest of the request; with none given, the first read is kept."""

    def __init__(self, token_row=None):
        self.token_row = token_row

    def __enter__(self):
        _request_state.token_row = self.token_row
        _request_state.keep_first = True

    def __exit__(self, *exc_info):
        _request_state.token_row = None
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
    return TokenRow(row.token, row.changed_at_us, row.next_change_us)


_schedule_source = None


def set_schedule_source(source):
    """``source(moment)``: the soonest publish/unpublish time after ``moment`` (an aware
    datetime) of any published content, or None. Handed over by the wing that defines
    content (``publishing.content``), which this one may not import."""
    global _schedule_source
    _schedule_source = source


def next_scheduled_change(now):
    """The soonest future moment (µs) at which a published item goes live or stops being
    live."""
    if _schedule_source is None:
        return None
    soonest = _schedule_source(datetime.fromtimestamp(now / 1e6, UTC))
    return to_us(soonest) if soonest is not None else None


RESCHEDULE = "reschedule"  # recorded instead of a moment: find the schedule afresh


def bump(moments=(), reschedule=False):
    """Content changed in this transaction: the token changes once, after it commits.
    ``moments`` are the changed item's publish/unpublish times (a future one becomes the
    next scheduled change if it is the soonest); ``reschedule`` finds the next scheduled
    change from the content itself (after a change that may have moved many schedules)."""
    items = [m for m in moments if m is not None]
    if reschedule:
        items.append(RESCHEDULE)
    after_commit.record(TOPIC, *items)


def _change(items):
    """The one write of a committed transaction (``after_commit``'s handler)."""
    if RESCHEDULE in items:
        reschedule()
    else:
        _write_token(items)


def _write_token(moments):
    _request_state.token_row = None
    now = now_us()
    future = [us for us in (to_us(m) for m in moments) if us > now]
    updates = {"token": _new_token(), "changed_at_us": now}
    if future:
        soonest = Value(min(future))
        updates["next_change_us"] = Least(Coalesce(F("next_change_us"), soonest), soonest)
    if _model().objects.filter(pk=ROW_ID).update(**updates):
        _after_commit()
    else:
        _create()


TOPIC = "content token"
after_commit.handle(TOPIC, _change, order=100)  # last: after the search index


def reschedule(only_if_due=False):
    """Change the token now and find the next scheduled change from the content itself
    (after a change that may have moved many schedules, or once the scheduled moment has
    come). The row is locked meanwhile, so a concurrent change cannot slip a sooner moment
    past us."""
    _request_state.token_row = None
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
    return TokenRow(row.token, row.changed_at_us, row.next_change_us)


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
    """``compute()``'s value, worked out once per content token: kept in this process's
    memory and in the cache, under a key that carries the token."""
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


_shows_in_public_pages = None


def set_public_models(predicate):
    """``predicate(model)``: does a change to this model's rows change a public page?
    Handed over by the wing that knows the content types (``publishing.registry``), which
    this one may not import."""
    global _shows_in_public_pages
    _shows_in_public_pages = predicate


def _is_content(model):
    # Migrations' historical models (module "__fake__") are skipped: the token's table may
    # not exist yet; ``after_migrate`` changes the token once they are all applied.
    return (
        _shows_in_public_pages is not None
        and model.__module__ != "__fake__"
        and _shows_in_public_pages(model)
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
