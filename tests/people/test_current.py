"""Who holds a post "now" is decided on the portal's date (Asia/Jakarta), at both ends of
the UTC day: an appointment ending today still counts, one starting tomorrow does not yet."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from partial_dates import PartialDate
from people.current import current_by_role
from tests.factories import AppointmentFactory, PersonFactory, RoleFactory

pytestmark = pytest.mark.django_db


def test_ending_today_counts_and_starting_tomorrow_does_not(any_hour, client):
    today = timezone.localdate()  # Jakarta's date: at 23:30 UTC it is already tomorrow there
    role = RoleFactory(title="Director of Things", kind="division-head")
    leaving = AppointmentFactory(
        role=role, person=PersonFactory(name="Leaving Today"), started="2020", ended=today
    )
    arriving = AppointmentFactory(
        role=role,
        person=PersonFactory(name="Arriving Tomorrow"),
        started=PartialDate.from_date(today + datetime.timedelta(days=1)),
    )
    assert leaving.is_current and not arriving.is_current
    assert current_by_role([role.pk])[role.pk] == [leaving]
    page = client.get("/leadership/").content.decode()
    assert "Leaving Today" in page and "Arriving Tomorrow" not in page


def test_late_in_the_utc_day_jakarta_has_moved_on():
    """At 23:30 UTC on 5 May it is 6 May in Jakarta: an appointment that ended on 5 May is
    over, one that starts on 6 May has begun."""
    role = RoleFactory()
    ended = AppointmentFactory(role=role, started="2020", ended="2026-05-05")
    begun = AppointmentFactory(role=role, started="2026-05-06")
    with time_machine.travel(
        datetime.datetime(2026, 5, 5, 23, 30, tzinfo=datetime.UTC), tick=False
    ):
        assert timezone.localdate() == datetime.date(2026, 5, 6)
        assert current_by_role([role.pk])[role.pk] == [begun]
    with time_machine.travel(datetime.datetime(2026, 5, 5, 0, 30, tzinfo=datetime.UTC), tick=False):
        assert current_by_role([role.pk])[role.pk] == [ended]


def test_dates_count_at_their_precision():
    day = datetime.date(2027, 12, 31)
    appointment = AppointmentFactory.build(started="2023", ended="2027")
    assert appointment.is_current_on(datetime.date(2023, 1, 1))
    assert appointment.is_current_on(day)  # "ended 2027": current all through 2027
    assert not appointment.is_current_on(day + datetime.timedelta(days=1))
    assert not appointment.is_current_on(datetime.date(2022, 12, 31))


def test_draft_people_and_draft_posts_hold_nothing_in_public():
    role = RoleFactory()
    AppointmentFactory(role=role, person=PersonFactory(draft=True))
    hidden_role = RoleFactory(draft=True)
    AppointmentFactory(role=hidden_role)
    assert current_by_role([role.pk, hidden_role.pk]) == {}
