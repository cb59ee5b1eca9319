"""Bodies and meetings through the admin's export and import: a round trip by slug, and a
bad row (a meeting ending before it starts) named, with nothing imported."""

import pytest

from bodies.models import Body
from meetings.models import Meeting
from partial_dates import PartialDate
from tests.factories import BodyFactory, MeetingFactory
from tests.initiatives.test_import_export import confirm, csv_file, export_via_admin, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_source_rule(settings):
    """A file cannot carry sources; these tests are about its round trip."""
    settings.PUBLISH_REQUIRES_SOURCE = False


def exported(client, model):
    return b"".join(export_via_admin(client, model, "csv").streaming_content).decode()


def test_bodies_and_meetings_round_trip(staff_client, places):
    BodyFactory(slug="aec-council", name="ASEAN Economic Community Council", parent=places.summit)
    MeetingFactory(
        slug="46th-asean-summit",
        title="46th ASEAN Summit",
        body=places.summit,
        starts=PartialDate(2025, 5),
        ends=None,
        host_state=places.malaysia,
    )
    for model in (Body, Meeting):
        content = exported(staff_client, model)
        content = content.replace("Economic Community Council", "Economic Community Council (AEC)")
        content = content.replace("46th ASEAN Summit", "46th ASEAN Summit in Kuala Lumpur")
        assert "2025-05" in content or model is Body
        dry_run = upload(staff_client, model, content, name="file.csv")
        assert not dry_run.context["result"].has_validation_errors(), model
        confirm(staff_client, model, dry_run)
    body = Body.objects.get(slug="aec-council")
    assert (body.name, body.parent) == ("ASEAN Economic Community Council (AEC)", places.summit)
    meeting = Meeting.objects.get(slug="46th-asean-summit")
    assert meeting.title == "46th ASEAN Summit in Kuala Lumpur"
    assert (meeting.starts, meeting.host_state) == (PartialDate(2025, 5), places.malaysia)


def test_a_meeting_ending_before_it_starts_is_named_and_nothing_is_imported(staff_client, places):
    row = {
        "slug": "fine",
        "title": "Fine",
        "body": "asean-summit",
        "starts": "2025-05-26",
        "ends": "",
        "status": "held",
        "state": "draft",
    }
    bad = {**row, "slug": "bad", "title": "Bad", "starts": "2025-10-28", "ends": "2025-10-26"}
    response = upload(staff_client, Meeting, csv_file(row, bad), name="meetings.csv")
    [invalid] = response.context["result"].invalid_rows
    assert invalid.number == 2
    assert "cannot end (26 October 2025) before it starts" in " ".join(
        str(e) for e in invalid.field_specific_errors["ends"]
    )
    assert "confirm_form" not in response.context
    assert not Meeting.objects.exists()
