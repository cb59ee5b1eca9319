"""Member States out of and into the admin as CSV or JSON, matched by slug."""

import json

import pytest

from member_states.models import MemberState
from publishing.content import State
from tests.initiatives.test_import_export import confirm, csv_file, export_via_admin, upload

pytestmark = pytest.mark.django_db


def test_export_gives_code_slug_and_other_names(staff_client, viet_nam):
    response = export_via_admin(staff_client, MemberState, "json")
    [exported] = json.loads(b"".join(response.streaming_content))
    assert (exported["slug"], exported["iso_code"], exported["joined_on"]) == (
        "viet-nam",
        "VN",
        "1995-07-28",
    )
    assert exported["other_names"] == "Vietnam\nVietnamese"


def test_import_updates_a_draft_state_by_slug(staff_client):
    MemberState.objects.create(name="Timor-Leste", slug="timor-leste", iso_code="TL")
    row = {
        "slug": "timor-leste",
        "name": "Timor-Leste",
        "iso_code": "TL",
        "joined_on": "2025-10",
        "capital": "",
        "official_languages": "",
        "national_office": "",
        "national_office_url": "",
        "other_names": "East Timor",
        "state": "draft",
        "publish_at": "",
        "unpublish_at": "",
        "review_by": "2027-01-01",
    }
    dry_run = upload(staff_client, MemberState, csv_file(row), name="member-states.csv")
    result = dry_run.context["result"]
    assert not result.has_errors() and not result.has_validation_errors(), result
    assert confirm(staff_client, MemberState, dry_run).status_code == 302
    state = MemberState.objects.get(slug="timor-leste")
    assert (str(state.joined_on), state.other_names, state.state) == (
        "October 2025",
        "East Timor",
        State.DRAFT,
    )
