"""ASEAN's partners: dialogue, sectoral and development partners, international
organisations."""

from django.db import models

from divisions.models import owning_division
from partial_dates.fields import PartialDateField
from public.links import slug_url
from publishing.content import ContentModel, publish_permission_meta
from publishing.history import PortalHistory


class PartnerKind(models.TextChoices):
    DIALOGUE = "dialogue", "Dialogue Partner"
    SECTORAL_DIALOGUE = "sectoral-dialogue", "Sectoral Dialogue Partner"
    DEVELOPMENT = "development", "Development Partner"
    INTERNATIONAL_ORGANISATION = "international-organisation", "International organisation"
    OTHER = "other", "Other partner"


class Partner(ContentModel):
    markdown_fields = {"description": "description_html"}

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    short_name = models.CharField(max_length=30, blank=True)
    kind = models.CharField(max_length=32, choices=PartnerKind.choices)
    since = PartialDateField(blank=True, help_text="Since when, as precisely as the source says.")
    description = models.TextField(blank=True, help_text="Markdown.")
    description_html = models.TextField(editable=False, blank=True)
    owning_division = owning_division("owned_partners", "this partner's page")

    history = PortalHistory(excluded_fields=["description_html"])

    class Meta:
        ordering = ["name"]
        permissions = [publish_permission_meta("partner", "partners")]
        constraints = ContentModel.publication_constraints("partner")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("partners:detail", self.slug)
