"""Site-wide text that editors keep in the database: roles, challenges, contact, and so on."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse

from divisions.models import owning_division

from .history import PortalHistory
from .publishing import ContentModel, publish_permission_meta
from .search.models import (
    GlossaryEntry,
    MissedQuery,
    SearchDocument,
    SearchIndexVersion,
    SearchTerm,
)

__all__ = [
    "GlossaryEntry",
    "MissedQuery",
    "PendingChange",
    "SearchDocument",
    "SearchIndexVersion",
    "SearchTerm",
    "SiteSection",
]


class SectionKind(models.TextChoices):
    INTRO = "intro", "Introduction"
    ROLE = "role", "Role"
    STRUCTURE = "structure", "Structure"
    CHALLENGE = "challenge", "Challenge"
    OUTLOOK = "outlook", "Outlook"
    CONTACT = "contact", "Contact"


class SiteSection(ContentModel):
    """One block of site-wide text, placed on the home and about pages by its kind."""

    Kind = SectionKind

    markdown_fields = {"body": "body_html"}

    kind = models.CharField(max_length=16, choices=SectionKind.choices)
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    body = models.TextField(help_text="Markdown.")
    body_html = models.TextField(editable=False, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    owning_division = owning_division("owned_site_sections", "this text")

    history = PortalHistory(excluded_fields=["body_html"])

    class Meta:
        ordering = ["kind", "order", "title"]
        verbose_name = "site section"
        permissions = [publish_permission_meta("sitesection", "site sections")]
        indexes = [models.Index(fields=["kind", "order"], name="sitesection_kind_order_idx")]
        constraints = ContentModel.publication_constraints("sitesection") + [
            models.CheckConstraint(
                condition=models.Q(kind__in=SectionKind.values), name="sitesection_kind_valid"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """Sections appear on the about page, each kind under its own heading."""
        anchors = {
            SectionKind.ROLE: "role",
            SectionKind.STRUCTURE: "structure",
            SectionKind.CHALLENGE: "challenges",
            SectionKind.OUTLOOK: "challenges",
            SectionKind.CONTACT: "contact",
        }
        anchor = anchors.get(self.kind)
        return reverse("about") + (f"#{anchor}" if anchor else "")


class ContentVersion(models.Model):
    """One row that changes whenever anything the public sees changes.

    Cached pages and cached counts carry its ``token`` in their keys, so a change makes every
    one of them unreachable at once: nothing stale is ever served. ``next_change_us`` is the
    soonest future ``publish_at``/``unpublish_at`` of a published item: once that moment has
    passed, the first request changes the token too (see ``asean_portal.content_version``).
    Times are whole microseconds since the epoch so that the hot path reads plain integers
    with one small SQL statement on any database.
    """

    token = models.BigIntegerField(default=0)
    changed_at_us = models.BigIntegerField("changed at (µs since 1970)", default=0)
    next_change_us = models.BigIntegerField("next scheduled change (µs)", null=True, blank=True)

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return f"content version {self.token:x}"


class PendingChange(models.Model):
    """Changes to a live (published or archived) item, waiting for a Publisher.

    Someone who may not publish never changes what the public sees: when they save a live
    item, the result (its fields, many-to-many links and parts such as milestones) is kept
    here as a snapshot and the live row stays as it is. A Publisher previews, compares and
    publishes it (or discards it). One per item: later saves update it. ``base_version`` is
    the live ``version`` the draft was started from; if the live item has changed since,
    publishing it is refused until a Publisher has seen what changed (see
    ``asean_portal.staging``).
    """

    #: Not public content: saving a draft does not change the content version.
    public_content = False

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    base_version = models.PositiveIntegerField()
    #: How many times the draft was saved: two people editing the same draft cannot
    #: overwrite each other unseen (asean_portal.staging.apply_draft_in_sandbox).
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
        verbose_name = "unpublished change"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="pendingchange_one_per_item"
            )
        ]

    def __str__(self):
        return f"unpublished changes to {self.content_type.name} #{self.object_id}"
