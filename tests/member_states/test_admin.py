"""The Member States' admin: a content type's workflow, sources, roles and "view on site"."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from member_states.models import MemberState
from partial_dates import PartialDate
from publishing.content import State
from publishing.models import Draft
from tests.admin_forms import edit
from tests.factories import MemberStateFactory, SourceFactory
from tests.initiatives.test_admin import PUBLICATION, admin_url, assert_saved, inline_forms

pytestmark = pytest.mark.django_db

CITATIONS = "sources-citation-content_type-object_id"


def citations(*rows):
    return inline_forms(
        CITATIONS,
        *[
            {"source": source.pk, "supports": supports, "locator": "", "order": n}
            for n, (source, supports) in enumerate(rows)
        ],
    )


def form_data(**fields):
    return {
        "name": "Timor-Leste",
        "slug": "timor-leste",
        "iso_code": "TL",
        "joined_on": "",
        "capital": "",
        "official_languages": "",
        "national_office": "",
        "national_office_url": "",
        "other_names": "",
        "owning_division": "",
        **PUBLICATION,
        **citations(),
        **fields,
    }


def test_changelist_and_search(staff_client):
    MemberStateFactory(name="Viet Nam", slug="viet-nam", iso_code="VN", other_names="Vietnam")
    MemberStateFactory(name="Brunei Darussalam", slug="brunei-darussalam", iso_code="BN")
    url = admin_url(MemberState, "changelist")
    assert staff_client.get(url).status_code == 200
    for term in ["viet", "VN", "vietnam"]:
        response = staff_client.get(url, {"q": term})
        assert [s.name for s in response.context["cl"].result_list] == ["Viet Nam"]


def test_add_and_change_with_partial_dates_and_view_on_site(staff_client):
    assert staff_client.get(admin_url(MemberState, "add")).status_code == 200
    assert_saved(staff_client.post(admin_url(MemberState, "add"), form_data()))
    state = MemberState.objects.get(slug="timor-leste")
    assert state.state == State.DRAFT

    url = admin_url(MemberState, "change", state.pk)
    response = staff_client.get(url)
    assert response.status_code == 200
    # "View on site" opens the Member State's own page.
    shortcut = reverse(
        "admin:view_on_site", args=[ContentType.objects.get_for_model(state).pk, state.pk]
    )
    assert shortcut in response.content.decode()
    assert staff_client.get(shortcut)["Location"].endswith("/member-states/timor-leste/")
    assert_saved(staff_client.post(url, form_data(joined_on="2025-10-26")))
    state.refresh_from_db()
    assert state.joined_on == PartialDate(2025, 10, 26)
    assert_saved(staff_client.post(url, form_data(joined_on="October 2025")))
    state.refresh_from_db()
    assert (state.joined_on.isoformat(), str(state.joined_on)) == ("2025-10", "October 2025")


def test_other_names_are_kept_one_a_line_without_blanks_or_repeats(staff_client):
    data = form_data(other_names="East Timor\r\n\r\n  Timorese \r\neast timor\r\n")
    assert_saved(staff_client.post(admin_url(MemberState, "add"), data))
    state = MemberState.objects.get(slug="timor-leste")
    assert state.other_names == "East Timor\nTimorese"
    assert state.names_for_search() == ["Timor-Leste", "East Timor", "Timorese"]


def test_an_iso_code_that_is_not_two_capitals_is_refused(staff_client):
    response = staff_client.post(admin_url(MemberState, "add"), form_data(iso_code="t1"))
    assert response.status_code == 200
    assert "two capital letters" in str(response.context["adminform"].form.errors["iso_code"])
    assert not MemberState.objects.exists()


def test_publishing_needs_a_source(publisher_client):
    data = form_data(state=State.PUBLISHED)
    response = publisher_client.post(admin_url(MemberState, "add"), data)
    assert response.status_code == 200
    assert "cannot be published without a source" in response.content.decode()
    assert not MemberState.objects.exists()

    source = SourceFactory()
    data = form_data(state=State.PUBLISHED, **citations((source, "Date of joining ASEAN")))
    assert_saved(publisher_client.post(admin_url(MemberState, "add"), data))
    assert MemberState.objects.get().state == State.PUBLISHED


def test_editors_draft_and_publishers_publish(editor, publisher, site_admin):
    for user in (editor, publisher):
        assert user.has_perms(["member_states.add_memberstate", "member_states.change_memberstate"])
        assert not user.has_perm("member_states.delete_memberstate")
    assert not editor.has_perm("member_states.publish_memberstate")
    assert publisher.has_perm("member_states.publish_memberstate")
    assert site_admin.has_perm("member_states.delete_memberstate")


def test_an_editor_cannot_publish(editor_client):
    source = SourceFactory()
    data = form_data(state=State.PUBLISHED, **citations((source, "Date of joining ASEAN")))
    editor_client.post(admin_url(MemberState, "add"), data)
    assert not MemberState.objects.filter(state=State.PUBLISHED).exists()


def test_an_editors_change_to_a_live_state_waits_as_a_draft(editor_client, client, viet_nam):
    assert edit(editor_client, viet_nam, capital="Ha Noi").status_code == 302
    viet_nam.refresh_from_db()
    assert viet_nam.capital == ""  # the live page is unchanged
    assert Draft.objects.get().data["fields"]["capital"] == "Ha Noi"
    assert "Ha Noi" not in client.get(viet_nam.get_absolute_url()).content.decode()
