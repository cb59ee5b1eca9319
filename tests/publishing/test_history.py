"""History: every change recorded with who and when; compare any two versions; revert in a
click (itself recorded); restore a deleted item."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from initiatives.models import Initiative, Milestone
from pages.models import SiteSection
from publishing.content import State
from publishing.models import Draft
from tests.admin_forms import admin_url as url
from tests.admin_forms import assert_saved, edit, form_data
from tests.factories import (
    DivisionFactory,
    InitiativeFactory,
    SiteSectionFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db
CONFIRM = {"confirm": "1"}  # Revert and Discard ask first (tests/publishing/test_confirm.py)


def last_message(response):
    return [str(m) for m in get_messages(response.wsgi_request)][-1]


@pytest.fixture
def initiative(staff_client):
    """An initiative made through the admin, with two topics and two milestones."""
    topics = TopicFactory.create_batch(2)
    division = DivisionFactory(name="Economic Community Department")
    add = url(Initiative, "add")
    data = form_data(staff_client.get(add))
    data.update(
        title="ASEAN Single Window",
        slug="asean-single-window",
        summary="Customs clearance across member states.",
        body="Links the national single windows of every member state.",
        lead_division=division.pk,
        topics=[t.pk for t in topics],
        pillar="economic",
        status="ongoing",
        **{
            "milestones-TOTAL_FORMS": "2",
            "milestones-0-title": "Pilot",
            "milestones-0-planned": "2020-06-30",
            "milestones-0-order": "0",
            "milestones-1-title": "Go live",
            "milestones-1-planned": "2024-12-31",
            "milestones-1-order": "1",
            # It cites a source, so it may be published (sources.publish_rule).
            "sources-citation-content_type-object_id-TOTAL_FORMS": "1",
            "sources-citation-content_type-object_id-0-source": SourceFactory().pk,
            "sources-citation-content_type-object_id-0-order": "0",
        },
    )
    assert_saved(staff_client.post(add, data))
    return Initiative.objects.get(slug="asean-single-window")


def test_an_admin_save_is_one_revision_with_who_and_when(initiative, staff):
    [revision] = Initiative.history.filter(id=initiative.pk)
    assert revision.history_type == "+"
    assert revision.history_user == staff
    assert {row.topic_id for row in revision.topics.all()} == set(
        initiative.topics.values_list("pk", flat=True)
    )
    assert [m["title"] for m in revision.milestones_snapshot] == ["Pilot", "Go live"]
    # The milestones have their own history too.
    assert Milestone.history.filter(initiative_id=initiative.pk).count() == 2


def test_every_content_type_records_changes(staff_client, staff):
    section = SiteSectionFactory(title="Before")
    assert_saved(edit(staff_client, section, title="After"))
    latest = SiteSection.history.filter(id=section.pk).first()
    assert (latest.title, latest.history_user, latest.history_type) == ("After", staff, "~")


def test_bulk_actions_are_recorded(staff_client, staff):
    section = SiteSectionFactory(draft=True)
    staff_client.post(
        url(SiteSection, "changelist"),
        {"action": "publish", "_selected_action": [section.pk], "index": "0"},
    )
    latest = SiteSection.history.filter(id=section.pk).first()
    assert (latest.state, latest.history_user) == (State.PUBLISHED, staff)
    assert latest.history_change_reason == "Published (bulk action)"


def test_history_page_lists_versions_and_what_each_changed(staff_client, initiative):
    assert_saved(edit(staff_client, initiative, summary="A single window for customs."))
    response = staff_client.get(url(Initiative, "history", initiative.pk))
    assert response.status_code == 200
    entries = response.context["entries"]
    assert len(entries) == 2
    assert entries[0]["changed"] == ["summary"]
    content = response.content.decode()
    assert "Revert to this version" in content
    assert "Compare the chosen versions" in content


def test_compare_shows_each_changed_field_readably(staff_client, initiative):
    other_topic = TopicFactory(name="Trade facilitation")
    first = Initiative.history.filter(id=initiative.pk).first()
    data = {
        "body": "Links the national single windows of all ten member states.",
        "topics": [other_topic.pk],
        "milestones-0-reached": "2020-07-15",
    }
    assert_saved(edit(staff_client, initiative, **data))
    second = Initiative.history.filter(id=initiative.pk).first()

    response = staff_client.get(
        url(Initiative, "compare", initiative.pk),
        {"from": first.history_id, "to": second.history_id},
    )

    assert response.status_code == 200
    rows = {str(row["label"]): row for row in response.context["rows"]}
    assert set(rows) == {"body", "topics", "milestones"}
    assert "<del>every</del>" in rows["body"]["before"]
    assert "<ins>all ten</ins>" in rows["body"]["after"]
    assert "<ins>Trade facilitation</ins>" in rows["topics"]["after"]
    assert "reached 2020-07-15" in rows["milestones"]["after"]


@pytest.mark.parametrize("query", [{}, {"from": "x", "to": "1"}])
def test_compare_without_two_versions_goes_back_to_the_history(staff_client, initiative, query):
    response = staff_client.get(url(Initiative, "compare", initiative.pk), query, follow=True)
    assert response.redirect_chain == [(url(Initiative, "history", initiative.pk), 302)]
    assert "Choose two versions to compare." in [str(m) for m in response.context["messages"]]


def test_compare_with_versions_that_do_not_exist_is_not_found(staff_client, initiative):
    query = {"from": "999999", "to": "999998"}
    response = staff_client.get(url(Initiative, "compare", initiative.pk), query)
    assert response.status_code == 404


def test_revert_restores_fields_topics_and_milestones_as_a_new_revision(
    staff_client, staff, initiative
):
    original = Initiative.history.filter(id=initiative.pk).first()
    topics_before = set(initiative.topics.all())
    pilot = initiative.milestones.get(title="Pilot")
    changes = {
        "title": "Renamed",
        "topics": [],
        "milestones-0-DELETE": "on",  # removes "Pilot"
        "milestones-1-reached": "2025-01-01",
    }
    assert_saved(edit(staff_client, initiative, **changes))
    initiative.refresh_from_db()
    assert initiative.title == "Renamed"
    assert not initiative.milestones.filter(title="Pilot").exists()

    response = staff_client.post(
        url(Initiative, "revert", initiative.pk, original.history_id), CONFIRM
    )

    assert response.status_code == 302
    assert "is back to the version of" in last_message(response)
    initiative.refresh_from_db()
    assert initiative.title == "ASEAN Single Window"
    assert set(initiative.topics.all()) == topics_before
    assert [(m.title, m.reached) for m in initiative.milestones.all()] == [
        ("Pilot", None),
        ("Go live", None),
    ]
    assert initiative.milestones.get(title="Pilot").pk == pilot.pk  # same row, same id
    latest = Initiative.history.filter(id=initiative.pk).first()
    assert latest.history_user == staff
    assert latest.history_change_reason.startswith("Reverted to the version of")
    assert Initiative.history.filter(id=initiative.pk).count() == 3


def test_revert_needs_a_post(staff_client, initiative):
    record = Initiative.history.filter(id=initiative.pk).first()
    response = staff_client.get(url(Initiative, "revert", initiative.pk, record.history_id))
    assert response.status_code == 405


def test_revert_refuses_a_version_whose_slug_is_now_taken(staff_client, initiative):
    original = Initiative.history.filter(id=initiative.pk).first()
    assert_saved(edit(staff_client, initiative, slug="renamed"))
    InitiativeFactory(slug="asean-single-window")

    response = staff_client.post(
        url(Initiative, "revert", initiative.pk, original.history_id), CONFIRM
    )

    assert "Nothing was changed" in last_message(response)
    initiative.refresh_from_db()
    assert initiative.slug == "renamed"


def test_an_editor_revert_keeps_the_publication_state(editor_client, staff_client, initiative):
    draft_version = Initiative.history.filter(id=initiative.pk).first()
    assert draft_version.state == State.DRAFT
    assert_saved(edit(staff_client, initiative, state=State.PUBLISHED, title="Live title"))

    editor_client.post(url(Initiative, "revert", initiative.pk, draft_version.history_id), CONFIRM)

    initiative.refresh_from_db()
    assert initiative.title == "Live title"  # a live item's revert waits for a Publisher
    draft = Draft.objects.get()
    assert draft.data["fields"]["title"] == "ASEAN Single Window"
    assert draft.data["fields"]["state"] == State.PUBLISHED  # and does not unpublish


def test_an_editor_revert_cannot_publish(editor_client, staff_client, initiative):
    assert_saved(edit(staff_client, initiative, state=State.PUBLISHED))
    published = Initiative.history.filter(id=initiative.pk).first()
    assert_saved(edit(staff_client, initiative, state=State.DRAFT))

    editor_client.post(url(Initiative, "revert", initiative.pk, published.history_id), CONFIRM)

    initiative.refresh_from_db()
    assert initiative.state == State.DRAFT


def test_a_deleted_item_is_listed_and_restored_with_its_milestones(staff_client, initiative):
    pk, topics = initiative.pk, set(initiative.topics.values_list("pk", flat=True))
    assert staff_client.post(url(Initiative, "delete", pk), {"post": "yes"}).status_code == 302
    assert not Initiative.objects.filter(pk=pk).exists()

    deleted = staff_client.get(url(Initiative, "deleted"))
    [entry] = deleted.context["entries"]
    assert str(entry["record"].history_object) == "ASEAN Single Window"

    response = staff_client.post(url(Initiative, "restore", entry["record"].history_id))

    assert response.status_code == 302
    restored = Initiative.objects.get(pk=pk)
    assert restored.slug == "asean-single-window"
    assert set(restored.topics.values_list("pk", flat=True)) == topics
    assert [m.title for m in restored.milestones.all()] == ["Pilot", "Go live"]
    assert staff_client.get(url(Initiative, "deleted")).context["entries"] == []


def test_an_editor_restores_a_deleted_published_item_as_a_draft(editor_client):
    section = SiteSectionFactory(title="Was live")
    pk = section.pk
    section.delete()
    deletion = SiteSection.history.filter(id=pk, history_type="-").get()

    editor_client.post(url(SiteSection, "restore", deletion.history_id))

    restored = SiteSection.objects.get(pk=pk)
    assert (restored.title, restored.state) == ("Was live", State.DRAFT)


def test_a_milestone_changed_on_its_own_is_a_revision_of_its_initiative(staff_client, initiative):
    milestone = initiative.milestones.get(title="Pilot")
    change = url(Milestone, "change", milestone.pk)
    response = staff_client.post(change, form_data(staff_client.get(change), reached="2020-07-01"))
    assert_saved(response)

    latest = Initiative.history.filter(id=initiative.pk).first()
    assert latest.history_change_reason == "Milestone “Pilot” changed"
    pilot = next(m for m in latest.milestones_snapshot if m["title"] == "Pilot")
    assert pilot["reached"] == datetime.date(2020, 7, 1).isoformat()


def test_history_pages_need_staff(client, initiative):
    response = client.get(url(Initiative, "history", initiative.pk))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_an_item_loaded_in_bulk_has_an_empty_history_page(staff_client):
    [initiative] = Initiative.objects.bulk_create(
        [InitiativeFactory.build(lead_division=DivisionFactory())]
    )
    response = staff_client.get(url(Initiative, "history", initiative.pk))
    assert response.status_code == 200
    assert "No version of this initiative has been recorded yet" in response.content.decode()


def linked_topics(record):
    return sorted(link.topic_id for link in record.topics.all())


def test_links_changed_from_the_other_side_are_revisions_of_each_linked_item():
    """``topic.initiatives.add/remove/clear`` change the initiatives' topics: each changed
    initiative gets a revision with its new links, and the topic records nothing."""
    topic = TopicFactory()
    first, second = InitiativeFactory.create_batch(2)
    before = {i.pk: i.history.count() for i in (first, second)}

    topic.initiatives.add(first, second)
    assert [linked_topics(i.history.first()) for i in (first, second)] == [[topic.pk]] * 2

    topic.initiatives.remove(first)
    assert linked_topics(first.history.first()) == []
    assert second.history.count() == before[second.pk] + 1

    topic.initiatives.clear()
    assert linked_topics(second.history.first()) == []
    assert first.history.count() == before[first.pk] + 2
    assert second.history.count() == before[second.pk] + 2
    assert topic.history.count() == 1


def test_supporting_divisions_cleared_from_the_division_side_are_recorded():
    division = DivisionFactory()
    initiative = InitiativeFactory()
    initiative.supporting_divisions.add(division)

    division.supported_initiatives.clear()

    latest = initiative.history.first()
    assert latest.history_type == "~"
    assert list(latest.supporting_divisions.all()) == []
    assert not initiative.supporting_divisions.exists()
