"""Comments: "Request changes" sends an item (or its draft) back to its author with a
comment; internal notes; both on the review page and in the history. The optional second
person rule: a Publisher cannot publish what they wrote."""

import pytest

from faqs.models import FAQ
from notifications.models import Kind, Notification
from publishing.content import State
from publishing.models import Draft, WorkflowNote
from tests.admin_forms import admin_url as url
from tests.admin_forms import assert_saved, edit
from tests.factories import FAQFactory

pytestmark = pytest.mark.django_db


def test_request_changes_sends_a_draft_back_to_its_author(editor, editor_client, publisher_client):
    live = FAQFactory(question="Who leads?")
    edit(editor_client, live, answer="New.", _send_for_review="1")
    assert Draft.objects.get().submitted_at is not None
    review = publisher_client.get(url(FAQ, "draft", live.pk)).content.decode()
    assert url(FAQ, "request_changes", live.pk) in review
    # The page of its own (no JavaScript) asks for the comment.
    page = publisher_client.get(url(FAQ, "request_changes", live.pk))
    assert page.status_code == 200 and 'name="comment"' in page.content.decode()
    empty = publisher_client.post(url(FAQ, "request_changes", live.pk), {"comment": " "})
    assert empty.status_code == 200 and Draft.objects.get().submitted_at is not None
    done = publisher_client.post(
        url(FAQ, "request_changes", live.pk), {"comment": "Cite the Charter, please."}
    )
    assert done.status_code == 302
    assert Draft.objects.get().submitted_at is None
    note = WorkflowNote.objects.get()
    assert note.kind == WorkflowNote.CHANGES_REQUESTED and note.about == editor
    told = Notification.objects.get(recipient=editor, kind=Kind.CHANGES_REQUESTED)
    assert "Cite the Charter" in told.body
    for page in (url(FAQ, "draft", live.pk), url(FAQ, "history", live.pk)):
        assert "Cite the Charter, please." in publisher_client.get(page).content.decode()


def test_request_changes_on_a_new_item_in_review_puts_it_back_to_draft(
    editor, editor_client, publisher_client
):
    faq = FAQFactory(state=State.DRAFT)
    edit(editor_client, faq, state=State.REVIEW)
    publisher_client.post(url(FAQ, "request_changes", faq.pk), {"comment": "Shorter."})
    faq.refresh_from_db()
    assert faq.state == State.DRAFT
    reasons = list(FAQ.history.filter(id=faq.pk).values_list("history_change_reason", flat=True))
    assert "Changes requested: Shorter." in reasons
    assert Notification.objects.filter(recipient=editor, kind=Kind.CHANGES_REQUESTED).exists()
    assert "Shorter." in editor_client.get(url(FAQ, "change", faq.pk)).content.decode()


def test_an_editor_may_not_request_changes(editor_client):
    faq = FAQFactory(state=State.REVIEW)
    response = editor_client.post(url(FAQ, "request_changes", faq.pk), {"comment": "No."})
    assert response.status_code == 403
    assert FAQ.objects.get(pk=faq.pk).state == State.REVIEW


def test_internal_notes_on_any_item(editor_client, publisher_client):
    faq = FAQFactory()
    change = url(FAQ, "change", faq.pk)
    done = editor_client.post(
        url(FAQ, "add_note", faq.pk), {"text": "Checked with the division.", "next": change}
    )
    assert done.status_code == 302 and done["Location"] == change
    assert "Checked with the division." in publisher_client.get(change).content.decode()
    assert (
        "Checked with the division."
        in publisher_client.get(url(FAQ, "history", faq.pk)).content.decode()
    )
    # Somewhere else is not followed.
    away = editor_client.post(
        url(FAQ, "add_note", faq.pk), {"text": "x", "next": "https://elsewhere.example/"}
    )
    assert away["Location"] == change


# --- a second person publishes ---------------------------------------------------------


@pytest.mark.parametrize("required", [False, True])
def test_a_publisher_publishing_their_own_draft(settings, required, publisher_client):
    settings.PUBLISH_REQUIRES_SECOND_PERSON = required
    live = FAQFactory(question="Mine?")
    edit(publisher_client, live, state=State.DRAFT, answer="I wrote this.")
    response = edit(publisher_client, live, state=State.PUBLISHED)
    published = FAQ.objects.get(pk=live.pk).state == State.PUBLISHED
    assert published is not required
    if required:
        assert response.status_code == 200
        assert "A second person publishes" in response.content.decode()


@pytest.mark.parametrize("required", [False, True])
def test_a_publisher_publishing_someone_elses_work(
    settings, required, editor_client, publisher_client
):
    settings.PUBLISH_REQUIRES_SECOND_PERSON = required
    faq = FAQFactory(state=State.DRAFT)
    edit(editor_client, faq, state=State.REVIEW)
    assert_saved(edit(publisher_client, faq, state=State.PUBLISHED))


@pytest.mark.parametrize("required", [False, True])
def test_publishing_a_draft_of_a_live_item_one_wrote(settings, required, publisher_client):
    """A Publisher's own draft of a live item (they saved it as a draft by reverting
    through an Editor's route is not possible, so the draft is made directly)."""
    settings.PUBLISH_REQUIRES_SECOND_PERSON = required
    from publishing import drafts

    live = FAQFactory()
    publisher = publisher_client.get("/admin/").wsgi_request.user
    drafts.save_as_draft(live, publisher, lambda o: setattr(o, "answer", "Mine."))
    publisher_client.post(url(FAQ, "draft_action", live.pk, "publish"))
    assert Draft.objects.exists() is required
