"""Notifications: who is told of each workflow step, by e-mail and in the admin; each kind
can be switched off; the daily review reminders are sent once."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from caching import after_commit
from faqs.models import FAQ
from initiatives.models import Initiative
from notifications.models import Kind, Notification, Preferences, ReviewReminder
from notifications.reminders import send_review_reminders
from publishing.content import State
from publishing.models import Draft
from tests.admin_forms import admin_url as url
from tests.admin_forms import assert_saved, edit
from tests.factories import DivisionFactory, FAQFactory, InitiativeFactory, RoleUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(editor, publisher):
    editor.email, publisher.email = "editor@example.org", "publisher@example.org"
    editor.save()
    publisher.save()
    return editor, publisher


def told(user, kind=None):
    rows = Notification.objects.filter(recipient=user)
    return list(rows.filter(kind=kind) if kind else rows)


def test_an_editor_sending_a_new_item_for_review_tells_the_publishers(
    people, editor_client, publisher
):
    faq = FAQFactory(question="Who leads the Secretariat?", state=State.DRAFT)
    assert_saved(edit(editor_client, faq, state=State.REVIEW))
    [note] = told(publisher, Kind.SENT_FOR_REVIEW)
    assert (
        note.subject == "For review: FAQ: Who leads the Secretariat?" or "Who leads" in note.subject
    )
    assert note.url == url(FAQ, "change", faq.pk)
    [email] = mail.outbox
    assert email.to == ["publisher@example.org"] and "Who leads" in email.subject
    assert Notification.objects.get(pk=note.pk).emailed_at is not None


def test_a_draft_of_a_live_item_sent_for_review_tells_the_publishers(
    people, editor_client, publisher
):
    live = InitiativeFactory(title="ASEAN Single Window")
    edit(editor_client, live, summary="Paperless.", _send_for_review="1")
    [note] = told(publisher, Kind.SENT_FOR_REVIEW)
    assert "ASEAN Single Window" in note.subject and note.url == url(Initiative, "draft", live.pk)


def test_only_the_publishers_of_the_owning_division_when_they_named_it(
    people, editor_client, publisher
):
    other = RoleUserFactory(username="other-publisher", role="Publisher")
    division = DivisionFactory()
    Preferences.objects.create(user=other, division_id=division.pk)
    faq = FAQFactory(state=State.DRAFT, division=division)
    edit(editor_client, faq, state=State.REVIEW)
    assert told(other, Kind.SENT_FOR_REVIEW) and not told(publisher, Kind.SENT_FOR_REVIEW)
    # An item of a division no Publisher named: every Publisher.
    elsewhere = FAQFactory(state=State.DRAFT)
    edit(editor_client, elsewhere, state=State.REVIEW)
    assert len(told(publisher, Kind.SENT_FOR_REVIEW)) == 1


def test_publishing_and_discarding_a_draft_tell_its_author(
    people, editor, editor_client, publisher_client
):
    live = FAQFactory(question="Live?")
    edit(editor_client, live, answer="New answer.")
    publisher_client.post(url(FAQ, "draft_action", live.pk, "publish"))
    [published] = told(editor, Kind.PUBLISHED)
    assert "Live?" in published.subject
    edit(editor_client, live, answer="Another answer.")
    publisher_client.post(
        url(FAQ, "draft_action", live.pk, "discard"), {"reason": "Not sourced.", "confirm": "1"}
    )
    [discarded] = told(editor, Kind.DISCARDED)
    assert "Live?" in discarded.subject
    assert not Draft.objects.exists()


def test_publishing_an_item_sent_for_review_tells_whoever_sent_it(
    people, editor, editor_client, publisher_client
):
    faq = FAQFactory(state=State.DRAFT)
    edit(editor_client, faq, state=State.REVIEW)
    assert_saved(edit(publisher_client, faq, state=State.PUBLISHED))
    assert len(told(editor, Kind.PUBLISHED)) == 1


def test_nobody_is_told_of_their_own_work(people, publisher, publisher_client):
    faq = FAQFactory(state=State.DRAFT)
    edit(publisher_client, faq, state=State.REVIEW)
    assert told(publisher) == []


def test_a_kind_switched_off_is_neither_listed_nor_emailed(people, editor_client, publisher):
    Preferences.objects.create(user=publisher, switched_off=[Kind.SENT_FOR_REVIEW])
    edit(editor_client, FAQFactory(state=State.DRAFT), state=State.REVIEW)
    assert told(publisher) == [] and mail.outbox == []


def test_each_person_sets_their_own_preferences(people, publisher, publisher_client):
    page = publisher_client.get(reverse("admin:notifications_preferences_changelist"), follow=True)
    assert page.status_code == 200
    own = Preferences.objects.get(user=publisher)
    kept = [k for k in Kind.values if k != Kind.PUBLISHED]
    done = publisher_client.post(
        reverse("admin:notifications_preferences_change", args=[own.pk]), {"told_of": kept}
    )
    assert done.status_code == 302
    assert Preferences.objects.get(user=publisher).switched_off == [Kind.PUBLISHED]
    someone = Preferences.objects.create(user=RoleUserFactory(username="x", role="Editor"))
    other = reverse("admin:notifications_preferences_change", args=[someone.pk])
    assert publisher_client.get(other).status_code in (302, 403, 404)


def test_the_admin_lists_only_ones_own_notifications(people, editor, publisher, editor_client):
    Notification.objects.create(recipient=editor, kind=Kind.PUBLISHED, subject="Mine")
    Notification.objects.create(recipient=publisher, kind=Kind.PUBLISHED, subject="Theirs")
    page = editor_client.get(reverse("admin:notifications_notification_changelist"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Mine" in text and "Theirs" not in text
    assert "1 new" in editor_client.get("/admin/").content.decode()


# --- the daily reminders ---------------------------------------------------------------


def remind():
    """The command, and what its commit sets off (the e-mails: the test never commits)."""
    call_command("send_review_reminders", stdout=StringIO())
    after_commit.run_pending()


@pytest.fixture
def owner(db):
    return RoleUserFactory(username="owner", role="Editor", email="owner@example.org")


def test_review_reminders_go_to_the_divisions_owner_once(any_hour, owner):
    today = timezone.localdate()
    division = DivisionFactory(owner=owner, review_by=today + datetime.timedelta(days=90))
    FAQFactory(question="Due soon?", division=division, review_by=today + datetime.timedelta(5))
    FAQFactory(question="Overdue?", division=division, review_by=today - datetime.timedelta(2))
    FAQFactory(question="Later?", division=division, review_by=today + datetime.timedelta(60))
    FAQFactory(question="Nobody's?", review_by=today)  # its division names no owner
    remind()
    [note] = told(owner, Kind.REVIEW_DUE)
    assert "2 items" in note.subject
    assert "Due soon?" in note.body and "Overdue?" in note.body and "Later?" not in note.body
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["owner@example.org"]
    # Twice: nothing is sent twice.
    remind()
    assert len(told(owner, Kind.REVIEW_DUE)) == 1 and len(mail.outbox) == 1
    assert ReviewReminder.objects.count() == 2


def test_an_item_due_soon_is_reminded_again_once_overdue(owner):
    today = datetime.date(2026, 3, 1)
    division = DivisionFactory(owner=owner, review_by=today + datetime.timedelta(days=90))
    FAQFactory(division=division, review_by=today + datetime.timedelta(days=3))
    assert send_review_reminders(today) == 1
    assert send_review_reminders(today + datetime.timedelta(days=1)) == 0
    assert send_review_reminders(today + datetime.timedelta(days=4)) == 1
    assert len(told(owner, Kind.REVIEW_DUE)) == 2


def test_a_division_owner_is_staff_editable(site_admin_client, owner):
    division = DivisionFactory(name="Trade")
    page = site_admin_client.get(url(type(division), "change", division.pk))
    assert 'name="owner"' in page.content.decode()
    assert_saved(edit(site_admin_client, division, owner=str(owner.pk)))
    division.refresh_from_db()
    assert division.owner == owner
