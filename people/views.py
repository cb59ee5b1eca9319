"""``/leadership/`` (who holds each post now), ``/people/`` and ``/people/<slug>/`` (a
person's posts over time), and their open data. Each page runs a fixed number of queries."""

from django.db.models import Prefetch
from django.utils import timezone
from django.views.generic import DetailView, TemplateView

from public import opendata
from publishing.preview import PreviewableDetailMixin
from sources.references import references_for

from . import structured_data
from .current import current_by_role
from .models import Appointment, Person, Role, RoleKind
from .opendata import APPOINTMENTS, PEOPLE, published_appointments

SECTIONS = [
    (RoleKind.SECRETARY_GENERAL, "Secretary-General"),
    (RoleKind.DEPUTY, "Deputy Secretaries-General"),
    (RoleKind.DIVISION_HEAD, "Heads of divisions"),
    (RoleKind.OTHER, "Other posts"),
]


class Post:
    """A post as /leadership/ shows it: the role and who holds it today."""

    def __init__(self, role, holders):
        self.role = role
        self.holders = holders
        division = role.division
        self.division = division if division is not None and division.is_public else None


def with_format(view):
    """``?format=csv|json`` answers with the dataset; a bad format says so (400)."""

    def get(self, request, *args, **kwargs):
        fmt, error = opendata.requested_format(request)
        if fmt:
            return opendata.export_response(request, self.dataset, self.export_rows(), fmt)
        self.format_error = error
        response = view(self, request, *args, **kwargs)
        if error:
            response.status_code = 400
        return response

    return get


class LeadershipView(TemplateView):
    """Who holds each post now, in the organisation's order: the Secretary-General, the
    Deputies, the heads of divisions (by the divisions' order), then any other post."""

    template_name = "people/leadership.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        roles = sorted(Role.objects.published().select_related("division"), key=Role.sort_key)
        holders = current_by_role([role.pk for role in roles], today)
        posts = [Post(role, holders.get(role.pk, [])) for role in roles]
        context["sections"] = [
            (kind, label, [post for post in posts if post.role.kind == kind])
            for kind, label in SECTIONS
        ]
        context["sections"] = [s for s in context["sections"] if s[2]]
        context["today"] = today
        context["references"] = references_for(
            *[appointment for post in posts for appointment in post.holders]
        )
        return context


class PersonListView(TemplateView):
    """Every published person, by name, with the posts they hold now."""

    template_name = "people/person_list.html"
    dataset = PEOPLE

    def export_rows(self):
        return Person.objects.published().order_by("name", "pk")

    get = with_format(TemplateView.get)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        people = list(
            Person.objects.published()
            .select_related("nationality")
            .prefetch_related(
                Prefetch(
                    "appointments",
                    queryset=Appointment.objects.filter(
                        role__in=Role.objects.published()
                    ).select_related("role"),
                )
            )
            .order_by("name", "pk")
        )
        today = timezone.localdate()
        for person in people:
            person.current = [a for a in person.appointments.all() if a.is_current_on(today)]
        context["people"] = people
        context["format_error"] = self.format_error
        return context


class AppointmentDataView(PersonListView):
    """``/people/appointments/?format=csv|json``: every public appointment (a download,
    never a page: without a format, the CSV)."""

    dataset = APPOINTMENTS

    def export_rows(self):
        return published_appointments()

    def get(self, request, *args, **kwargs):
        if not request.GET.get("format"):
            request.GET = request.GET.copy()
            request.GET["format"] = "csv"
        return super().get(request, *args, **kwargs)


class PersonDetailView(PreviewableDetailMixin, DetailView):
    model = Person
    template_name = "people/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("nationality")
            .prefetch_related(
                Prefetch(
                    "appointments",
                    queryset=Appointment.objects.filter(role__in=Role.objects.published())
                    .select_related("role__division", "source")
                    .order_by("-started", "order", "pk"),
                )
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        today = timezone.localdate()
        appointments = list(person.appointments.all())
        for appointment in appointments:
            appointment.current = appointment.is_current_on(today)
            division = appointment.role.division
            appointment.division = division if division is not None and division.is_public else None
        context["appointments"] = appointments
        context["current"] = [a for a in appointments if a.current]
        context["references"] = references_for(person, *appointments)
        context["person_jsonld"] = structured_data.to_json(
            structured_data.person(self.request, person, context["current"])
        )
        return context
