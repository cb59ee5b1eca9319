"""Regional initiatives and action plans, their milestones, and the shared taxonomies."""

from collections import defaultdict
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from simple_history.signals import pre_create_historical_record

from caching import content_token
from caching.prepared_queries import PreparedQuery
from divisions.models import Division, Pillar, owning_division
from member_states.models import MemberState
from partial_dates import PartialDate
from partial_dates.fields import PartialDateField
from public.links import slug_url
from publishing.content import ContentModel, PublishableQuerySet, publish_permission_meta
from publishing.history import PortalHistory
from sources.models import Source


class Topic(ContentModel):
    markdown_fields = {"description": "description_html"}

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True, help_text="Markdown.")
    description_html = models.TextField(editable=False, blank=True)
    owning_division = owning_division("owned_topics", "this topic's description")

    history = PortalHistory(excluded_fields=["description_html"])

    class Meta:
        ordering = ["name"]
        permissions = [publish_permission_meta("topic", "topics")]
        constraints = ContentModel.publication_constraints("topic")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("topics:detail", self.slug)


# What a card shows of the initiative itself, and of its lead division.
CARD_OWN_FIELDS = ("title", "slug", "summary", "status")
CARD_FIELDS = (*CARD_OWN_FIELDS, "lead_division__name", "lead_division__slug")


class TopicLink(NamedTuple):
    """A topic as an initiative card shows it: its name, linking to its page."""

    name: str
    url: str


def published_topic_links():
    """``{topic id: (place, TopicLink)}`` of every published topic, the places in name
    order: the taxonomy's shape, read once per content token like the divisions' units."""
    return content_token.remember(
        "initiatives:published-topic-links",
        lambda: {
            topic.pk: (place, TopicLink(topic.name, topic.get_absolute_url()))
            for place, topic in enumerate(
                Topic.objects.published().only("name", "slug").order_by("name", "pk")
            )
        },
    )


class CommaSeparated(models.Aggregate):
    """A group's values as one comma-separated text: ``GROUP_CONCAT`` (SQLite) or
    ``STRING_AGG`` (PostgreSQL). The comma is written into the SQL rather than passed as a
    parameter, so the statement can still be prepared (``caching.prepared_queries``)."""

    function = "GROUP_CONCAT"
    output_field = models.TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s((%(expressions)s)::text, ',')",
            **extra_context,
        )


