"""What a fact rests on: a ``Source`` (a document, statement, publication, report, dataset
or page) and the ``Citation`` that ties any content item, or one fact of it, to a source."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from partial_dates.fields import PartialDateField
from publishing.history import PortalHistory


class SourceKind(models.TextChoices):
    OFFICIAL_DOCUMENT = "official-document", "Official document"
    STATEMENT = "statement", "Statement"
    PUBLICATION = "publication", "Publication"
    NEWS_REPORT = "news-report", "News report"
    DATASET = "dataset", "Dataset"
    WEB_PAGE = "web-page", "Web page or article"


class Source(models.Model):
    Kind = SourceKind

    key = models.SlugField(
        max_length=80, unique=True, help_text="A stable short name, e.g. “asean-charter”."
    )
    title = models.CharField(max_length=400)
    publisher = models.CharField(
        "issuing body or publisher", max_length=200, blank=True, help_text="Empty if not known."
    )
    published = PartialDateField(
        "date", blank=True, help_text="As precisely as the source gives it; empty if undated."
    )
    url = models.URLField(
        "address", max_length=500, blank=True, help_text="Only an address known to exist."
    )
    accessed_on = models.DateField("accessed on", null=True, blank=True)
    archived_url = models.URLField("archived copy", max_length=500, blank=True)
    kind = models.CharField(max_length=24, choices=SourceKind.choices)
    notes = models.TextField(blank=True, help_text="For staff and readers: what is not known.")

    history = PortalHistory()

    class Meta:
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=SourceKind.values), name="source_kind_valid"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.published})" if self.published else self.title


class Citation(models.Model):
    """``content_object`` rests on ``source``; ``supports`` names the fact (empty: the item
    as a whole), ``locator`` the place in the source (page, article, section)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    supports = models.CharField(
        max_length=200, blank=True, help_text="The fact it backs; empty for the item as a whole."
    )
    locator = models.CharField(
        max_length=100, blank=True, help_text="Page, article or section, if any."
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = PortalHistory()

    class Meta:
        ordering = ["order", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="citation_item_idx")]

    def __str__(self):
        return f"{self.source} — {self.supports}" if self.supports else str(self.source)
