"""The ASEAN Member States: reference data kept in the database, not in code.

Initiatives (and the bodies, meetings and documents that arrive later) point here; this app
points at none of them."""

from django.db import models

from partial_dates.fields import PartialDateField
from publishing.history import PortalHistory


class MemberState(models.Model):
    """An ASEAN Member State."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    iso_code = models.CharField("ISO 3166 alpha-2 code", max_length=2, unique=True)
    joined_on = PartialDateField("member since", blank=True)

    history = PortalHistory()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
