"""Staff keep meetings in the admin: dates in order, and no "held" before it has started
(by the date in Jakarta), each refused with a clear message and nothing saved."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from meetings.models import Meeting
from partial_dates import PartialDate
from publishing.content import State
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

ADD = reverse("admin:meetings_meeting_add")
CHANGELIST = reverse("admin:meetings_meeting_changelist")


def form_data(body, **fields):
    data = {
        "title": "46th ASEAN Summit",
        "slug": "46th-asean-summit",
        "body": body.pk,
        "ordinal": "46",
        "starts": "2025-05-26",
        "ends": "",
        "host_state": "",
        "city": "Kuala Lumpur",
        "chair": "",
        "status": "held",
        "description": "",
        "owning_division": "",
        "state": State.DRAFT,
        "publish_at_0": "",
        "publish_at_1": "",
        "unpublish_at_0": "",
        "unpublish_at_1": "",
        "sources-citation-content_type-object_id-TOTAL_FORMS": "0",
        "sources-citation-content_type-object_id-INITIAL_FORMS": "0",
    }
    return {**data, **fields}


def errors(response):
    assert response.status_code == 200, "saved, though it should not have been"
    return response.context["adminform"].form.errors


def test_the_changelist_search_and_add_form_answer(staff_client, places):
    MeetingFactory(title="47th ASEAN Summit", body=places.summit)
    assert "47th ASEAN Summit" in staff_client.get(f"{CHANGELIST}?q=47th").content.decode()
    assert staff_client.get(ADD).status_code == 200


def test_a_meeting_is_saved_with_its_dates_at_their_precision(staff_client, places):
    response = staff_client.post(ADD, form_data(places.summit, starts="May 2025", ends=""))
    assert response.status_code == 302, errors(response)
    assert Meeting.objects.get().starts == PartialDate(2025, 5)


def test_a_meeting_cannot_end_before_it_starts(staff_client, places):
    response = staff_client.post(
        ADD, form_data(places.summit, starts="2025-10-28", ends="2025-10-26")
    )
    assert errors(response)["ends"] == [
        "The meeting cannot end (26 October 2025) before it starts (28 October 2025)."
    ]
    assert not Meeting.objects.exists()


def test_a_month_that_contains_the_start_is_not_before_it(staff_client, places):
    response = staff_client.post(ADD, form_data(places.summit, starts="2025-10-26", ends="2025-10"))
    assert response.status_code == 302, errors(response)


@pytest.mark.parametrize(
    ("utc", "allowed"),
    [
        # 23:30 UTC on 25 May is 06:30 on 26 May in Jakarta: the Summit has started.
        ("2025-05-25T23:30", True),
        # 16:30 UTC on 25 May is 23:30 on 25 May in Jakarta: it starts tomorrow there.
        ("2025-05-25T16:30", False),
        # 00:30 UTC on 25 May is 07:30 on 25 May in Jakarta: tomorrow.
        ("2025-05-25T00:30", False),
    ],
)
def test_held_is_refused_for_a_meeting_that_starts_after_today_in_jakarta(
    staff_client, places, utc, allowed
):
    moment = datetime.datetime.fromisoformat(utc).replace(tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        response = staff_client.post(ADD, form_data(places.summit, starts="2025-05-26"))
    if allowed:
        assert response.status_code == 302, errors(response)
    else:
        assert errors(response)["status"] == [
            "A meeting that starts after today (25 May 2025, Jakarta time) cannot have been "
            "held yet: choose “Upcoming”, or correct its dates."
        ]
        assert not Meeting.objects.exists()


def test_an_upcoming_meeting_may_be_recorded_ahead(staff_client, places):
    response = staff_client.post(ADD, form_data(places.summit, starts="2099", status="upcoming"))
    assert response.status_code == 302, errors(response)


def test_a_meeting_without_a_source_is_not_published(staff_client, places):
    response = staff_client.post(ADD, form_data(places.summit, state=State.PUBLISHED))
    assert "cannot be published without a source" in response.content.decode()
    assert not Meeting.objects.filter(state=State.PUBLISHED).exists()
