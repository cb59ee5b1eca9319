"""Who holds which post now, for any batch of posts in one query.

"Now" is the portal's own date (``timezone.localdate()``: Asia/Jakarta), and each
appointment is read at its precision (``Appointment.is_current_on``). Only published people
in published posts count: a draft person is nobody's holder in public."""

from collections import defaultdict

from django.utils import timezone

from caching.prepared_queries import PreparedQuery

from .models import Appointment, Person, Role

# A reduced ISO date sorts before the full dates it covers ("2023" < "2023-05-01"), so this
# keeps every appointment that started on or before ``day``; the end is checked at its
# precision in Python. Prepared (``caching.prepared_queries``): pages ask it on every view.
_CURRENT = PreparedQuery(
    lambda roles, now, day: (
        Appointment.objects.filter(
            role_id__in=roles,
            person__in=Person.objects.published(now),
            role__in=Role.objects.published(now),
            started__lte=day,
        )
        .select_related("person", "role", "source")
        .order_by("role_id", "started", "order", "pk")
    )
)


def current_by_role(role_ids, day=None):
    """``{role id: [Appointment, ...]}``: the appointments current on ``day`` (today in
    Jakarta by default) of published people, with their person and source; one query."""
    role_ids = list(role_ids)
    if not role_ids:
        return {}
    day = day or timezone.localdate()
    rows = _CURRENT.rows(roles=sorted(role_ids), now=timezone.now(), day=day.isoformat())
    found = defaultdict(list)
    for appointment in rows:
        if appointment.is_current_on(day):
            found[appointment.role_id].append(appointment)
    return found
