"""Meetings and events the Secretariat supports: a body's meeting, where and when, who
chaired it, and what it adopted (``documents`` point at their meeting)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from bodies.models import Body
from divisions.models import owning_division
from member_states.models import MemberState
from partial_dates.fields import PartialDateField
from partners.models import Partner
from public.links import slug_url
from publishing.content import ContentModel, PublishableQuerySet, publish_permission_meta
from publishing.history import PortalHistory


class MeetingStatus(models.TextChoices):
    UPCOMING = "upcoming", "Upcoming"
    HELD = "held", "Held"
    POSTPONED = "postponed", "Postponed"
    CANCELLED = "cancelled", "Cancelled"


def last_known():
    """The expression of a meeting's last day as stored (its end, else its start)."""
    return Coalesce(NullIf("ends", Value("")), "starts")


def not_over(today):
    """``Q`` of the meetings not over by ``today`` (a ``datetime.date``), as the stored text
    says: a day on or after today, or this month or this year when that is all that is known
    ("2026-12" is not over until December is). The text is reduced ISO 8601, so it compares
    in date order."""
    iso = today.isoformat()
    return not_over_on(iso, iso[:7], iso[:4])


def not_over_on(day, month, year):
    """``not_over`` from today's text: its day, month and year (``"2026-12-06"``,
    ``"2026-12"``, ``"2026"``), so a prepared query can take them as arguments."""
    return Q(last_day__gte=day) | Q(last_day__in=[month, year])


class MeetingQuerySet(PublishableQuerySet):
    def with_last_day(self):
        return self.annotate(last_day=last_known())

    def upcoming(self, today=None):
        """Not over yet on ``today`` (Jakarta's date by default), soonest first."""
        today = today or timezone.localdate()
        return self.with_last_day().filter(not_over(today)).order_by("starts", "title", "pk")

    def past(self, today=None):
        """Over by ``today``, the most recent first."""
        today = today or timezone.localdate()
        return self.with_last_day().exclude(not_over(today)).order_by("-starts", "title", "pk")


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

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts", "title"]
        permissions = [publish_permission_meta("meeting", "meetings")]
        constraints = ContentModel.publication_constraints("meeting")
        indexes = [models.Index(fields=["state", "starts"], name="meeting_state_starts_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("meetings:detail", self.slug)

    # Its host and chair as the public may see them: a Member State not (yet) published is
    # not named.
    @property
    def public_host(self):
        state = self.host_state
        return state if state is not None and state.is_public else None

    @property
    def public_chair(self):
        state = self.chair
        return state if state is not None and state.is_public else None

    @property
    def last_date(self):
        """Its last day as known: the end, else the start."""
        return self.ends or self.starts

    @property
    def is_dated_to_the_day(self):
        """Known to the day (start and any end): only such a meeting goes in a calendar."""
        return (
            bool(self.starts)
            and self.starts.precision == "day"
            and (not self.ends or self.ends.precision == "day")
        )

    def is_upcoming(self, today=None):
        today = today or timezone.localdate()
        return not self.last_date.has_passed(today)

    def clean(self):
        super().clean()
        errors = {}
        if self.starts and self.ends and self.ends.last_day < self.starts.first_day:
            errors["ends"] = (
                f"The meeting cannot end ({self.ends}) before it starts ({self.starts})."
            )
        today = timezone.localdate()
        if self.status == MeetingStatus.HELD and self.starts and self.starts.is_after(today):
            errors["status"] = (
                f"A meeting that starts after today ({today:%-d %B %Y}, Jakarta time) cannot "
                "have been held yet: choose “Upcoming”, or correct its dates."
            )
        if errors:
            raise ValidationError(errors)
