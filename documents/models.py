"""Declarations, agreements, plans, statements, reports and publications; for an
agreement, each Member State's signature and consent to be bound, and its entry into force.

Above initiatives in the layers: a document lists the initiatives that rest on it
(``Initiative.documents`` is the reverse side), its topics, its meeting and body."""

from django.db import models

from bodies.models import Body
from divisions.models import owning_division
from initiatives.models import Initiative, Topic
from meetings.models import Meeting
from member_states.models import MemberState
from partial_dates.fields import PartialDateField
from partners.models import Partner
from public.links import slug_url
from publishing.content import ContentModel, publish_permission_meta
from publishing.history import PortalHistory
from sources.models import Source


class DocumentType(models.TextChoices):
    DECLARATION = "declaration", "Declaration"
    AGREEMENT = "agreement", "Agreement"
    PLAN = "plan", "Plan or blueprint"
    STATEMENT = "statement", "Statement"
    REPORT = "report", "Report"
    PUBLICATION = "publication", "Publication"


class Document(ContentModel):
    markdown_fields = {"summary": "summary_html"}

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=120, unique=True)
    identifier = models.CharField(
        max_length=40,
        unique=True,
        editable=False,
        help_text="Its permanent identifier: never changes, whatever else does.",
    )
    doc_type = models.CharField("type", max_length=16, choices=DocumentType.choices)
    issuing_body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.PROTECT, related_name="documents"
    )
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="outcome_documents",
        help_text="The meeting that adopted or issued it.",
    )
    date = PartialDateField(blank=True, help_text="As precisely as the document gives it.")
    place = models.CharField(
        max_length=100, blank=True, help_text="Where it was signed or adopted."
    )
    languages = models.CharField(max_length=200, blank=True, help_text="e.g. “English”.")
    official_url = models.URLField(blank=True, help_text="Only an address you have checked.")
    file = models.FileField(upload_to="documents/", blank=True)
    summary = models.TextField(blank=True, help_text="Markdown.")
    summary_html = models.TextField(editable=False, blank=True)
    source = models.OneToOneField(
        Source,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="document",
        help_text="The same document as a source that pages cite.",
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="documents")
    initiatives = models.ManyToManyField(
        Initiative, blank=True, related_name="documents", help_text="Initiatives resting on it."
    )
    partners = models.ManyToManyField(Partner, blank=True, related_name="documents")
    entered_into_force = PartialDateField(blank=True, help_text="For an agreement.")
    owning_division = owning_division("owned_documents", "this document's page")

    history = PortalHistory(
        excluded_fields=["summary_html"], m2m_fields=["topics", "initiatives", "partners"]
    )

    class Meta:
        ordering = ["-date", "title"]
        permissions = [publish_permission_meta("document", "documents")]
        constraints = ContentModel.publication_constraints("document")
        indexes = [models.Index(fields=["state", "date"], name="document_state_date_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("documents:detail", self.slug)


class ConsentKind(models.TextChoices):
    RATIFICATION = "ratification", "Ratification"
    ACCEPTANCE = "acceptance", "Acceptance"
    APPROVAL = "approval", "Approval"
    ACCESSION = "accession", "Accession"


class Participation(models.Model):
    """One Member State and one agreement: when it signed, and when and how it consented to
    be bound. Empty dates are not recorded, never "not done"."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="participations")
    member_state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, related_name="participations"
    )
    signed = PartialDateField(blank=True)
    consent_kind = models.CharField(max_length=16, choices=ConsentKind.choices, blank=True)
    consented = PartialDateField(blank=True, help_text="Date of ratification, acceptance, …")
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.PROTECT, related_name="participations"
    )

    history = PortalHistory()

    class Meta:
        ordering = ["member_state__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "member_state"], name="participation_one_per_state"
            )
        ]

    def __str__(self):
        return f"{self.member_state} — {self.document}"
