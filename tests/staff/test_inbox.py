"""The review inbox on the admin home, and the cross-type list of drafts of live items."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from faqs.models import FAQ
from initiatives.models import Initiative
from publishing.content import State
from publishing.registry import registry
from tests.admin_forms import admin_url as url
from tests.admin_forms import edit
from tests.factories import DivisionFactory, FAQFactory, InitiativeFactory


def plain(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


pytestmark = pytest.mark.django_db
HOME = "/admin/"


def section(page, key):
    """The text of one inbox section."""
    html = page.content.decode()
    start = html.index(f'id="inbox-{key}"')
    return html[start : html.index("</section>", start)]


def test_a_publisher_sees_new_items_and_drafts_sent_for_review_by_title(
    publisher_client, editor_client, editor
):
    faq = FAQFactory(question="Who leads the ASEAN Secretariat?", state=State.REVIEW)
    FAQ.objects.filter(pk=faq.pk).update(updated_by=editor)
    live = InitiativeFactory(title="ASEAN Single Window")
    edit(editor_client, live, summary="Paperless.", _send_for_review="1")
    page = publisher_client.get(HOME)
    waiting = section(page, "review")
    assert "Faq: Who leads the ASEAN Secretariat?" in waiting or "FAQ: Who leads" in waiting
    assert "Initiative: ASEAN Single Window" in waiting
    assert url(Initiative, "draft", live.pk) in waiting
    assert "unpublished changes" not in waiting


def test_an_editor_sees_their_drafts_and_what_they_sent_but_no_review_queue(editor_client, editor):
    mine = FAQFactory(question="A draft of mine?", state=State.DRAFT)
    sent = FAQFactory(question="Sent by me?", state=State.REVIEW)
    FAQ.objects.filter(pk__in=[mine.pk, sent.pk]).update(updated_by=editor)
    FAQFactory(question="Someone else's?", state=State.DRAFT)
    live = FAQFactory(question="Live one?")
    edit(editor_client, live, answer="Changed.")
    page = editor_client.get(HOME)
    assert 'id="inbox-review"' not in page.content.decode()
    own = section(page, "mine")
    assert "A draft of mine?" in own and "Draft" in own
    assert "Sent by me?" in own and "Sent for review" in own
    assert "Live one?" in own and "Draft of the live item" in own
    assert "Someone else" not in own


def test_scheduled_items_show_date_and_time_in_jakarta(any_hour, publisher_client):
    at = timezone.now() + datetime.timedelta(days=2)
    FAQFactory(question="Coming soon?", publish_at=at)
    scheduled = section(publisher_client.get(HOME), "scheduled")
    local = timezone.localtime(at)
    assert "Coming soon?" in scheduled
    assert local.strftime("%H:%M") in scheduled and "Jakarta time" in scheduled


def test_due_soon_and_overdue(any_hour, publisher_client):
    today = timezone.localdate()
    FAQFactory(question="Overdue?", review_by=today - datetime.timedelta(days=3))
    FAQFactory(question="Due soon?", review_by=today + datetime.timedelta(days=10))
    FAQFactory(question="Due today?", review_by=today)
    FAQFactory(question="Later?", review_by=today + datetime.timedelta(days=31))
    FAQFactory(
        question="Archived?", state=State.ARCHIVED, review_by=today - datetime.timedelta(days=9)
    )
    due = plain(section(publisher_client.get(HOME), "due"))
    assert "overdue by 3 days" in due
    assert "in 10 days" in due and "today" in due
    assert "Later?" not in due and "Archived?" not in due
    assert due.index("Overdue?") < due.index("Due today?") < due.index("Due soon?")


def test_recently_published(publisher_client):
    FAQFactory(question="Just out?")
    assert "Just out?" in section(publisher_client.get(HOME), "published")


def _home_queries(client):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(HOME).status_code == 200
    return len(ctx.captured_queries)


def test_the_inbox_costs_a_fixed_number_of_queries(publisher_client, editor_client, publisher):
    """Every section non-empty, with one row of each kind, then with many."""

    def rows(n):
        today = timezone.localdate()
        for _ in range(n):
            FAQFactory(state=State.REVIEW, updated_by=publisher)
            FAQFactory(state=State.DRAFT, updated_by=publisher)
            FAQFactory(publish_at=timezone.now() + datetime.timedelta(days=1))
            FAQFactory(review_by=today)
            InitiativeFactory(state=State.REVIEW, updated_by=publisher, review_by=today)
            DivisionFactory(review_by=today)
            edit(editor_client, InitiativeFactory(), summary="Changed.", _send_for_review="1")

    rows(1)
    _home_queries(publisher_client)  # the content types are cached
    one = _home_queries(publisher_client)
    rows(12)
    many = _home_queries(publisher_client)
    # 23 with the five types of today; each registered type adds at most 5 (its counts and
    # its non-empty sections), whatever its rows.
    assert one == many
    assert many <= 8 + 5 * len(registry.types())


# --- the cross-type list of drafts -----------------------------------------------------


DRAFTS = reverse("admin:asean_portal_draft_changelist")


@pytest.mark.parametrize("role_client", ["editor_client", "publisher_client"])
def test_editors_and_publishers_open_the_list_of_drafts(request, role_client, editor_client):
    live = FAQFactory(question="Who leads the Secretariat?")
    edit(editor_client, live, answer="Changed.")
    page = request.getfixturevalue(role_client).get(DRAFTS)
    assert page.status_code == 200
    text = plain(page.content.decode())
    assert "FAQ: Who leads the Secretariat?" in text or "Faq: Who leads" in text
    assert "unpublished changes" not in text and "#" + str(live.pk) not in text


def test_the_drafts_type_filter_lists_only_registered_content_types(publisher_client):
    page = publisher_client.get(DRAFTS)
    choices = [c["display"] for c in page.context["cl"].filter_specs[0].choices(page.context["cl"])]
    assert "Initiatives" in choices and "FAQs" in [c for c in choices if c] or "Faqs" in choices
    assert not any(str(c).lower() in {"permissions", "sessions", "log entries"} for c in choices)
