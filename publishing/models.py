"""Drafts of live items: the one table the publishing workflow adds."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class Draft(models.Model):
    """The draft of a live (published or archived) item: changes waiting for a Publisher.

    Someone who may not publish never changes what the public sees: when they save a live
    item, the result (its fields, many-to-many links and parts such as milestones) is kept
    here as a snapshot and the live row stays as it is. A Publisher previews, compares and
    publishes it (or discards it). One per item: later saves update it. ``base_version`` is
    the live ``version`` the draft was started from; if the live item has changed since,
    publishing it is refused until a Publisher has seen what changed (see
    ``publishing.drafts``).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    base_version = models.PositiveIntegerField()
    #: How many times the draft was saved: two people editing the same draft cannot
    #: overwrite each other unseen (publishing.drafts.apply_draft_in_sandbox).
    saves = models.PositiveIntegerField(default=1)
    data = models.JSONField(encoder=DjangoJSONEncoder)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(
        "sent for review at", null=True, blank=True, help_text="Empty while still a draft."
    )

    class Meta:
        app_label = "asean_portal"
        db_table = "asean_portal_pendingchange"  # its name before "draft" was the one word
        verbose_name = "draft of a live item"
        verbose_name_plural = "drafts of live items"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="pendingchange_one_per_item"
            )
        ]

    def __str__(self):
        return f"draft of {self.content_type.name} #{self.object_id}"
