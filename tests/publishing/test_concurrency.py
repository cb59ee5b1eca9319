"""No lost edits: two staff members open the same item; the first saves. The second's save
is merged field by field (tests/publishing/test_merge.py); where the first changed the
item's parts (inline rows, not merged) it is refused, shows what the first changed, and
keeps the second's own input."""

import pytest
from django.test import Client
from django.urls import reverse

from initiatives.models import Initiative
from publishing.history import one_revision
from publishing.revisions import compare
from tests.admin_forms import assert_saved, form_data
from tests.factories import (
    DivisionFactory,
    InitiativeFactory,
    MilestoneFactory,
    RoleUserFactory,
    SourceFactory,
    cite,
)

pytestmark = pytest.mark.django_db


def signed_in(username):
    client = Client()
    client.force_login(RoleUserFactory(username=username, role="Publisher"))
    return client


@pytest.fixture
def initiative():
    initiative = InitiativeFactory.build(
        title="ASEAN Power Grid", summary="Linking national grids.", lead_division=DivisionFactory()
    )
    with one_revision(initiative):  # recorded with its milestone, as the admin records it
        initiative.save()
        MilestoneFactory(initiative=initiative, title="Interconnection study")
    cite(initiative, SourceFactory())  # so that it may stay published
    return initiative


def test_the_second_save_is_refused_and_loses_nothing(initiative):
    change = reverse("admin:initiatives_initiative_change", args=[initiative.pk])
    amal, budi = signed_in("amal"), signed_in("budi")
    amal_form, budi_form = amal.get(change), budi.get(change)  # both open the form

    # Amal changes a milestone too: the parts are not merged, so Budi's save is refused.
    amal_data = form_data(
        amal_form, summary="Linking grids by 2030.", **{"milestones-0-title": "Study"}
    )
    assert_saved(amal.post(change, amal_data))

    budi_data = form_data(
        budi_form,
        title="ASEAN Power Grid (APG)",
        **{"milestones-0-title": "Interconnection study, phase 2"},
    )
    response = budi.post(change, budi_data)

    # Refused, with a clear message naming who changed what...
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "Someone else saved this initiative after you opened it" in str(form.non_field_errors())
    assert form.conflict["who"] == "amal"
    rows = {str(row["label"]): row for row in form.conflict["rows"]}
    assert set(rows) == {"summary", "milestones"}
    assert "2030" in rows["summary"]["after"]
    content = response.content.decode()
    assert "Not saved: amal changed this initiative while you were editing it" in content
    # ...Budi's own input is still in the form, inline rows included...
    assert form["title"].value() == "ASEAN Power Grid (APG)"
    assert 'value="Interconnection study, phase 2"' in content
    # ...and Amal's change is in the database, untouched.
    initiative.refresh_from_db()
    assert (initiative.title, initiative.summary) == ("ASEAN Power Grid", "Linking grids by 2030.")

    # Having seen Amal's change, Budi saves again on purpose: the form now carries the
    # current version, so this save goes through, and Amal's version stays in the history.
    again = form_data(response)
    assert_saved(budi.post(change, again))
    initiative.refresh_from_db()
    assert initiative.title == "ASEAN Power Grid (APG)"
    assert initiative.milestones.get().title == "Interconnection study, phase 2"
    summaries = list(Initiative.history.filter(id=initiative.pk).values_list("summary", flat=True))
    assert "Linking grids by 2030." in summaries


def test_a_bulk_action_in_between_also_counts_as_someone_elses_change(initiative):
    change = reverse("admin:initiatives_initiative_change", args=[initiative.pk])
    amal, budi = signed_in("amal"), signed_in("budi")
    budi_form = budi.get(change)
    amal.post(
        reverse("admin:initiatives_initiative_changelist"),
        {"action": "archive", "_selected_action": [initiative.pk], "index": "0"},
    )

    response = budi.post(change, form_data(budi_form, title="Changed meanwhile"))

    # Merged: Budi's title, and the state Amal's action set (Budi left it as opened).
    assert_saved(response)
    initiative.refresh_from_db()
    assert (initiative.title, initiative.state) == ("Changed meanwhile", "archived")


def test_saving_the_version_you_opened_is_not_a_conflict(initiative, staff_client):
    change = reverse("admin:initiatives_initiative_change", args=[initiative.pk])
    for title in ["First", "Second"]:  # each save reopens the form, as the admin does
        assert_saved(staff_client.post(change, form_data(staff_client.get(change), title=title)))
    initiative.refresh_from_db()
    assert (initiative.title, initiative.version) == ("Second", 3)


def test_line_endings_sent_by_browsers_are_no_change():
    """Browsers post a textarea's line breaks as CRLF; stored as they came, an untouched
    multi-line field showed as changed in the history and in the conflict box."""
    initiative = InitiativeFactory.build(
        body="First paragraph.\n\nSecond one.", lead_division=DivisionFactory()
    )
    with one_revision(initiative):
        initiative.save()
    cite(initiative, SourceFactory())  # published: it must cite one
    change = reverse("admin:initiatives_initiative_change", args=[initiative.pk])
    amal, budi = signed_in("amal"), signed_in("budi")
    amal_form, budi_form = amal.get(change), budi.get(change)

    as_a_browser_sends = {"body": "First paragraph.\r\n\r\nSecond one.", "summary": "New.\r\nTwo."}
    assert_saved(amal.post(change, form_data(amal_form, **as_a_browser_sends)))

    stored = Initiative.objects.get(pk=initiative.pk)
    assert stored.body == "First paragraph.\n\nSecond one."
    assert stored.summary == "New.\nTwo."
    # Budi's title merges with Amal's summary: the body, sent as CRLF, is no change.
    response = budi.post(change, form_data(budi_form, title="ASEAN Power Grid (APG)"))
    assert_saved(response)
    stored = Initiative.objects.get(pk=initiative.pk)
    assert (stored.title, stored.summary) == ("ASEAN Power Grid (APG)", "New.\nTwo.")
    rows = compare(*Initiative.history.filter(id=initiative.pk).order_by("history_date")[1:3])
    assert [str(row["label"]) for row in rows] == ["title"]  # not the body
