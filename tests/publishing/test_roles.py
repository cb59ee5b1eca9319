"""Roles: what an Editor, a Publisher and a Site administrator may do, by every route.

An Editor cannot publish through the change form, a bulk action, an import, a revert, a
restore or a hand-made POST; a Publisher can.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from divisions.models import Division
from faqs.models import FAQ
from initiatives.models import Initiative, Topic
from pages.models import SiteSection
from publishing.content import ContentModel, State, publish_permission
from publishing.models import Draft
from publishing.roles import (
    EDITOR,
    PUBLISHER,
    ROLE_PERMISSIONS,
    SITE_ADMINISTRATOR,
)
from tests.admin_forms import assert_saved, form_data
from tests.factories import (
    DivisionFactory,
    FAQFactory,
    InitiativeFactory,
    SiteSectionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

FACTORIES = {
    SiteSection: SiteSectionFactory,
    Division: DivisionFactory,
    Topic: TopicFactory,
    Initiative: InitiativeFactory,
    FAQ: FAQFactory,
}


def url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def run_action(client, model, action, objects):
    return client.post(
        url(model, "changelist"),
        {"action": action, "_selected_action": [o.pk for o in objects], "index": "0"},
    )


def states(objects):
    return [type(o).objects.get(pk=o.pk).state for o in objects]


# --- the groups --------------------------------------------------------------------------


def test_the_data_migration_made_the_three_roles_with_exact_permissions():
    for name, wanted in ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        have = {(p.content_type.app_label, p.codename) for p in group.permissions.all()}
        assert have == set(wanted), name


def test_every_content_model_has_a_publish_permission_that_only_publishers_hold():
    for model in FACTORIES:
        assert issubclass(model, ContentModel)
        app_label, codename = publish_permission(model).split(".")
        assert (app_label, codename) not in ROLE_PERMISSIONS[EDITOR]
        assert (app_label, codename) in ROLE_PERMISSIONS[PUBLISHER]
        assert (app_label, codename) in ROLE_PERMISSIONS[SITE_ADMINISTRATOR]


def test_sync_roles_restores_exact_permissions():
    editor = Group.objects.get(name=EDITOR)
    editor.permissions.clear()
    call_command("sync_roles", verbosity=0)
    assert editor.permissions.count() == len(ROLE_PERMISSIONS[EDITOR])


# --- an Editor cannot publish, by any route ----------------------------------------------


def test_editor_change_form_offers_only_draft_and_review(editor_client):
    section = SiteSectionFactory(draft=True)
    response = editor_client.get(url(SiteSection, "change", section.pk))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert [value for value, _ in form.fields["state"].choices] == ["draft", "review"]
    assert "publish_at" not in form.fields  # shown read-only
    assert "unpublish_at" not in form.fields


def test_editor_cannot_publish_with_the_change_form(editor_client):
    section = SiteSectionFactory(draft=True)
    change = url(SiteSection, "change", section.pk)
    data = form_data(editor_client.get(change), state=State.PUBLISHED)

    response = editor_client.post(change, data)

    assert response.status_code == 200
    assert "only a Publisher publishes" in str(response.context["adminform"].form.errors)
    section.refresh_from_db()
    assert section.state == State.DRAFT


def test_editor_cannot_add_an_item_already_published(editor_client):
    data = form_data(editor_client.get(url(SiteSection, "add")))
    data.update(kind="role", title="Sneaky", slug="sneaky", body="Text.", state=State.PUBLISHED)
    response = editor_client.post(url(SiteSection, "add"), data)
    assert response.status_code == 200
    assert not SiteSection.objects.filter(slug="sneaky").exists()


def test_editor_hand_made_post_cannot_schedule_or_unpublish(editor_client):
    section = SiteSectionFactory()  # published
    change = url(SiteSection, "change", section.pk)
    data = form_data(editor_client.get(change), title="Fixed a typo")
    # Fields the form does not offer are ignored, whatever the POST says.
    data.update(
        state=State.DRAFT,
        unpublish_at_0="2020-01-01",
        unpublish_at_1="10:00:00",
        publish_at_0="2999-01-01",
        publish_at_1="10:00:00",
    )

    assert_saved(editor_client.post(change, data))

    section.refresh_from_db()
    assert section.title != "Fixed a typo"  # live content waits for a Publisher...
    assert section.state == State.PUBLISHED  # ...and stays live, unscheduled
    assert section.publish_at is None
    assert section.unpublish_at is None
    draft = Draft.objects.get()  # the correction is a draft, without the rest
    assert draft.data["fields"]["title"] == "Fixed a typo"
    assert draft.data["fields"]["state"] == State.PUBLISHED
    assert draft.data["fields"]["publish_at"] is None
    assert draft.data["fields"]["unpublish_at"] is None


def test_editor_cannot_take_back_an_archived_item(editor_client):
    section = SiteSectionFactory(state=State.ARCHIVED)
    change = url(SiteSection, "change", section.pk)
    response = editor_client.get(change)
    assert "state" not in response.context["adminform"].form.fields
    assert_saved(editor_client.post(change, form_data(response, state=State.DRAFT)))
    section.refresh_from_db()
    assert section.state == State.ARCHIVED


@pytest.mark.parametrize("model", list(FACTORIES))
@pytest.mark.parametrize("action", ["publish", "unpublish", "archive"])
def test_editor_cannot_use_the_publishing_actions(editor_client, model, action):
    items = [FACTORIES[model](draft=True), FACTORIES[model]()]
    before = states(items)

    # Not offered on the list...
    changelist = editor_client.get(url(model, "changelist"))
    offered = [name for name, _ in changelist.context["action_form"].fields["action"].choices]
    assert action not in offered
    assert "submit_for_review" in offered
    # ...and refused when posted by hand.
    response = run_action(editor_client, model, action, items)

    # Not one of the Editor's actions: the admin answers "No action selected" and changes nothing.
    assert response.status_code == 302
    assert response["Location"] == url(model, "changelist")
    assert "No action selected." in [str(m) for m in get_messages(response.wsgi_request)]
    assert states(items) == before


def test_editor_may_send_drafts_for_review(editor_client, editor):
    drafts = SiteSectionFactory.create_batch(2, draft=True)
    live = SiteSectionFactory()
    response = run_action(editor_client, SiteSection, "submit_for_review", [*drafts, live])
    assert response.status_code == 302
    assert states(drafts) == [State.REVIEW, State.REVIEW]
    assert states([live]) == [State.PUBLISHED]


def test_editor_may_create_a_draft_and_send_it_for_review_in_the_form(editor_client, editor):
    data = form_data(editor_client.get(url(SiteSection, "add")))
    data.update(kind="role", title="Our role", slug="our-role", body="Text.", state=State.REVIEW)
    assert_saved(editor_client.post(url(SiteSection, "add"), data))
    section = SiteSection.objects.get(slug="our-role")
    assert (section.state, section.created_by) == (State.REVIEW, editor)


def test_editor_cannot_delete(editor_client):
    section = SiteSectionFactory(draft=True)
    response = editor_client.post(url(SiteSection, "delete", section.pk), {"post": "yes"})
    assert response.status_code == 403
    assert SiteSection.objects.filter(pk=section.pk).exists()


def test_editor_cannot_manage_staff_accounts(editor_client):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403


# --- a Publisher can ------------------------------------------------------------------


def test_publisher_publishes_and_schedules_with_the_change_form(publisher_client):
    section = SiteSectionFactory(state=State.REVIEW)
    change = url(SiteSection, "change", section.pk)
    data = form_data(
        publisher_client.get(change),
        state=State.PUBLISHED,
        publish_at_0="2999-01-01",
        publish_at_1="09:00:00",
    )
    assert_saved(publisher_client.post(change, data))
    section.refresh_from_db()
    assert section.state == State.PUBLISHED
    assert section.publish_at.year == 2999
    assert not section.is_public  # scheduled


@pytest.mark.parametrize("model", list(FACTORIES))
def test_publisher_uses_the_publishing_actions(publisher_client, publisher, model):
    item = FACTORIES[model](state=State.REVIEW)
    for action, expected in [
        ("publish", State.PUBLISHED),
        ("unpublish", State.DRAFT),
        ("archive", State.ARCHIVED),
    ]:
        assert run_action(publisher_client, model, action, [item]).status_code == 302
        item.refresh_from_db()
        assert (item.state, item.updated_by) == (expected, publisher)


def test_publisher_cannot_delete_but_a_site_administrator_can(publisher_client, site_admin_client):
    section = SiteSectionFactory()
    delete = url(SiteSection, "delete", section.pk)
    assert publisher_client.post(delete, {"post": "yes"}).status_code == 403
    assert site_admin_client.post(delete, {"post": "yes"}).status_code == 302
    assert not SiteSection.objects.filter(pk=section.pk).exists()


def test_site_administrator_manages_staff_accounts(site_admin_client):
    assert site_admin_client.get(reverse("admin:auth_user_changelist")).status_code == 200


def test_publishing_state_is_read_at_request_time(client):
    """Scheduling needs no worker: the same row is hidden, then public, then gone."""
    now = timezone.now()
    initiative = InitiativeFactory(
        publish_at=now + datetime.timedelta(hours=1),
        unpublish_at=now + datetime.timedelta(hours=2),
    )
    assert not Initiative.objects.published().filter(pk=initiative.pk).exists()
    Initiative.objects.filter(pk=initiative.pk).update(publish_at=now - datetime.timedelta(hours=1))
    assert client.get(initiative.get_absolute_url()).status_code == 200
    Initiative.objects.filter(pk=initiative.pk).update(
        unpublish_at=now - datetime.timedelta(minutes=1)
    )
    assert client.get(initiative.get_absolute_url()).status_code == 404


# --- search's glossary and the queries that found nothing --------------------------------


def test_a_publisher_keeps_the_glossary_and_reads_the_missed_queries(publisher_client):
    from search.models import GlossaryEntry, MissedQuery

    missed = MissedQuery.objects.create(text="visa for students", day=timezone.localdate())
    home = publisher_client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:asean_portal_glossaryentry_changelist") in home
    assert reverse("admin:asean_portal_missedquery_changelist") in home

    listed = publisher_client.get(reverse("admin:asean_portal_missedquery_changelist"))
    assert listed.status_code == 200
    assert "visa for students" in listed.content.decode()
    added = publisher_client.post(
        reverse("admin:asean_portal_glossaryentry_add"),
        {"acronym": "ZQX", "expansion": "Zone of Quiet Exchange", "note": ""},
    )
    assert added.status_code == 302
    entry = GlossaryEntry.objects.get(acronym="ZQX")
    changed = publisher_client.post(
        reverse("admin:asean_portal_glossaryentry_change", args=[entry.pk]),
        {"acronym": "ZQX", "expansion": "Zone of Quiet Exchanges", "note": ""},
    )
    assert changed.status_code == 302
    assert GlossaryEntry.objects.get(pk=entry.pk).expansion == "Zone of Quiet Exchanges"
    deleted = publisher_client.post(
        reverse("admin:asean_portal_missedquery_delete", args=[missed.pk]), {"post": "yes"}
    )
    assert deleted.status_code == 302
    assert not MissedQuery.objects.filter(pk=missed.pk).exists()


def test_an_editor_does_not_keep_the_glossary(editor_client):
    for name in ("glossaryentry_changelist", "glossaryentry_add", "missedquery_changelist"):
        assert editor_client.get(reverse(f"admin:asean_portal_{name}")).status_code == 403
