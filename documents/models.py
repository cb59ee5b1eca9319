"""Declarations, agreements, plans, statements, reports and publications; for an
agreement, each Member State's signature and consent to be bound, and its entry into force.

Above initiatives in the layers: a document lists the initiatives that rest on it
(``Initiative.documents`` is the reverse side), its topics, its meeting and body."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify

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

from .files import KINDS, kind_of, validate_document_file

IDENTIFIER_PREFIX = "ASEC-DOC-"
# /documents/feed/, /documents/id/…, /documents/participations/ come before /<slug>/.
RESERVED_SLUGS = {"feed", "id", "participations"}
IDENTIFIER_DIGITS = 6


def format_identifier(number):
    return f"{IDENTIFIER_PREFIX}{number:0{IDENTIFIER_DIGITS}d}"


def next_identifier_number(using="default"):
    """One more than the highest number given so far. Identifiers are never reused: a
    deleted document's number is gone with it only if it was the last (the unique
    constraint refuses a clash between two saves at once; the second save fails loudly)."""
    last = (
        Document.objects.using(using)
        .filter(identifier__startswith=IDENTIFIER_PREFIX)
        .order_by("-identifier")
        .values_list("identifier", flat=True)
        .first()
    )
    return int(last.removeprefix(IDENTIFIER_PREFIX)) + 1 if last else 1


def judge(field_file):
    """The extension of the kind the file's content shows, or "" (then it is not served)."""
    try:
        if field_file._committed:
            with field_file.open("rb") as handle:
                kind = kind_of(handle)
        else:
            kind = kind_of(field_file)
    except OSError:
        return ""
    return kind.extension if kind else ""


def unguessable_path(instance, filename):
    """Where an upload is stored: under a random directory, so no one can reach a file
    (a draft's above all) by guessing its name. The files are served only by the document
    view, which checks that the document is published (MEDIA_ROOT is never served as is)."""
    stem, _, extension = filename.rpartition(".")
    name = slugify(stem or extension)[:60] or "document"
    suffix = f".{slugify(extension)[:8]}" if stem else ""
    return f"documents/{secrets.token_urlsafe(24)}/{name}{suffix}"


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
    file = models.FileField(
        upload_to=unguessable_path,
        blank=True,
        max_length=200,
        validators=[validate_document_file],
        help_text="Optional: PDF (preferred), DOCX or ODT, within the size limit. Public only "
        "while the document is published.",
    )
    file_type = models.CharField(
        max_length=8,
        blank=True,
        editable=False,
        help_text="What the file is, judged by its content when it was uploaded (pdf, docx, odt).",
    )
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

    @classmethod
    def from_db(cls, db, field_names, values):
        obj = super().from_db(db, field_names, values)
        obj._stored_identifier = obj.__dict__.get("identifier")
        obj._stored_file = obj.__dict__.get("file")
        return obj

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": f"“{self.slug}” is taken by an address of the documents list."}
            )

    def clean_fields(self, exclude=None):
        # A new document has no identifier until it is saved (``save`` gives it one).
        exclude = set(exclude or ())
        if not self.identifier:
            exclude.add("identifier")
        super().clean_fields(exclude=exclude)

    def save(self, *args, **kwargs):
        """A new document gets the next identifier; an existing one keeps its own."""
        stored = getattr(self, "_stored_identifier", None)
        if stored and self.identifier != stored:
            raise ValueError(f"A document's identifier is permanent: {stored} stays {stored}.")
        if not self.file:
            self.file_type = ""
        elif not self.file._committed or self.file.name != getattr(self, "_stored_file", None):
            self.file_type = judge(self.file)  # a new file: judged once, here
        if not self.identifier:
            self.identifier = format_identifier(
                next_identifier_number(kwargs.get("using") or "default")
            )
        super().save(*args, **kwargs)
        self._stored_identifier = self.identifier
        self._stored_file = self.file.name or None

    def scholar_meta(self, absolute):
        """Google Scholar's ``citation_*`` pairs for the document itself: its title, issuer
        and date at its precision, its PDF (the page record asks, ``page_record``)."""
        from .structured_data import scholar_meta

        return scholar_meta(self, absolute)

    @property
    def is_agreement(self):
        return self.doc_type == DocumentType.AGREEMENT

    @property
    def file_kind(self):
        """What the stored file is (judged by its content on upload), or None."""
        if not self.file:
            return None
        return next((k for k in KINDS if k.extension == self.file_type), None)

    @property
    def has_pdf(self):
        return bool(self.file) and self.file_type == "pdf"


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
