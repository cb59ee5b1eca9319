"""Answers to repeated searches from Django's cache, never older than the index.

Every write to the index replaces the index version's token in the same transaction
(``bump``), and a publish or unpublish time passing changes what is live, so a cached answer
is filed under both: the token, and the next scheduled change after it was computed. A
request that sees a new token, or a time past that change, files and finds its answers
under new keys; old ones are never read again and expire. ``SEARCH_CACHE_SECONDS = 0`` in
the settings turns the cache off (the benchmark times both ways).
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min

from caching import content_token
from search.models import SearchDocument, SearchIndexVersion

MISSING = object()


def bump():
    """A new token: answers cached before this write are not used again."""
    token = uuid.uuid4().hex
    if not SearchIndexVersion.objects.update(token=token):
        SearchIndexVersion.objects.create(token=token)
    content_token.bump()  # and cached pages showing search results are not served again


def next_scheduled_change(now):
    """The first publish or unpublish time after ``now`` (an index lookup each), or None."""
    upcoming = [
        SearchDocument.objects.filter(**{f"{field}__gt": now}).aggregate(first=Min(field))["first"]
        for field in ("publish_at", "unpublish_at")
    ]
    upcoming = [t for t in upcoming if t is not None]
    return min(upcoming) if upcoming else None


class Answers:
    """The cache as one search request may use it."""

    def __init__(self, now, vendor):
        self.seconds = settings.SEARCH_CACHE_SECONDS
        self.prefix = None
        if not self.seconds:
            return
        token = SearchIndexVersion.objects.values_list("token", flat=True).first()
        if token:
            self.prefix = f"search:{vendor}:{token}:{self.live_until(token, now)}"

    def live_until(self, token, now):
        """Until when the live documents stay as they are now, remembered per token."""
        key = f"search:until:{token}"
        until = cache.get(key)
        if until is None or (until != "ever" and until <= now):
            until = next_scheduled_change(now) or "ever"
            cache.set(key, until, self.seconds)
        return until.isoformat() if until != "ever" else until

    def get(self, parts, compute):
        """The cached answer for ``parts`` (a repr-able description), or ``compute()``."""
        if self.prefix is None:
            return compute()
        digest = hashlib.sha256(repr(parts).encode()).hexdigest()
        key = f"{self.prefix}:{digest}"
        value = cache.get(key, MISSING)
        if value is MISSING:
            value = compute()
            cache.set(key, value, self.seconds)
        return value
