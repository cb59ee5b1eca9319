"""The publishing workflow's own tables: drafts of live items, and the public record of
changes."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
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
    #: A major change's public note, told to readers when a Publisher publishes the draft
    #: (``publishing.changes``); empty for a minor change.
    change_note = models.TextField("public change note", blank=True)
    #: The live item (no column: the two fields above).
    item = GenericForeignKey("content_type", "object_id")

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


class PublicChange(models.Model):
    """One entry in an item's public record of changes (as GOV.UK's change notes): its
    first publication, or a major change a Publisher made live, with the note readers see.

    Minor changes (typos, formatting) are not recorded here: they stay in the staff-only
    history. ``published_at`` is when the change reached (or reaches: a scheduled first
    publication) the public; the public record shows only entries whose moment has come.
    "Published …" and "Last updated …" on a page are derived from these rows, so no content
    table needs fields of its own for them (see ``publishing.changes``).
    """

    FIRST_NOTE = "First published."

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    published_at = models.DateTimeField(db_index=True)
    note = models.TextField()
    first = models.BooleanField(
        "first publication", default=False, help_text="The item's first publication."
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "asean_portal"
        ordering = ["-published_at", "-pk"]
        verbose_name = "public change note"
        verbose_name_plural = "public change notes"
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "published_at"], name="publicchange_item_idx"
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(first=True),
                name="publicchange_one_first_per_item",
            )
        ]

    def __str__(self):
        return f"{self.note[:60]} ({self.content_type.name} #{self.object_id})"


class WorkflowNote(models.Model):
    """What the editorial workflow keeps beside an item's revisions: an internal note, a
    request for changes (with its comment), a discarded draft (with what it held and why).
    Shown on the item's review page and in its history; never public."""

    NOTE = "note"
    CHANGES_REQUESTED = "changes_requested"
    DRAFT_DISCARDED = "draft_discarded"
    KINDS = [
        (NOTE, "Note"),
        (CHANGES_REQUESTED, "Changes requested"),
        (DRAFT_DISCARDED, "Draft discarded"),
    ]

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=24, choices=KINDS)
    text = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: Whose work it was about (the draft's author, whoever sent the item for review).
    about = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    on_draft = models.BooleanField("about the draft of the live item", default=False)
    #: A discarded draft's snapshot (``publishing.drafts.take_snapshot``).
    data = models.JSONField(encoder=DjangoJSONEncoder, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "asean_portal"
        ordering = ["-created_at", "-pk"]
        verbose_name = "workflow note"
        verbose_name_plural = "workflow notes"
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "created_at"], name="workflownote_item_idx"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.content_type.name} #{self.object_id}"


class DraftRevision(models.Model):
    """One save of a draft of a live item: co-editors see each other's changes (the draft
    page lists them), and a form opened at an earlier save merges against it."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    #: The draft's id (the draft row goes when it is published or discarded; this stays).
    draft_id = models.PositiveBigIntegerField(db_index=True)
    number = models.PositiveIntegerField(help_text="The draft's save count after this save.")
    data = models.JSONField(encoder=DjangoJSONEncoder)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "asean_portal"
        ordering = ["-number"]
        verbose_name = "save of a draft"
        verbose_name_plural = "saves of drafts"
        constraints = [
            models.UniqueConstraint(fields=["draft_id", "number"], name="draftrevision_once")
        ]

    def __str__(self):
        return f"save {self.number} of draft #{self.draft_id}"


class EditPresence(models.Model):
    """Who has an item's change form open: "Also open by … since …" (a soft lock, which
    expires ``EDIT_PRESENCE_MINUTES`` after the form was last opened)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    opened_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        app_label = "asean_portal"
        verbose_name = "open change form"
        verbose_name_plural = "open change forms"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "user"], name="editpresence_one_per_person"
            )
        ]

    def __str__(self):
        return f"{self.user} on {self.content_type.name} #{self.object_id}"


class EditLock(models.Model):
    """A Publisher's lock on an item: until it is lifted, nobody else saves it."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    locked_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField("why", max_length=300, blank=True)

    class Meta:
        app_label = "asean_portal"
        verbose_name = "lock on an item"
        verbose_name_plural = "locks on items"
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="editlock_one")
        ]

    def __str__(self):
        return f"{self.content_type.name} #{self.object_id} locked by {self.locked_by}"
