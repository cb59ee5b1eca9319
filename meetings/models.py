"""Meetings and events the Secretariat supports: a body's meeting, where and when, who
chaired it, and what it adopted (``documents`` point at their meeting)."""

from django.db import models

from bodies.models import Body
from divisions.models import owning_division
from member_states.models import MemberState
from partial_dates.fields import PartialDateField
from partners.models import Partner
from public.links import slug_url
from publishing.content import ContentModel, publish_permission_meta
from publishing.history import PortalHistory


class MeetingStatus(models.TextChoices):
    UPCOMING = "upcoming", "Upcoming"
    HELD = "held", "Held"
    POSTPONED = "postponed", "Postponed"
    CANCELLED = "cancelled", "Cancelled"


class Meeting(ContentModel):
    markdown_fields = {"description": "description_html"}

    title = models.CharField(max_length=200, help_text="With its ordinal: “46th ASEAN Summit”.")
    slug = models.SlugField(max_length=100, unique=True)
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    ordinal = models.PositiveSmallIntegerField(null=True, blank=True)
    starts = PartialDateField(help_text="As precisely as known: a day, a month or a year.")
    ends = PartialDateField(blank=True, help_text="Empty for a one-day meeting.")
    host_state = models.ForeignKey(
        MemberState,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_meetings",
    )
    city = models.CharField(max_length=100, blank=True)
    chair = models.ForeignKey(
        MemberState,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="chaired_meetings",
    )
    status = models.CharField(
        max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.UPCOMING
    )
    partners = models.ManyToManyField(Partner, blank=True, related_name="meetings")
    description = models.TextField(blank=True, help_text="Markdown.")
    description_html = models.TextField(editable=False, blank=True)
    owning_division = owning_division("owned_meetings", "this meeting's page")

    history = PortalHistory(excluded_fields=["description_html"], m2m_fields=["partners"])

    class Meta:
        ordering = ["-starts", "title"]
        permissions = [publish_permission_meta("meeting", "meetings")]
        constraints = ContentModel.publication_constraints("meeting")
        indexes = [models.Index(fields=["state", "starts"], name="meeting_state_starts_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("meetings:detail", self.slug)
