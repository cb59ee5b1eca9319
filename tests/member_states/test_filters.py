"""The ISO code works wherever the slug does: the initiatives list, its downloads."""

import json

import pytest
from django.urls import reverse

from tests.factories import InitiativeFactory, MemberStateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(viet_nam):
    thailand = MemberStateFactory(name="Thailand", slug="thailand", iso_code="TH")
    return (
        InitiativeFactory(title="Viet Nam's plan", member_states=[viet_nam]),
        InitiativeFactory(title="Both", member_states=[viet_nam, thailand]),
        InitiativeFactory(title="Thailand's plan", member_states=[thailand]),
    )


def titles(response):
    return sorted(i.title for i in response.context["initiatives"])


@pytest.mark.parametrize("value", ["viet-nam", "vn", "VN", "Vn"])
def test_the_list_filters_by_slug_or_code(client, plans, value):
    response = client.get(reverse("initiatives:list"), {"member_state": value})
    assert response.status_code == 200
    assert titles(response) == ["Both", "Viet Nam's plan"]
    # The form shows the state chosen, by its slug.
    html = response.content.decode()
    assert '<option value="viet-nam" selected>Viet Nam</option>' in html


@pytest.mark.parametrize("value", ["xx", "atlantis", "v"])
def test_an_unknown_value_gets_the_forms_message_not_an_error(client, plans, value):
    MemberStateFactory(name="Atlantis", slug="atlantis", iso_code="XX", draft=True)
    response = client.get(reverse("initiatives:list"), {"member_state": value})
    # The list's rule for any filter value that names nothing: 400 and the form's message.
    assert response.status_code == 400
    assert f"There is no member state “{value}”." in response.content.decode()


@pytest.mark.parametrize("value", ["viet-nam", "VN"])
def test_downloads_filter_the_same_way_and_give_codes_and_slugs(client, plans, value):
    response = client.get(reverse("initiatives:list"), {"member_state": value, "format": "json"})
    data = json.loads(b"".join(response.streaming_content))
    by_title = {item["title"]: item for item in data["items"]}
    assert sorted(by_title) == ["Both", "Viet Nam's plan"]
    assert by_title["Both"]["member_states"] == ["TH", "VN"]
    assert by_title["Both"]["member_state_slugs"] == ["thailand", "viet-nam"]
    response = client.get(reverse("initiatives:list"), {"member_state": value, "format": "csv"})
    csv_text = b"".join(response.streaming_content).decode("utf-8-sig")
    header = csv_text.splitlines()[0].split(",")
    assert "member_states" in header and "member_state_slugs" in header
    assert "TH;VN" in csv_text and "thailand;viet-nam" in csv_text


def test_milestones_download_takes_the_code(client, plans):
    response = client.get(reverse("initiatives:milestones"), {"member_state": "vn"})
    assert response.status_code == 200


def test_draft_states_are_left_out_of_the_open_data(client, viet_nam):
    hidden = MemberStateFactory(name="Hidden", slug="hidden", iso_code="HD", draft=True)
    InitiativeFactory(title="Plan", member_states=[viet_nam, hidden])
    data = json.loads(
        b"".join(client.get(reverse("initiatives:list"), {"format": "json"}).streaming_content)
    )
    [item] = data["items"]
    assert (item["member_states"], item["member_state_slugs"]) == (["VN"], ["viet-nam"])
