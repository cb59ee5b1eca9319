"""Who holds which post now, for any batch of posts in one query.

"Now" is the portal's own date (``timezone.localdate()``: Asia/Jakarta), and each
appointment is read at its precision (``Appointment.is_current_on``). Only published people
in published posts count: a draft person is nobody's holder in public."""

from collections import defaultdict

from django.utils import timezone

from .models import Appointment, Person, Role


def current_by_role(role_ids, day=None):
    """``{role id: [Appointment, ...]}``: the appointments current on ``day`` (today in
    Jakarta by default) of published people, with their person and source; one query."""
    role_ids = list(role_ids)
    if not role_ids:
        return {}
    day = day or timezone.localdate()
    # A reduced ISO date sorts before the full dates it covers ("2023" < "2023-05-01"), so
    # this keeps every appointment that started on or before ``day``; the end is checked
    # at its precision below.
    rows = (
        Appointment.objects.filter(
            role_id__in=role_ids,
            person__in=Person.objects.published(),
            role__in=Role.objects.published(),
            started__lte=day.isoformat(),
        )
        .select_related("person", "role", "source")
        .order_by("role_id", "started", "order", "pk")
    )
    found = defaultdict(list)
    for appointment in rows:
        if appointment.is_current_on(day):
            found[appointment.role_id].append(appointment)
    return found
