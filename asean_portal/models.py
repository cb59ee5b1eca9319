"""Site-wide text that editors keep in the database: roles, challenges, contact, and so on."""

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
