"""Site-wide text that editors keep in the database: roles, challenges, contact, and so on."""

from django.db import models
from django.urls import reverse

from divisions.models import owning_division
from publishing.content import ContentModel, publish_permission_meta
from publishing.history import PortalHistory


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

    markdown_fields = {"body": "body_html", "editorial_note": "editorial_note_html"}

    kind = models.CharField(max_length=16, choices=SectionKind.choices)
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    body = models.TextField(help_text="Markdown.")
    body_html = models.TextField(editable=False, blank=True)
    # A quotation stays word for word; where time has overtaken it, the editor says so here,
    # shown beside it (never a silent edit of the quoted text).
    editorial_note = models.TextField(
        blank=True, help_text="Markdown. Shown beside the text, e.g. “Editor's note: …”."
    )
    editorial_note_html = models.TextField(editable=False, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    owning_division = owning_division("owned_site_sections", "this text")

    history = PortalHistory(excluded_fields=["body_html", "editorial_note_html"])

    class Meta:
        app_label = "asean_portal"  # the table keeps its name
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


class ContactMessage(models.Model):
    """A message sent with the contact form. Saved first, before anything else happens, so
    it is never lost; staff read it in the admin (read-only). Deleted after
    ``CONTACT_RETENTION_DAYS`` by ``purge_contact_messages``. Nothing about the sender is
    kept beyond what they typed: no address, no browser."""

    class Topic(models.TextChoices):
        QUESTION = "question", "A question about the portal or its content"
        CORRECTION = "correction", "A correction: something on the portal is wrong"
        ACCESSIBILITY = "accessibility", "An accessibility problem"
        OTHER = "other", "Something else"

    topic = models.CharField(max_length=16, choices=Topic.choices, default=Topic.QUESTION)
    name = models.CharField("name", max_length=200, blank=True)
    email = models.EmailField("e-mail address", max_length=254, blank=True)
    page = models.CharField("page it is about", max_length=500, blank=True)
    message = models.TextField(max_length=5000)
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        app_label = "asean_portal"
        ordering = ["-received_at"]
        verbose_name = "contact message"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(topic__in=["question", "correction", "accessibility", "other"]),
                name="contactmessage_topic_valid",
            )
        ]

    def __str__(self):
        return f"{self.get_topic_display()}, {self.received_at:%Y-%m-%d %H:%M}"