class InitiativeQuerySet(PublishableQuerySet):
    def for_listing(self):
        """What a list row shows, in a fixed number of queries."""
        return self.select_related("lead_division").prefetch_related(
            models.Prefetch("topics", queryset=Topic.objects.published().only("name", "slug"))
        )

    def for_cards(self, lead_division=True):
        """The rows of ``{% initiative_cards %}``: only the columns it shows (not the
        long body), with the lead division. Pass the rows through ``attach_card_topics``.

        ``lead_division=False`` leaves the lead division for the caller to set on each row
        (``row.lead_division = …``) from divisions it holds already: a division's page,
        where the join cost PostgreSQL more to plan than to run (its two card lists planned
        in 0.56 ms a view, 0.33 ms without the join; 100,000 initiatives)."""
        if not lead_division:
            return self.only(*CARD_OWN_FIELDS, "lead_division")
        return self.select_related("lead_division").only(*CARD_FIELDS)

    def with_card_topic_ids(self):
        """Each row also carries its topics' ids (``card_topic_ids``, comma-separated), for
        ``attach_card_topics`` to name from the published topics it remembers: a list's
        first few cards then need no query of their own for their topics (a division's
        page read its twelve cards' topics in a statement of its own, 0.28 ms in Python
        and 0.22 ms in PostgreSQL, at 100,000 initiatives).

        Only for a list's first rows, never a page deep in a list: the database works the
        subquery out for every row an ``OFFSET`` passes over (page 2,000 of the list: 40,000
        times, 114 ms → 1.1 s)."""
        links = (
            self.model.topics.through.objects.filter(initiative=models.OuterRef("pk"))
            .order_by()
            .values("initiative")
            .annotate(ids=CommaSeparated("topic_id"))
            .values("ids")
        )
        return self.annotate(card_topic_ids=models.Subquery(links))

    def attach_card_topics(self, rows):
        """``rows`` as a list, each with ``card_topics``: its published topics in name order,
        as ``TopicLink``s (``division.led_initiatives.attach_card_topics(rows)`` serves the
        apps below this one, which do not import it).

        Each row's topic ids come with it (``with_card_topic_ids``) or, for a page deep in
        a list, from one plain query on the link table, prepared once per number of cards
        (``caching.prepared_queries``); either way they are named, and the unpublished left
        out, by ``published_topic_links``. Django's ``prefetch_related`` of the topics cost
        more than the card rows themselves (per list, a related manager, its queryset with
        the publication filter, and the prefetch bookkeeping).
        """
        rows = list(rows)
        if not rows:
            return rows
        if hasattr(rows[0], "card_topic_ids"):
            ids_of = {
                row.pk: map(int, row.card_topic_ids.split(",")) if row.card_topic_ids else ()
                for row in rows
            }
        else:
            ids_of = defaultdict(list)
            for initiative_id, topic_id in _CARD_TOPIC_IDS.rows(
                pks=sorted({row.pk for row in rows})
            ):
                ids_of[initiative_id].append(topic_id)
        published = published_topic_links()
        for row in rows:
            shown = sorted(published[pk] for pk in ids_of.get(row.pk, ()) if pk in published)
            row.card_topics = [link for _, link in shown]
        return rows

    # Subqueries on the link tables rather than joins: no duplicate rows, no DISTINCT; and
    # the database can walk the title index and stop after one page, checking each row by
    # the link table's unique index, instead of first collecting every linked id (at
    # 100,000 initiatives, 8 ms → 2 ms for a topic).
    def involving(self, division, few=False):
        """Initiatives the division leads or supports, by one of two queries for the same
        rows, measured at 100,000 initiatives on PostgreSQL for a page of 20 in title order:

        - by default, row by row: the subquery names the row, so the database checks each
          row it walks by the link table's unique index and stops after the page. (As an
          EXISTS under the OR, PostgreSQL hashed all 12,000 links of a large division on
          every page: 5.3 ms; this way 0.6 ms. A page deep in the middle of that division's
          list walks half the table: 150 ms this way, 110 ms with the hash.)
        - ``few=True``, for a division with few initiatives: their ids first, then those
          rows in order. A walk would pass nearly every row to fill a page (a division in
          20 initiatives of 100,000: 340 ms, this way 0.6 ms); for a large division this
          is the slow way (120 ms)."""
        links = self.model.supporting_divisions.through.objects
        if few:
            led = self.model.objects.filter(lead_division=division).order_by().values("pk")
            supported = links.filter(division=division).order_by().values("initiative_id")
            return self.filter(pk__in=supported.union(led, all=True))
        supports_it = links.filter(division=division, initiative=models.OuterRef("pk"))
        return self.filter(
            models.Q(lead_division=division) | models.Q(pk__in=supports_it.values("initiative"))
        )

    def tagged(self, topic):
        tagged = self.model.topics.through.objects.filter(
            topic=topic, initiative=models.OuterRef("pk")
        )
        return self.filter(models.Exists(tagged))


class InitiativeStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    ONGOING = "ongoing", "Ongoing"
    COMPLETED = "completed", "Completed"
    SUSPENDED = "suspended", "Suspended"


def period_errors(pairs):
    """``{field: message}`` for each (start field, start, end field, end) whose end lies
    wholly before its start. Periods are compared, not texts: "2019" may end a period that
    starts "2019-06" (its last day, 31 December, is after 1 June)."""
    errors = {}
    for _start_name, start, end_name, end, what in pairs:
        start, end = PartialDate.coerce(start), PartialDate.coerce(end)
        if start and end and end.last_day < start.first_day:
            errors[end_name] = f"The {what} end ({end}) is before its start ({start})."
    return errors


# Paths under /initiatives/ that are pages of their own, so no initiative may take them.
RESERVED_SLUGS = ["overview", "feed", "milestones"]


class MilestoneSnapshot(models.Model):
    """Added to each recorded revision of an initiative: its milestones at that moment, so
    comparing or reverting a revision covers the milestones too."""

    milestones_snapshot = models.JSONField(default=list, encoder=DjangoJSONEncoder)

    class Meta:
        abstract = True


