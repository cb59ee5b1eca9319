"""ASEAN's structure as data: the Summit, the Coordinating Council, the Community Councils,
the sectoral ministerial bodies, their senior officials' bodies and committees."""

from django.core.exceptions import ValidationError
from django.db import models

from divisions.models import Division, Pillar, owning_division
from member_states.models import MemberState
from partial_dates.fields import PartialDateField
from public.links import slug_url
from publishing.content import ContentModel, publish_permission_meta
from publishing.history import PortalHistory


class BodyKind(models.TextChoices):
    SUMMIT = "summit", "Summit"
    COORDINATING_COUNCIL = "coordinating-council", "Coordinating Council"
    COMMUNITY_COUNCIL = "community-council", "Community Council"
    SECTORAL_MINISTERIAL = "sectoral-ministerial", "Sectoral ministerial body"
    SENIOR_OFFICIALS = "senior-officials", "Senior officials' body"
    COMMITTEE = "committee", "Committee or subsidiary body"
    OTHER = "other", "Other body"


class Body(ContentModel):
    markdown_fields = {"description": "description_html"}

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    short_name = models.CharField(max_length=30, blank=True, help_text="Its acronym, if any.")
    kind = models.CharField(max_length=24, choices=BodyKind.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="The body it reports to.",
    )
    pillar = models.CharField(max_length=24, choices=Pillar.choices, blank=True)
    supporting_division = models.ForeignKey(
        Division,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supported_bodies",
        help_text="The Secretariat division that supports it.",
    )
    chair = models.ForeignKey(
        MemberState,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="chaired_bodies",
        help_text="The Member State chairing it now; empty if not recorded.",
    )
    chair_from = PartialDateField(blank=True)
    chair_until = PartialDateField(blank=True)
    meets = models.CharField(
        max_length=120, blank=True, help_text="How often it meets, as its source says."
    )
    description = models.TextField(blank=True, help_text="Markdown.")
    description_html = models.TextField(editable=False, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    owning_division = owning_division("owned_bodies", "this body's page")

    history = PortalHistory(excluded_fields=["description_html"])

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "bodies"
        permissions = [publish_permission_meta("body", "bodies")]
        constraints = ContentModel.publication_constraints("body")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("bodies:detail", self.slug)

    @property
    def public_chair(self):
        """Its chair as the public may see it: a Member State not (yet) published is not named."""
        state = self.chair
        return state if state is not None and state.is_public else None

    def ancestors(self):
        """Parents from the nearest up to the top; stops on a cycle rather than looping."""
        seen, node = {self.pk}, self.parent
        while node is not None and node.pk not in seen:
            yield node
            seen.add(node.pk)
            node = node.parent

    def check_hierarchy(self):
        if not (self.parent_id and self.pk):
            return
        if self.parent_id == self.pk or any(a.pk == self.pk for a in self.parent.ancestors()):
            raise ValidationError(
                {
                    "parent": "A body cannot report to itself or to a body under it: "
                    "choose a body above it in the structure."
                }
            )

    def clean(self):
        super().clean()
        self.check_hierarchy()

    def save(self, *args, **kwargs):
        # Every write path (admin, import, loader) keeps the structure a tree.
        self.check_hierarchy()
        super().save(*args, **kwargs)
