"""``generate_demo_data --meetings N``: N synthetic meetings of the seeded bodies, marked as
synthetic and cited, replaced (not added to) on the next run."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from meetings.models import Meeting
from seed.demo_meetings import PREFIX
from sources.references import citations_of

pytestmark = pytest.mark.django_db


def test_it_makes_n_meetings_and_replaces_them_next_time(client):
    call_command("generate_demo_data", initiatives=0, meetings=150, verbosity=0)
    demo = Meeting.objects.filter(slug__startswith=PREFIX)
    assert demo.count() == 150
    assert Meeting.objects.exclude(slug__startswith=PREFIX).count() == 5  # the seeded Summits
    sample = list(demo.select_related("body")[:20])
    cited = citations_of(sample)
    for meeting in sample:
        assert "Synthetic demo content" in meeting.description
        assert cited[("meetings.meeting", meeting.pk)][0].source.key == "demo-synthetic-data"
        if meeting.ends:
            assert meeting.ends.first_day >= meeting.starts.first_day
    precisions = {m.starts.precision for m in demo}
    assert precisions == {"day", "month", "year"}
    call_command("generate_demo_data", initiatives=0, meetings=40, verbosity=0)
    assert Meeting.objects.filter(slug__startswith=PREFIX).count() == 40
    assert client.get("/meetings/?page=2").status_code == 200
    assert client.get("/meetings/calendar.ics").status_code == 200


def test_a_negative_number_is_refused():
    with pytest.raises(CommandError, match="must be 0 or more"):
        call_command("generate_demo_data", meetings=-1, verbosity=0)
