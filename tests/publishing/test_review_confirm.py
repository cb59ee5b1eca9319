"""Review-by that works: anyone who may edit an item confirms it is still accurate, which
sets its next review date at once — no draft, no new publication — recorded in its history;
the review report shows what is due soon."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from faqs.models import FAQ
from publishing.models import Draft, PublicChange
from tests.admin_forms import admin_url as url
from tests.admin_forms import edit
from tests.factories import DivisionFactory, FAQFactory

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def test_an_editor_confirms_a_live_item_without_a_draft(any_hour, editor_client):
    today = timezone.localdate()
    faq = FAQFactory(review_by=today - 3 * DAY)
    changes = PublicChange.objects.count()
    change = url(FAQ, "change", faq.pk)
    page = editor_client.get(change).content.decode()
    assert "overdue by 3 days" in page and "Confirm it is still accurate" in page
    done = editor_client.post(
        url(FAQ, "confirm_review", faq.pk), {"review_by": (today + 365 * DAY).isoformat()}
    )
    assert done.status_code == 302
    faq.refresh_from_db()
    assert faq.review_by == today + 365 * DAY and faq.state == "published"
    assert not Draft.objects.exists() and PublicChange.objects.count() == changes
    latest = FAQ.history.filter(id=faq.pk).first()
    assert latest.history_change_reason.startswith("Confirmed still accurate")
    assert latest.history_user.username == "an-editor"
    assert (
        "Confirmed still accurate"
        in editor_client.get(url(FAQ, "history", faq.pk)).content.decode()
    )


def test_a_date_in_the_past_is_refused_with_a_clear_message(any_hour, editor_client):
    faq = FAQFactory(review_by=timezone.localdate() - DAY)
    page = editor_client.post(url(FAQ, "confirm_review", faq.pk), {"review_by": "2001-01-01"})
    assert page.status_code == 200 and "Choose a date after today." in page.content.decode()
    bad = editor_client.post(url(FAQ, "confirm_review", faq.pk), {"review_by": "31/12/2030"})
    assert "YYYY-MM-DD" in bad.content.decode()
    assert FAQ.objects.get(pk=faq.pk).review_by == timezone.localdate() - DAY


def test_a_pending_draft_keeps_the_confirmed_date_and_is_not_made_stale(
    editor_client, publisher_client
):
    today = timezone.localdate()
    faq = FAQFactory(review_by=today - DAY)
    edit(editor_client, faq, answer="Draft answer.")
    editor_client.post(url(FAQ, "confirm_review", faq.pk), {"review_by": "2099-01-01"})
    pending = Draft.objects.get()
    assert pending.base_version == FAQ.objects.get(pk=faq.pk).version
    publisher_client.post(url(FAQ, "draft_action", faq.pk, "publish"))
    faq.refresh_from_db()
    assert (faq.answer, faq.review_by) == ("Draft answer.", datetime.date(2099, 1, 1))


def test_someone_who_may_not_change_it_may_not_confirm(member_client):
    faq = FAQFactory()
    response = member_client.post(url(FAQ, "confirm_review", faq.pk), {"review_by": "2099-01-01"})
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_report_shows_due_soon(any_hour, staff_client):
    today = timezone.localdate()
    division = DivisionFactory(name="Trade Division", review_by=today + 200 * DAY)
    FAQFactory(division=division, review_by=today + 10 * DAY)
    FAQFactory(division=division, review_by=today - 10 * DAY)
    page = staff_client.get(reverse("admin:review_due")).content.decode()
    assert "1 overdue, 1 due soon" in page
    assert "?review=soon&amp;division__exact=" in page