class Initiative(ContentModel):
    Status = InitiativeStatus

    markdown_fields = {"body": "body_html"}
    owning_division_field = "lead_division"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    summary = models.CharField(max_length=400, help_text="One or two plain sentences.")
    body = models.TextField(blank=True, help_text="Markdown.")
    body_html = models.TextField(editable=False, blank=True)
    lead_division = models.ForeignKey(
        Division, on_delete=models.PROTECT, related_name="led_initiatives"
    )
    supporting_divisions = models.ManyToManyField(
        Division, blank=True, related_name="supported_initiatives"
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="initiatives")
    member_states = models.ManyToManyField(
        MemberState,
        blank=True,
        related_name="initiatives",
        verbose_name="participating member states",
    )
    pillar = models.CharField(max_length=24, choices=Pillar.choices)
    status = models.CharField(
        max_length=16, choices=InitiativeStatus.choices, default=InitiativeStatus.PLANNED
    )
    # Dates as precise as they are known (``partial_dates``): the plan's own period, and
    # what actually happened, where a source gives it.
    planned_start = PartialDateField(blank=True)
    planned_end = PartialDateField(blank=True)
    actual_start = PartialDateField(blank=True)
    actual_end = PartialDateField(blank=True)
    featured = models.BooleanField(default=False, help_text="Shown on the home page.")

    objects = InitiativeQuerySet.as_manager()
    history = PortalHistory(
        excluded_fields=["body_html"],
        m2m_fields=["supporting_divisions", "topics", "member_states"],
        bases=[MilestoneSnapshot],
    )

    class Meta:
        ordering = ["title"]
        permissions = [publish_permission_meta("initiative", "initiatives")]
        indexes = [
            # Published initiatives by title, then id: the lists' order, whole, so a read of
            # the first few (a division's supported cards, folded with its page's other
            # reads) walks the index and stops, with no sort between it and the limit.
            models.Index(fields=["state", "title", "id"], name="initiative_state_title_idx"),
            models.Index(fields=["status"], name="initiative_status_idx"),
            models.Index(fields=["pillar"], name="initiative_pillar_idx"),
            models.Index(fields=["featured", "state"], name="initiative_featured_idx"),
            # The admin lists 100,000 rows by title (then -id, to be deterministic) and
            # filters them by review date: both read an index instead of sorting the table.
            models.Index(fields=["title", "-id"], name="initiative_admin_order_idx"),
            models.Index(fields=["review_by"], name="initiative_review_by_idx"),
            # A division's page: the first initiatives it leads, by title, read in the
            # index's order whichever the division. PostgreSQL can then plan the prepared
            # read once (a generic plan): 0.11 ms planning + 0.10 ms running a view before,
            # 0.01 + 0.02 ms after (100,000 initiatives).
            models.Index(
                fields=["lead_division", "state", "title", "id"],
                name="initiative_lead_title_idx",
            ),
        ]
        constraints = ContentModel.publication_constraints("initiative") + [
            models.CheckConstraint(
                condition=models.Q(status__in=InitiativeStatus.values),
                name="initiative_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(pillar__in=Pillar.values), name="initiative_pillar_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(slug__in=RESERVED_SLUGS),
                name="initiative_slug_not_reserved",
                violation_error_message="This slug is the address of another page; choose another.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("initiatives:detail", self.slug)

    def clean(self):
        super().clean()
        errors = period_errors(
            [
                ("planned_start", self.planned_start, "planned_end", self.planned_end, "planned"),
                ("actual_start", self.actual_start, "actual_end", self.actual_end, "actual"),
            ]
        )
        if errors:
            raise ValidationError(errors)

    @property
    def start(self):
        """When it started, or was planned to."""
        return self.actual_start or self.planned_start

    @property
    def end(self):
        return self.actual_end or self.planned_end

    def milestone_count(self):
        """(reached, total) from the (prefetched) milestones: counted, never a percentage."""
        milestones = list(self.milestones.all())
        return sum(1 for m in milestones if m.reached), len(milestones)

    def restore_parts(self, record):
        """Bring the milestones back to how revision ``record`` saw them: changed ones are
        set back, later ones removed, removed ones re-created (under their old id if it is
        free). Used when the initiative is reverted or restored."""
        snapshot = {m["id"]: m for m in record.milestones_snapshot}
        self.milestones.exclude(pk__in=snapshot).delete()
        current = {m.pk: m for m in self.milestones.all()}
        taken = set(
            Milestone.objects.filter(pk__in=snapshot)
            .exclude(initiative=self)
            .values_list("pk", flat=True)
        )
        for pk, values in snapshot.items():
            milestone = current.get(pk) or Milestone(
                pk=None if pk in taken else pk, initiative=self
            )
            milestone.title = values["title"]
            # Revisions written before partial dates say due_on/done_on.
            milestone.planned = PartialDate.coerce(values.get("planned", values.get("due_on")))
            milestone.reached = PartialDate.coerce(values.get("reached", values.get("done_on")))
            source_id = values.get("source_id")
            milestone.source_id = (
                source_id if Source.objects.filter(pk=source_id).exists() else None
            )
            milestone.order = values["order"]
            milestone.full_clean(exclude=["initiative"])
            milestone.save()

    def parts_snapshot(self):
        """The milestones as a revision keeps them (``milestones_snapshot``)."""
        rows = Milestone.objects.filter(initiative_id=self.pk).values(*MILESTONE_SNAPSHOT_FIELDS)
        return [
            {k: v.isoformat() if isinstance(v, PartialDate) else v for k, v in row.items()}
            for row in rows
        ]


class Milestone(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    planned = PartialDateField(blank=True, help_text="When it was planned; empty if no plan said.")
    reached = PartialDateField(blank=True, help_text="When it happened; empty: not reached yet.")
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="milestones",
        help_text="What the milestone and its dates rest on.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = PortalHistory()

    class Meta:
        ordering = ["order", "planned", "reached", "pk"]
        indexes = [
            models.Index(fields=["initiative", "planned"], name="milestone_initiative_due_idx")
        ]

    def __str__(self):
        return self.title

    @property
    def is_reached(self):
        return bool(self.reached)

    @property
    def when(self):
        """The date it sits at on a timeline: when reached, else when planned."""
        return self.reached or self.planned


MILESTONE_SNAPSHOT_FIELDS = ["id", "title", "planned", "reached", "source_id", "order"]


class Indicator(models.Model):
    """A measure of an initiative's results, as the IATI results standard has it: a
    baseline, then per period a target and (once known) the actual value, each sourced."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="indicators")
    title = models.CharField(max_length=200)
    unit = models.CharField(max_length=60, blank=True, help_text="e.g. “Member States”, “%”.")
    baseline_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_date = PartialDateField(blank=True)
    baseline_source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = PortalHistory()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


class IndicatorPeriod(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="periods")
    period_start = PartialDateField(blank=True)
    period_end = PartialDateField(blank=True)
    target_value = models.DecimalField(max_digits=14, decimal_places=2)
    actual_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    history = PortalHistory()

    class Meta:
        ordering = ["period_start", "pk"]

    def __str__(self):
        return f"{self.indicator}: {self.period_start}–{self.period_end}"

    def clean(self):
        errors = period_errors(
            [("period_start", self.period_start, "period_end", self.period_end, "period's")]
        )
        if errors:
            raise ValidationError(errors)

    @property
    def share(self):
        """How far the actual value has come from the baseline towards the target, 0–100;
        None without an actual value, a baseline, or a target different from it."""
        baseline = self.indicator.baseline_value
        if self.actual_value is None or baseline is None or self.target_value == baseline:
            return None
        share = 100 * (self.actual_value - baseline) / (self.target_value - baseline)
        return max(0, min(100, round(share)))


def snapshot_milestones(sender, instance, history_instance, **kwargs):
    history_instance.milestones_snapshot = instance.parts_snapshot()


pre_create_historical_record.connect(
    snapshot_milestones, sender=Initiative.history.model, dispatch_uid="snapshot_milestones"
)


# The cards' topic ids (``attach_card_topics``): compiled once per number of cards.
_CARD_TOPIC_IDS = PreparedQuery(
    lambda pks: (
        Initiative.topics.through.objects.filter(initiative_id__in=pks)
        .order_by()
        .values_list("initiative_id", "topic_id")
    )
)
