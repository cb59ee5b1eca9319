"""People, the posts they hold and their dated appointments, as GOV.UK models them
(``person``, ``role``, ``role_appointment``): a post outlives its holders, so "who held
this post when" and "which posts did this person hold" both have an answer.

"Current" is decided on the portal's own date (Asia/Jakarta), at each date's precision:
an appointment that started "2023" is current from 1 January 2023, and one that ended
"2027" is current until 31 December 2027 (``Appointment.is_current_on``)."""

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.signals import pre_create_historical_record

from divisions.models import Division, owning_division
from member_states.models import MemberState
from partial_dates import PartialDate
from partial_dates.fields import PartialDateField
from public.links import slug_url
from publishing.content import ContentModel, publish_permission_meta
from publishing.history import PortalHistory
from sources.models import Source

PORTRAIT_MAX_BYTES = 2 * 1024 * 1024
PORTRAIT_FORMATS = {"JPEG", "PNG", "WEBP"}


def check_portrait(file):
    """A portrait is a JPEG, PNG or WebP image of at most 2 MB, that Pillow can read (the
    extension alone proves nothing)."""
    if file.size > PORTRAIT_MAX_BYTES:
        raise ValidationError(
            f"The portrait is {file.size / 1024 / 1024:.1f} MB; the most is 2 MB."
        )
    from PIL import Image, UnidentifiedImageError

    try:
        file.seek(0)
        with Image.open(file) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError("The portrait is not an image that can be read.") from error
    finally:
        file.seek(0)
    if kind not in PORTRAIT_FORMATS:
        raise ValidationError(f"The portrait is a {kind} image: use JPEG, PNG or WebP.")


class PartsSnapshot(models.Model):
    """Added to each recorded revision of a person: their appointments at that moment, so
    comparing, reverting and drafts cover them too. The name is the one the revisions
    machinery reads for an item's parts (``publishing.revisions``, ``publishing.drafts``)."""

    milestones_snapshot = models.JSONField(default=list, encoder=DjangoJSONEncoder)

    class Meta:
        abstract = True


class Person(ContentModel):
    markdown_fields = {"biography": "biography_html"}

    name = models.CharField(
        max_length=200, help_text="As the person is known, e.g. “Kao Kim Hourn”."
    )
    honorific = models.CharField(
        max_length=40, blank=True, help_text="Shown before the name, e.g. “Dr”; empty if none."
    )
    slug = models.SlugField(max_length=100, unique=True)
    portrait = models.ImageField(
        upload_to="people/portraits/",
        blank=True,
        validators=[
            FileExtensionValidator(["jpg", "jpeg", "png", "webp"]),
            check_portrait,
        ],
        help_text="Optional. JPEG, PNG or WebP, at most 2 MB; only one the portal may publish.",
    )
    portrait_alt = models.CharField(
        "portrait's text alternative",
        max_length=200,
        blank=True,
        help_text="What the portrait shows, for people who cannot see it; required with one.",
    )
    biography = models.TextField(blank=True, help_text="A short biography. Markdown.")
    biography_html = models.TextField(editable=False, blank=True)
    nationality = models.ForeignKey(
        MemberState,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        help_text="Empty when no source gives it.",
    )
    owning_division = owning_division("owned_people", "this person's page")

    history = PortalHistory(excluded_fields=["biography_html"], bases=[PartsSnapshot])

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        permissions = [publish_permission_meta("person", "people")]
        indexes = [models.Index(fields=["state", "name"], name="person_state_name_idx")]
        constraints = ContentModel.publication_constraints("person")

    parts_label = "appointments"

    def __str__(self):
        return self.name

    @property
    def full_name(self):
        return f"{self.honorific} {self.name}" if self.honorific else self.name

    def get_absolute_url(self):
        return slug_url("people:detail", self.slug)

    def clean(self):
        super().clean()
        if self.portrait and not self.portrait_alt.strip():
            raise ValidationError(
                {"portrait_alt": "Describe the portrait for people who cannot see it."}
            )

    def parts_snapshot(self):
        """The appointments as a revision keeps them (``milestones_snapshot``)."""
        rows = Appointment.objects.filter(person_id=self.pk).select_related("role")
        return [appointment.snapshot() for appointment in rows.order_by("order", "pk")]

    def restore_parts(self, record):
        """Bring the appointments back to how revision ``record`` saw them."""
        snapshot = {row["id"]: row for row in record.milestones_snapshot or []}
        self.appointments.exclude(pk__in=snapshot).delete()
        current = {a.pk: a for a in self.appointments.all()}
        taken = set(
            Appointment.objects.filter(pk__in=snapshot)
            .exclude(person=self)
            .values_list("pk", flat=True)
        )
        roles = set(
            Role.objects.filter(pk__in=[r["role_id"] for r in snapshot.values()]).values_list(
                "pk", flat=True
            )
        )
        sources = set(
            Source.objects.filter(
                pk__in=[r.get("source_id") for r in snapshot.values()]
            ).values_list("pk", flat=True)
        )
        for pk, values in snapshot.items():
            if values["role_id"] not in roles:
                continue  # the post was deleted since: nothing to hang it on
            appointment = current.get(pk) or Appointment(
                pk=None if pk in taken else pk, person=self
            )
            appointment.role_id = values["role_id"]
            appointment.started = PartialDate.coerce(values["started"])
            appointment.ended = PartialDate.coerce(values["ended"])
            appointment.how_appointed = values["how_appointed"]
            appointment.term = values["term"]
            appointment.source_id = (
                values.get("source_id") if values.get("source_id") in sources else None
            )
            appointment.order = values["order"]
            appointment.siblings_checked = True  # the snapshot was valid as a whole
            appointment.full_clean(exclude=["person"])
            appointment.save()


