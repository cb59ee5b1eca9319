"""Answers to repeated searches from Django's cache, never older than the index.

Answers are filed under the content token (``caching.content_token``). The index changes
only with the content, after the transaction that changed it commits and before the token
changes (``search.indexing``), and a publish or unpublish time passing changes both what is
live and the token; so a request that sees a new token files and finds its answers under
new keys, and old ones are never read again and expire. ``SEARCH_CACHE_SECONDS = 0`` in
the settings turns the cache off (the benchmark times both ways).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from caching import content_token

MISSING = object()


class Answers:
    """The cache as one search request may use it."""

    def __init__(self, vendor):
        self.seconds = settings.SEARCH_CACHE_SECONDS
        self.prefix = None
        if self.seconds:
            self.prefix = f"search:{vendor}:{content_token.current().token:x}"

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
