"""The row behind the content token (see ``caching.content_token``)."""

from django.db import models


class ContentVersion(models.Model):
    """The content token's row: it changes whenever anything the public sees changes.

    Cached pages, counts and search answers carry its ``token`` in their keys, so a change
    makes every one of them unreachable at once: nothing stale is ever served.
    ``next_change_us`` is the soonest future ``publish_at``/``unpublish_at`` of a published
    item: once that moment has passed, the first request changes the token too (see
    ``caching.content_token``).
    Times are whole microseconds since the epoch so that the hot path reads plain integers
    with one small SQL statement on any database.
    """

    token = models.BigIntegerField(default=0)
    changed_at_us = models.BigIntegerField("changed at (µs since 1970)", default=0)
    next_change_us = models.BigIntegerField("next scheduled change (µs)", null=True, blank=True)

    class Meta:
        app_label = "asean_portal"  # the table keeps its name
        verbose_name = "content token"

    def __str__(self):
        return f"content token {self.token:x}"
