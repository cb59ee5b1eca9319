"""Drafts of live items: an Editor's change to a published item never reaches the public
until a Publisher publishes it — by the change form, a hand-made POST, a bulk retag, a
revert or an import; a Publisher sees, previews, compares, publishes or discards it."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from divisions.models import Division
from faqs.models import FAQ
from initiatives.models import Initiative, Topic
from pages.models import SiteSection
from publishing.content import State
from publishing.models import Draft
from tests.admin_forms import admin_url as url
from tests.admin_forms import assert_saved, edit, form_data
from tests.factories import (
    DivisionFactory,
    FAQFactory,
    InitiativeFactory,
    MilestoneFactory,
    SiteSectionFactory,
    TopicFactory,
)
from tests.responses import text_of

pytestmark = pytest.mark.django_db
CONFIRM = {"confirm": "1"}  # Revert and Discard ask first (tests/publishing/test_confirm.py)

FACTORIES = {
    SiteSection: (SiteSectionFactory, "title"),
    Division: (DivisionFactory, "name"),
    Topic: (TopicFactory, "name"),
    Initiative: (InitiativeFactory, "title"),
    FAQ: (FAQFactory, "question"),
}


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def live(obj):
    return type(obj).objects.get(pk=obj.pk)


@pytest.fixture
def initiative():
    """A published initiative with two topics and two milestones."""
    trade, health = TopicFactory(name="Trade"), TopicFactory(name="Health")
    item = InitiativeFactory(
        title="ASEAN Single Window", summary="Customs clearance.", topics=[trade, health]
    )
    MilestoneFactory(initiative=item, title="Pilot", planned=datetime.date(2020, 6, 30))
    MilestoneFactory(initiative=item, title="Go live", planned=datetime.date(2024, 12, 31))
    return item


def snapshot(item):
    item = live(item)
    return (
        item.title,
        item.summary,
        item.version,
        sorted(item.topics.values_list("name", flat=True)),
        [(m.title, m.planned) for m in item.milestones.all()],
    )


# --- the change form -------------------------------------------------------------------


def test_an_editors_save_of_a_live_initiative_is_a_draft(editor_client, client, initiative):
    before = snapshot(initiative)
    revisions = Initiative.history.filter(id=initiative.pk).count()
    page = editor_client.get(url(Initiative, "change", initiative.pk))
    data = form_data(page, summary="Paperless customs clearance.", topics=[])
    data.update(
        {
            "milestones-0-title": "Pilot in two member states",
            "milestones-1-DELETE": "on",
            "milestones-2-title": "Regional roll-out",
            "milestones-2-planned": "2026-01-01",
            "milestones-2-order": "2",
        }
    )

    response = editor_client.post(url(Initiative, "change", initiative.pk), data)

    assert response.status_code == 302
    assert response["Location"] == url(Initiative, "change", initiative.pk)
    assert (
        "saved as a draft and wait for a Publisher; the live page is unchanged"
        in (messages_of(response)[-1])
    )
    assert snapshot(initiative) == before  # fields, links and milestones as they were
    assert Initiative.history.filter(id=initiative.pk).count() == revisions  # none recorded
    public = client.get(initiative.get_absolute_url()).content.decode()
    assert "Customs clearance." in public and "Paperless" not in public
    draft = Draft.objects.get()
    assert draft.base_version == before[2]
    assert draft.data["fields"]["summary"] == "Paperless customs clearance."
    assert draft.data["m2m"]["topics"] == []
    assert [m["title"] for m in draft.data["parts"]] == [
        "Pilot in two member states",
        "Regional roll-out",
    ]


def test_the_editor_reopens_the_draft_not_the_live_item_and_keeps_editing(
    editor_client, initiative
):
    edit(editor_client, initiative, summary="First draft.")

    page = editor_client.get(url(Initiative, "change", initiative.pk))
    content = page.content.decode()
    assert "This live initiative has a draft" in content
    assert page.context["adminform"].form["summary"].value() == "First draft."
    assert 'name="_send_for_review"' in content

    response = edit(editor_client, initiative, summary="Second draft.", _send_for_review="1")

    assert response.status_code == 302
    draft = Draft.objects.get()
    assert draft.data["fields"]["summary"] == "Second draft."
    assert draft.submitted_at is not None
    assert live(initiative).summary == "Customs clearance."
    # Reopened, the milestones are the draft's too, and saving unchanged keeps the draft.
    page = editor_client.get(url(Initiative, "change", initiative.pk))
    assert page.context["adminform"].form["summary"].value() == "Second draft."
    assert len(page.context["inline_admin_formsets"][0].formset.initial_forms) == 2
    assert edit(editor_client, initiative).status_code == 302
    assert Draft.objects.get().data["fields"]["summary"] == "Second draft."


STALE_BANNER = "The live page has changed since this draft was started"


def test_an_editors_draft_says_the_live_page_changed_only_when_it_did(
    editor_client, publisher_client, initiative
):
    edit(editor_client, initiative, summary="First draft.")
    edit(editor_client, initiative, summary="Second draft.")  # the draft's saves count up

    page = editor_client.get(url(Initiative, "change", initiative.pk))
    assert "This live initiative has a draft" in page.content.decode()
    assert STALE_BANNER not in page.content.decode()

    # A Publisher changes the live initiative meanwhile: now the Editor is told.
    assert_saved(edit(publisher_client, initiative, title="ASEAN Single Window (ASW)"))
    page = editor_client.get(url(Initiative, "change", initiative.pk))
    assert STALE_BANNER in page.content.decode()
    assert page.context["adminform"].form["summary"].value() == "Second draft."


def test_saving_the_live_text_again_leaves_no_draft(editor_client, initiative):
    response = edit(editor_client, initiative)
    assert "there is no draft" in messages_of(response)[-1]
    assert not Draft.objects.exists()


@pytest.mark.parametrize("model", FACTORIES)
def test_every_content_type_keeps_an_editors_change_to_a_live_item_as_a_draft(editor_client, model):
    factory, field = FACTORIES[model]
    obj = factory()
    old = getattr(obj, field)

    assert edit(editor_client, obj, **{field: "Changed by an Editor"}).status_code == 302

    assert getattr(live(obj), field) == old
    assert Draft.objects.get().data["fields"][field] == "Changed by an Editor"


def test_an_archived_items_change_is_a_draft_too(editor_client):
    faq = FAQFactory(state=State.ARCHIVED, question="Old question?")
    edit(editor_client, faq, question="New question?")
    assert live(faq).question == "Old question?"
    assert Draft.objects.filter(object_id=faq.pk).exists()


def test_a_hand_made_post_to_a_live_item_changes_nothing_live(editor_client, initiative):
    before = snapshot(initiative)
    page = editor_client.get(url(Initiative, "change", initiative.pk))
    data = form_data(page, title="Hijacked", state=State.DRAFT)
    data.pop("base_version")  # a script, not the admin's own form

    response = editor_client.post(url(Initiative, "change", initiative.pk), data)

    assert response.status_code == 302
    assert snapshot(initiative) == before
    assert live(initiative).state == State.PUBLISHED
    assert Draft.objects.get().data["fields"]["title"] == "Hijacked"


def test_editors_drafts_are_still_edited_directly(editor_client):
    draft = InitiativeFactory(draft=True, title="Work in progress")
    assert_saved(edit(editor_client, draft, title="Still in progress"))
    assert live(draft).title == "Still in progress"
    assert not Draft.objects.exists()


def test_a_publishers_edit_of_a_live_item_goes_live(publisher_client, initiative):
    assert_saved(edit(publisher_client, initiative, summary="Live at once."))
    assert live(initiative).summary == "Live at once."
    assert not Draft.objects.exists()


def test_an_editors_conflicting_save_is_refused_not_kept_as_a_draft(
    editor_client, publisher_client
):
    item = InitiativeFactory(summary="Original.")
    page = editor_client.get(url(Initiative, "change", item.pk))
    assert_saved(edit(publisher_client, item, summary="The Publisher's text."))

    response = editor_client.post(
        url(Initiative, "change", item.pk), form_data(page, summary="The Editor's text.")
    )

    assert response.status_code == 200
    assert "Someone else saved this initiative" in response.content.decode()
    assert not Draft.objects.exists()
    assert live(item).summary == "The Publisher's text."


# --- what a Publisher sees and does ----------------------------------------------------


def test_the_list_marks_and_filters_items_with_a_draft(editor_client, publisher_client, initiative):
    InitiativeFactory(title="Untouched")
    edit(editor_client, initiative, summary="Draft.")

    everything = publisher_client.get(url(Initiative, "changelist")).content.decode()
    assert everything.count("state-changes") == 1
    pending = publisher_client.get(url(Initiative, "changelist") + "?pending=yes")
    assert [o.pk for o in pending.context["cl"].result_list] == [initiative.pk]
    none = publisher_client.get(url(Initiative, "changelist") + "?pending=review")
    assert list(none.context["cl"].result_list) == []
    editor_client.post(
        url(Initiative, "changelist"),
        {"action": "submit_for_review", "_selected_action": [initiative.pk], "index": "0"},
    )
    review = publisher_client.get(url(Initiative, "changelist") + "?pending=review")
    assert [o.pk for o in review.context["cl"].result_list] == [initiative.pk]


def test_the_publisher_sees_the_live_form_with_a_banner(
    editor_client, publisher_client, initiative
):
    edit(editor_client, initiative, summary="Draft.")
    page = publisher_client.get(url(Initiative, "change", initiative.pk))
    assert page.context["adminform"].form["summary"].value() == "Customs clearance."
    assert "A draft is waiting" in page.content.decode()


def test_the_draft_page_compares_draft_and_live(editor_client, publisher_client, initiative):
    long_text = "Paperless customs clearance, with one window for every trader in the region."
    edit(editor_client, initiative, summary=long_text, topics=[])
    page = publisher_client.get(url(Initiative, "draft", initiative.pk))
    assert page.status_code == 200
    rows = {str(r["label"]): r for r in page.context["rows"]}
    assert set(rows) == {"summary", "topics"}
    assert "<ins>Paperless</ins>" in str(rows["summary"]["after"])
    assert "Publish these changes" in page.content.decode()


def test_the_preview_shows_the_draft_on_the_public_page_never_cached(
    editor_client, publisher_client, client, initiative
):
    edit(editor_client, initiative, summary="Paperless customs clearance.")

    preview = publisher_client.get(url(Initiative, "draft_preview", initiative.pk))

    content = preview.content.decode()
    assert preview.status_code == 200
    assert "Paperless customs clearance." in content
    assert "Preview of a draft</strong> by an-editor:" in content
    assert "no-cache" in preview["Cache-Control"] and "private" in preview["Cache-Control"]
    assert live(initiative).summary == "Customs clearance."  # the preview wrote nothing
    assert "Paperless" not in text_of(client, initiative.get_absolute_url())
    assert client.get(url(Initiative, "draft_preview", initiative.pk)).status_code == 302


def test_publishing_the_draft_is_one_revision_and_reaches_the_public(
    editor, editor_client, publisher, publisher_client, client, initiative
):
    client.get(initiative.get_absolute_url())  # cached for the public
    revisions = Initiative.history.filter(id=initiative.pk).count()
    version = live(initiative).version
    edit(editor_client, initiative, summary="Paperless customs clearance.", topics=[])

    response = publisher_client.post(url(Initiative, "draft_action", initiative.pk, "publish"))

    assert response.status_code == 302
    item = live(initiative)
    assert item.summary == "Paperless customs clearance."
    assert list(item.topics.all()) == []
    assert [m.title for m in item.milestones.all()] == ["Pilot", "Go live"]
    assert item.version == version + 1
    assert item.state == State.PUBLISHED
    revision = Initiative.history.filter(id=item.pk).first()
    assert revision.history_user == publisher
    assert "an-editor" in revision.history_change_reason
    assert Initiative.history.filter(id=item.pk).count() == revisions + 1
    assert not Draft.objects.exists()
    assert "Paperless" in client.get(initiative.get_absolute_url()).content.decode()


def test_publishing_a_draft_based_on_an_old_live_version_is_refused_then_confirmed(
    editor_client, publisher_client, initiative
):
    edit(editor_client, initiative, summary="The Editor's summary.")
    assert_saved(edit(publisher_client, initiative, title="The Publisher's title"))

    refused = publisher_client.post(url(Initiative, "draft_action", initiative.pk, "publish"))

    assert "Not published" in messages_of(refused)[-1]
    assert live(initiative).summary == "Customs clearance."
    page = publisher_client.get(url(Initiative, "draft", initiative.pk))
    conflict = page.context["conflict"]
    labels = [str(r["label"]) for r in conflict["rows"]]
    assert "title" in labels and "summary" not in labels
    assert "Publish over the live changes" in page.content.decode()

    publisher_client.post(
        url(Initiative, "draft_action", initiative.pk, "publish"),
        {"confirm_version": page.context["live_version"]},
    )

    item = live(initiative)
    assert item.summary == "The Editor's summary."
    # The Publisher's title, overwritten, stays in the history.
    assert Initiative.history.filter(id=item.pk, title="The Publisher's title").exists()


def test_discarding_a_draft_leaves_the_live_item(editor_client, publisher_client, initiative):
    edit(editor_client, initiative, summary="Draft.")
    publisher_client.post(url(Initiative, "draft_action", initiative.pk, "discard"), CONFIRM)
    assert not Draft.objects.exists()
    assert live(initiative).summary == "Customs clearance."


def test_an_editor_cannot_publish_a_draft_by_a_hand_made_post(editor_client, initiative):
    edit(editor_client, initiative, summary="Draft.")
    response = editor_client.post(url(Initiative, "draft_action", initiative.pk, "publish"))
    assert response.status_code == 403
    assert live(initiative).summary == "Customs clearance."
    assert Draft.objects.exists()


# --- bulk actions and reverts ----------------------------------------------------------


def test_an_editors_retag_of_live_items_is_a_draft(editor_client, initiative):
    energy = TopicFactory(name="Energy")
    draft_item = InitiativeFactory(draft=True)

    response = editor_client.post(
        url(Initiative, "changelist"),
        {
            "action": "retag",
            "_selected_action": [initiative.pk, draft_item.pk],
            "index": "0",
            "apply": "1",
            "add_topics": [energy.pk],
        },
    )

    assert response.status_code == 302
    assert "saved as a draft for a Publisher" in messages_of(response)[-1]
    assert energy not in live(initiative).topics.all()
    assert energy in draft_item.topics.all()
    draft = Draft.objects.get()
    assert energy.pk in draft.data["m2m"]["topics"]


def test_an_editors_revert_of_a_live_item_is_a_draft(editor_client, publisher_client, initiative):
    assert_saved(edit(publisher_client, initiative, summary="Second text."))
    assert_saved(edit(publisher_client, initiative, summary="Third text."))
    second = Initiative.history.filter(id=initiative.pk, summary="Second text.").get()

    response = editor_client.post(
        url(Initiative, "revert", initiative.pk, second.history_id), CONFIRM
    )

    assert "waits for a Publisher; the live page is unchanged" in messages_of(response)[-1]
    assert live(initiative).summary == "Third text."
    assert Draft.objects.get().data["fields"]["summary"] == "Second text."
    publisher_client.post(url(Initiative, "draft_action", initiative.pk, "publish"))
    assert live(initiative).summary == "Second text."


def test_an_editor_cannot_change_a_live_initiatives_milestones_on_their_own(
    editor_client, initiative
):
    milestone = initiative.milestones.get(title="Pilot")
    change = reverse("admin:initiatives_milestone_change", args=[milestone.pk])

    page = editor_client.get(change)
    assert page.status_code == 200 and not page.context["has_change_permission"]
    editor_client.post(
        change, {"initiative": initiative.pk, "title": "Hijacked", "planned": "2020-06-30"}
    )
    editor_client.post(
        reverse("admin:initiatives_milestone_changelist"),
        {"action": "delete_selected", "_selected_action": [milestone.pk], "post": "yes"},
    )
    added = editor_client.post(
        reverse("admin:initiatives_milestone_add"),
        {"initiative": initiative.pk, "title": "Sneaked in", "planned": "2030-01-01", "order": 0},
    )

    assert added.status_code == 200
    errors = added.context["adminform"].form.errors["initiative"]
    assert "change its milestones in the initiative's own form" in errors[0]
    assert [m.title for m in live(initiative).milestones.all()] == ["Pilot", "Go live"]


def test_an_editor_still_changes_a_draft_initiatives_milestones(editor_client):
    milestone = MilestoneFactory(initiative=InitiativeFactory(draft=True), title="Pilot")
    response = editor_client.post(
        reverse("admin:initiatives_milestone_change", args=[milestone.pk]),
        {
            "initiative": milestone.initiative_id,
            "title": "Renamed",
            "planned": "2024-06-30",
            "order": 0,
        },
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.title == "Renamed"


def test_a_draft_that_no_longer_fits_is_explained_not_an_error(
    editor_client, publisher_client, initiative
):
    edit(editor_client, initiative, slug="new-address")
    InitiativeFactory(slug="new-address")  # taken since

    page = editor_client.get(url(Initiative, "change", initiative.pk))
    assert page.status_code == 200
    assert "cannot be shown in the form" in " ".join(messages_of(page))
    preview = publisher_client.get(url(Initiative, "draft_preview", initiative.pk))
    assert preview.status_code == 302
    refused = publisher_client.post(url(Initiative, "draft_action", initiative.pk, "publish"))
    assert "Not published, nothing was changed" in messages_of(refused)[-1]
    assert live(initiative).slug != "new-address"


@pytest.mark.parametrize("model", FACTORIES)
def test_every_content_type_previews_and_publishes_a_draft(editor_client, publisher_client, model):
    factory, field = FACTORIES[model]
    obj = factory()
    edit(editor_client, obj, **{field: "Changed by an Editor"})

    preview = publisher_client.get(url(model, "draft_preview", obj.pk))
    assert preview.status_code == 200
    assert "Preview of a draft" in preview.content.decode()
    publisher_client.post(url(model, "draft_action", obj.pk, "publish"))

    assert getattr(live(obj), field) == "Changed by an Editor"
    assert not Draft.objects.exists()


def test_two_editors_on_one_draft_cannot_overwrite_each_other_unseen(
    editor_client, initiative, client
):
    """Both change the summary: the second is asked which to keep (a merge's clash,
    tests/publishing/test_merge.py), with both values side by side."""
    from tests.factories import RoleUserFactory

    other = RoleUserFactory(username="other-editor", role="Editor")
    client.force_login(other)
    edit(editor_client, initiative, summary="First draft.")
    first_page = editor_client.get(url(Initiative, "change", initiative.pk))
    assert edit(client, initiative, summary="The other Editor's draft.").status_code == 302

    asked = editor_client.post(
        url(Initiative, "change", initiative.pk), form_data(first_page, summary="Mine.")
    )

    assert asked.status_code == 200
    assert "changed a field you changed too" in asked.content.decode()
    [clash] = asked.context["adminform"].form.clashes
    assert clash["theirs"] == "The other Editor's draft."
    assert Draft.objects.get().data["fields"]["summary"] == "The other Editor's draft."
    # Choosing one's own text is deliberate; theirs stays in the draft's saves.
    again = form_data(asked, **{clash["input"]: "mine"})
    again = editor_client.post(url(Initiative, "change", initiative.pk), again)
    assert again.status_code == 302
    assert Draft.objects.get().data["fields"]["summary"] == "Mine."


def test_a_superusers_list_of_every_draft(editor_client, staff_client, initiative):
    edit(editor_client, initiative, summary="Draft.")
    page = staff_client.get(reverse("admin:asean_portal_draft_changelist"))
    assert page.status_code == 200
    assert url(Initiative, "draft", initiative.pk) in page.content.decode()
