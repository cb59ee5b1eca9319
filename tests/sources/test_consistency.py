"""The admin's consistency warnings, at both ends of the UTC day (the portal's day is
Jakarta's)."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from initiatives.consistency import consistency_warnings
from initiatives.models import Initiative
from partial_dates import PartialDate
from tests.admin_forms import admin_url, form_data
from tests.factories import InitiativeFactory, MilestoneFactory

pytestmark = pytest.mark.django_db


def test_a_milestone_reached_tomorrow_is_in_the_future_today_is_not(any_hour):
    today = timezone.localdate()
    initiative = InitiativeFactory(planned_start="2020", planned_end=str(today.year + 5))
    MilestoneFactory(initiative=initiative, title="Open")
    MilestoneFactory(initiative=initiative, title="Today", reached=today)
    assert consistency_warnings(initiative) == []
    MilestoneFactory(
        initiative=initiative, title="Tomorrow", reached=today + datetime.timedelta(days=1)
    )
    [warning] = consistency_warnings(initiative)
    assert warning.startswith("The milestone “Tomorrow” is marked reached on")
    assert "in the future" in warning


def test_ongoing_with_every_milestone_reached_or_past_its_end(any_hour):
    today = timezone.localdate()
    initiative = InitiativeFactory(
        status=Initiative.Status.ONGOING, planned_start="2016", planned_end=str(today.year + 1)
    )
    MilestoneFactory(initiative=initiative, reached=PartialDate(2016))
    assert consistency_warnings(initiative) == [
        "It is “Ongoing” but every milestone is reached: is it completed, or is a milestone "
        "missing?"
    ]
    initiative.planned_end = PartialDate(today.year - 1)
    assert consistency_warnings(initiative)[1] == (
        f"It is still “Ongoing” though its end ({today.year - 1}) has passed: update its "
        "status or its dates."
    )
    # An end in this year has not passed until the year is over.
    initiative.planned_end = PartialDate(today.year)
    assert len(consistency_warnings(initiative)) == 1
    initiative.status = Initiative.Status.COMPLETED
    assert consistency_warnings(initiative) == []


def test_an_open_ended_ongoing_initiative_may_have_reached_all_its_milestones(any_hour):
    initiative = InitiativeFactory(status="ongoing", planned_start="", planned_end="")
    MilestoneFactory(initiative=initiative, reached="2005-12")
    assert consistency_warnings(initiative) == []


def test_the_change_form_shows_them_and_a_save_repeats_them(any_hour, staff_client):
    today = timezone.localdate()
    initiative = InitiativeFactory(status="ongoing", planned_end=str(today.year - 1))
    change = admin_url(Initiative, "change", initiative.pk)
    page = staff_client.get(change)
    html = page.content.decode()
    assert "Check before publishing" in html and "has passed" in html
    response = staff_client.post(change, form_data(page), follow=True)
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("has passed" in m for m in said), said