class RoleKind(models.TextChoices):
    SECRETARY_GENERAL = "secretary-general", "Secretary-General"
    DEPUTY = "deputy-secretary-general", "Deputy Secretary-General"
    DIVISION_HEAD = "division-head", "Head of a division"
    OTHER = "other", "Other post"


# The organisation's order on /leadership/: the Secretary-General, the Deputies, the heads.
KIND_ORDER = {kind: n for n, kind in enumerate(RoleKind.values)}
# The kinds that head the division they are tied to.
HEADING_KINDS = (RoleKind.SECRETARY_GENERAL, RoleKind.DEPUTY, RoleKind.DIVISION_HEAD)


class Role(ContentModel):
    """A post: it exists whether or not anyone holds it now."""

    Kind = RoleKind
    owning_division_field = "division"

    title = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=32, choices=RoleKind.choices)
    division = models.ForeignKey(
        Division,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="roles",
        help_text="The division this post heads (or belongs to); it also keeps the post current.",
    )
    description = models.CharField(max_length=300, blank=True, help_text="One plain sentence.")
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Among posts of the same kind; then by the division's order."
    )

    history = PortalHistory()

    class Meta:
        ordering = ["order", "title"]
        permissions = [publish_permission_meta("role", "posts")]
        verbose_name = "post"
        constraints = ContentModel.publication_constraints("role") + [
            models.CheckConstraint(
                condition=models.Q(kind__in=RoleKind.values), name="role_kind_valid"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{reverse('people:leadership')}#{self.slug}"

    @property
    def heads_division(self):
        return self.division_id is not None and self.kind in HEADING_KINDS

    def sort_key(self):
        division = self.division
        return (
            KIND_ORDER.get(self.kind, len(KIND_ORDER)),
            division.order if division is not None else 0,
            self.order,
            self.title,
        )


class HowAppointed(models.TextChoices):
    NOMINATED = "nominated", "Nominated"
    RECRUITED = "recruited", "Recruited"


def period_bounds(started, ended):
    """(earliest possible start, latest possible start, earliest possible end, latest
    possible end) as dates; an open end is None."""
    started, ended = PartialDate.coerce(started), PartialDate.coerce(ended)
    return (
        started.first_day if started else None,
        started.last_day if started else None,
        ended.first_day if ended else None,
        ended.last_day if ended else None,
    )


def surely_overlap(a, b):
    """Do two (started, ended) periods surely share a day, whatever their precision hides?
    "2019–2023" and "2023–2027" may not (the first may end before the second starts)."""
    _, a_start_last, a_end_first, _ = period_bounds(*a)
    _, b_start_last, b_end_first, _ = period_bounds(*b)
    a_before_b_ends = b_end_first is None or (
        a_start_last is not None and a_start_last < b_end_first
    )
    b_before_a_ends = a_end_first is None or (
        b_start_last is not None and b_start_last < a_end_first
    )
    return a_before_b_ends and b_before_a_ends


class Appointment(models.Model):
    """One person in one post, from a start to (once it is over) an end, at the precision a
    source gives."""

    HowAppointed = HowAppointed

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="appointments")
    role = models.ForeignKey(
        Role, on_delete=models.PROTECT, related_name="appointments", verbose_name="post"
    )
    started = PartialDateField(help_text="“2023”, “2023-01” or “2023-01-09”: as a source gives it.")
    ended = PartialDateField(blank=True, help_text="Empty while the person holds the post.")
    how_appointed = models.CharField(max_length=16, choices=HowAppointed.choices, blank=True)
    term = models.CharField(
        max_length=40, blank=True, help_text="As the source says, e.g. “2023–2027”."
    )
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
        help_text="What the appointment and its dates rest on.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = PortalHistory()

    class Meta:
        ordering = ["order", "started", "pk"]
        indexes = [models.Index(fields=["role", "ended"], name="appointment_role_ended_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(how_appointed__in=[*HowAppointed.values, ""]),
                name="appointment_how_valid",
            )
        ]

    # Set when the rows around this one were checked together (an admin formset, a
    # revert): the overlap check against the stored rows would see their old dates.
    siblings_checked = False

    def __str__(self):
        return f"{self.person} – {self.role}" if self.person_id and self.role_id else "Appointment"

    def snapshot(self):
        return {
            "id": self.pk,
            "role_id": self.role_id,
            "started": PartialDate.coerce(self.started).isoformat() if self.started else "",
            "ended": PartialDate.coerce(self.ended).isoformat() if self.ended else "",
            "how_appointed": self.how_appointed,
            "term": self.term,
            "source_id": self.source_id,
            "order": self.order,
            # How a revision's comparison shows it (``publishing.revisions``).
            "line": self.describe(),
        }

    def describe(self):
        end = f" to {self.ended}" if self.ended else ""
        role = self.role.title if self.role_id else "?"
        return f"{role}, from {self.started or '?'}{end}"

    def period_errors(self):
        started, ended = PartialDate.coerce(self.started), PartialDate.coerce(self.ended)
        if started and ended and ended.last_day < started.first_day:
            return {"ended": f"The appointment's end ({ended}) is before its start ({started})."}
        return {}

    def clean(self):
        super().clean()
        errors = self.period_errors()
        if errors:
            raise ValidationError(errors)
        if self.siblings_checked or not (self.person_id and self.role_id):
            return
        others = Appointment.objects.filter(person_id=self.person_id, role_id=self.role_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        for other in others:
            if surely_overlap((self.started, self.ended), (other.started, other.ended)):
                raise ValidationError(overlap_message(other))

    def is_current_on(self, day):
        """Does this appointment cover ``day`` (a ``date``)?"""
        started, ended = PartialDate.coerce(self.started), PartialDate.coerce(self.ended)
        if started is None or started.first_day > day:
            return False
        return ended is None or ended.last_day >= day

    @property
    def is_current(self):
        return self.is_current_on(timezone.localdate())


def overlap_message(other):
    end = f" to {other.ended}" if other.ended else " (still held)"
    return (
        f"This person already holds this post from {other.started}{end}: a person holds a "
        "post only once at a time. Change the dates, or end the other appointment first."
    )


def snapshot_appointments(sender, instance, history_instance, **kwargs):
    history_instance.milestones_snapshot = instance.parts_snapshot()


pre_create_historical_record.connect(
    snapshot_appointments, sender=Person.history.model, dispatch_uid="snapshot_appointments"
)
