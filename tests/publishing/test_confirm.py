"""Discard and Revert ask first (a page that works without JavaScript), take an optional
reason, and leave a trace: a discarded draft stays in the item's history and its author is
told."""

import pytest

from faqs.models import FAQ
from notifications.models import Kind, Notification
from publishing.models import Draft, WorkflowNote
from tests.admin_forms import admin_url as url
from tests.admin_forms import assert_saved, edit
from tests.factories import FAQFactory

pytestmark = pytest.mark.django_db


def test_discard_asks_then_keeps_the_draft_in_the_history(editor, editor_client, publisher_client):
    live = FAQFactory(question="Who leads?", answer="Old.")
    edit(editor_client, live, answer="Unsourced claim.")
    discard = url(FAQ, "draft_action", live.pk, "discard")
    asked = publisher_client.post(discard)
    assert asked.status_code == 200
    html = asked.content.decode()
    assert "Yes, discard the draft" in html and "Unsourced claim." in html
    assert 'name="reason"' in html and Draft.objects.exists()
    done = publisher_client.post(discard, {"confirm": "1", "reason": "No source given."})
    assert done.status_code == 302 and not Draft.objects.exists()
    assert FAQ.objects.get(pk=live.pk).answer == "Old."
    note = WorkflowNote.objects.get(kind=WorkflowNote.DRAFT_DISCARDED)
    assert note.data["fields"]["answer"] == "Unsourced claim." and note.about == editor
    history = publisher_client.get(url(FAQ, "history", live.pk)).content.decode()
    assert "Draft discarded" in history and "No source given." in history
    assert "The discarded draft changed: answer." in history
    told = Notification.objects.get(recipient=editor, kind=Kind.DISCARDED)
    assert "No source given." in told.body


def test_revert_asks_with_what_changes_and_keeps_the_reason(publisher_client):
    faq = FAQFactory(answer="First.")
    assert_saved(edit(publisher_client, faq, answer="Second."))
    first = FAQ.history.filter(id=faq.pk).order_by("history_date").first()
    revert = url(FAQ, "revert", faq.pk, first.history_id)
    asked = publisher_client.post(revert)
    assert asked.status_code == 200 and "Yes, revert" in asked.content.decode()
    assert "What the revert changes" in asked.content.decode()
    assert FAQ.objects.get(pk=faq.pk).answer == "Second."
    publisher_client.post(revert, {"confirm": "1", "reason": "Second was wrong."})
    assert FAQ.objects.get(pk=faq.pk).answer == "First."
    latest = FAQ.history.filter(id=faq.pk).first()
    assert latest.history_change_reason.endswith(": Second was wrong.")
    page = publisher_client.get(url(FAQ, "history", faq.pk)).content.decode()
    assert "Second was wrong." in page


def test_an_editors_revert_of_a_live_item_asks_too(editor_client, publisher_client):
    faq = FAQFactory(answer="First.")
    assert_saved(edit(publisher_client, faq, answer="Second."))
    first = FAQ.history.filter(id=faq.pk).order_by("history_date").first()
    revert = url(FAQ, "revert", faq.pk, first.history_id)
    assert editor_client.post(revert).status_code == 200
    assert not Draft.objects.exists()
    editor_client.post(revert, {"confirm": "1"})
    assert Draft.objects.get().data["fields"]["answer"] == "First."
