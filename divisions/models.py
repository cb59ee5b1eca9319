"""The Secretariat's organisation: offices, departments and directorates in a hierarchy."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from public.links import slug_url
from publishing.content import ContentModel, publish_permission_meta
from publishing.history import PortalHistory


class Pillar(models.TextChoices):
    """The three ASEAN Community pillars, shared by divisions and initiatives."""

    POLITICAL_SECURITY = "political-security", "Political-Security Community"
    ECONOMIC = "economic", "Economic Community"
    SOCIO_CULTURAL = "socio-cultural", "Socio-Cultural Community"
    CROSS_PILLAR = "cross-pillar", "Cross-pillar (all three Communities)"


class DivisionKind(models.TextChoices):
    OFFICE = "office", "Office"
    DEPARTMENT = "department", "Department"
    DIRECTORATE = "directorate", "Directorate"


class Division(ContentModel):
    Kind = DivisionKind

    markdown_fields = {"mandate": "mandate_html"}
    owning_division_field = "id"  # a division keeps its own page current

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    short_name = models.CharField(
        max_length=20, blank=True, help_text="Acronym people use, e.g. AEC."
    )
    kind = models.CharField(max_length=16, choices=DivisionKind.choices)
    pillar = models.CharField(max_length=24, choices=Pillar.choices, blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="The division this one reports to; empty for the top of the organisation.",
    )
    head_title = models.CharField("head's title", max_length=200, blank=True)
    summary = models.CharField(max_length=300, help_text="One or two plain sentences.")
    mandate = models.TextField(blank=True, help_text="Markdown.")
    mandate_html = models.TextField(editable=False, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.CharField(max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    # Staff only (never on a public page): who is told when the division's content is due
    # for review (notifications' daily reminders).
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_divisions",
        verbose_name="owner (a person)",
        help_text="The person reminded when this division's content is due for review.",
    )

    history = PortalHistory(excluded_fields=["mandate_html"])

    class Meta:
        ordering = ["order", "name"]
        permissions = [publish_permission_meta("division", "divisions")]
        indexes = [
            models.Index(fields=["state", "order"], name="division_state_order_idx"),
            models.Index(fields=["pillar"], name="division_pillar_idx"),
        ]
        constraints = ContentModel.publication_constraints("division") + [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="division_not_own_parent"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=DivisionKind.values), name="division_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(pillar__in=[*Pillar.values, ""]), name="division_pillar_valid"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("divisions:detail", self.slug)

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
                {"parent": "A division cannot report to itself or to one of its own units."}
            )

    def clean(self):
        super().clean()
        self.check_hierarchy()

    def save(self, *args, **kwargs):
        # Every write path (admin, import, loader) keeps the hierarchy a tree.
        self.check_hierarchy()
        super().save(*args, **kwargs)


def owning_division(related_name, what):
    """The field naming the division that keeps ``what`` current (for review reminders)."""
    return models.ForeignKey(
        Division,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        help_text=f"The division that keeps {what} current.",
    )
