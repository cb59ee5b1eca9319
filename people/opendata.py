"""The people and appointments datasets (``/people/?format=csv|json`` and
``/people/appointments/?format=csv|json``): column names are a public contract (see the
Data page). Dates are reduced ISO 8601 at their precision: "2023", "2023-01", "2023-01-09".
Only published people, posts and divisions are named."""

from django.db.models import F
from django.urls import reverse

from divisions.models import Division
from partial_dates import PartialDate
from public.opendata import Column, Dataset, grouped

from .models import Appointment, Person, Role


def iso(value):
    return value.isoformat() if isinstance(value, PartialDate) else (value or None)


def person_values(queryset):
    return (
        queryset.select_related(None)
        .prefetch_related(None)
        .values(
            "pk",
            "slug",
            "name",
            "honorific",
            "updated_at",
            nationality_name=F("nationality__name"),
            nationality_code=F("nationality__iso_code"),
            nationality_slug=F("nationality__slug"),
        )
    )


def appointments_of(person_ids):
    """The appointments of these people in posts the public sees, oldest first."""
    return Appointment.objects.filter(
        person_id__in=person_ids, role__in=Role.objects.published()
    ).order_by("person_id", "started", "order", "pk")


def complete_people(chunk):
    ids = [row["pk"] for row in chunk]
    held = grouped(
        (person_id, (slug, started, ended))
        for person_id, slug, started, ended in appointments_of(ids).values_list(
            "person_id", "role__slug", "started", "ended"
        )
    )
    for row in chunk:
        posts = held.get(row["pk"], [])
        yield {
            **row,
            "url": reverse("people:detail", args=[row["slug"]]),
            "nationality": row["nationality_code"],
            "nationality_slug": row["nationality_slug"],
            "nationality_name": row["nationality_name"],
            "posts": [slug for slug, _, _ in posts],
            "current_posts": [
                slug
                for slug, started, ended in posts
                if Appointment(started=started, ended=ended).is_current
            ],
        }


PEOPLE = Dataset(
    name="people",
    title="People",
    columns=(
        Column("slug", "Stable identifier; the person's page is /people/<slug>/.", "kao-kim-hourn"),
        Column("name", "The name as the person is known.", "Kao Kim Hourn"),
        Column("honorific", "Shown before the name; empty if none.", "Dr"),
        Column("url", "The person's page.", "https://…/people/kao-kim-hourn/", is_path=True),
        Column("nationality", "ISO 3166 alpha-2 code of the Member State; empty if unknown.", "KH"),
        Column("nationality_slug", "The Member State's slug (as the filters take it).", "cambodia"),
        Column("nationality_name", "The Member State's name.", "Cambodia"),
        Column(
            "posts",
            "Slugs of every post held, oldest first (CSV: joined with “;”).",
            "secretary-general",
        ),
        Column(
            "current_posts",
            "Slugs of the posts held today (the portal's date, Asia/Jakarta).",
            "secretary-general",
        ),
        Column("updated_at", "When the record last changed (UTC).", "2026-01-01T00:00:00Z"),
    ),
    values=person_values,
    complete=complete_people,
)


def appointment_values(queryset):
    return queryset.order_by("person__name", "person_id", "started", "order", "pk").values(
        "pk",
        "started",
        "ended",
        "how_appointed",
        "term",
        person_slug=F("person__slug"),
        person_name=F("person__name"),
        role_slug=F("role__slug"),
        role_title=F("role__title"),
        role_kind=F("role__kind"),
        role_division=F("role__division_id"),
        source_key=F("source__key"),
        source_title=F("source__title"),
    )


def complete_appointments(chunk):
    divisions = dict(Division.objects.published().values_list("pk", "slug"))
    for row in chunk:
        yield {
            "person": row["person_slug"],
            "person_name": row["person_name"],
            "role": row["role_slug"],
            "role_title": row["role_title"],
            "role_kind": row["role_kind"],
            "division": divisions.get(row["role_division"]),
            "started": iso(row["started"]),
            "ended": iso(row["ended"]),
            "how_appointed": row["how_appointed"] or None,
            "term": row["term"] or None,
            "source": row["source_title"],
            "source_key": row["source_key"],
        }


def published_appointments():
    """Appointments of published people in published posts: what the public sees."""
    return Appointment.objects.filter(
        person__in=Person.objects.published(), role__in=Role.objects.published()
    )


APPOINTMENTS = Dataset(
    name="appointments",
    title="Appointments",
    columns=(
        Column("person", "The person's slug.", "kao-kim-hourn"),
        Column("person_name", "The person's name.", "Kao Kim Hourn"),
        Column("role", "The post's slug.", "secretary-general"),
        Column("role_title", "The post's title.", "Secretary-General of ASEAN"),
        Column(
            "role_kind",
            "secretary-general, deputy-secretary-general, division-head or other.",
            "secretary-general",
        ),
        Column("division", "Slug of the division the post heads; empty if none.", ""),
        Column("started", "When the appointment began, at the source's precision.", "2023"),
        Column("ended", "When it ended, at its precision; empty while it lasts.", ""),
        Column("how_appointed", "nominated or recruited; empty if not recorded.", "nominated"),
        Column("term", "The term as the source gives it.", "2023–2027"),
        Column(
            "source", "Title of the source the appointment rests on.", "Secretary-General of ASEAN"
        ),
        Column("source_key", "The source's stable key.", "secretary-general-of-asean-page"),
    ),
    values=appointment_values,
    complete=complete_appointments,
)
