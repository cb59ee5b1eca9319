"""What a save in the admin says: the workflow's words ("saved as a draft", "sent for
review", "published", "scheduled …") per the resulting state and role, never Django's
"changed successfully"; and the scheduled badge gives the date, the time and the zone."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from pages.models import SiteSection
from publishing.content import State
from tests.factories import SiteSectionFactory

pytestmark = pytest.mark.django_db

ADD = reverse("admin:asean_portal_sitesection_add")
SOURCES = "sources-citation-content_type-object_id"
CHANGELIST = reverse("admin:asean_portal_sitesection_changelist")


def change_url(section):
    return reverse("admin:asean_portal_sitesection_change", args=[section.pk])


def form_data(**fields):
    return {
        "kind": SiteSection.Kind.ROLE,
        "title": "Coordinating the Community",
        "slug": "coordinating",
        "order": "1",
        "body": "The Secretariat coordinates.",
        "state": State.DRAFT,
        "publish_at_0": "",
        "publish_at_1": "",
        "unpublish_at_0": "",
        "unpublish_at_1": "",
        # The "Sources" inline, left empty (a site section needs no source to be published).
        f"{SOURCES}-TOTAL_FORMS": "0",
        f"{SOURCES}-INITIAL_FORMS": "0",
        **fields,
    }


def said(response):
    assert response.status_code == 302, response.context["adminform"].form.errors
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def test_an_editor_adding_a_draft_is_told_it_is_a_draft(editor_client):
    message = said(editor_client.post(ADD, form_data()))
    assert "is saved as a draft" in message
    assert "successfully" not in message
    assert "Coordinating the Community" in message


def test_an_editor_sending_for_review_is_told_so(editor_client):
    section = SiteSectionFactory(state=State.DRAFT, slug="coordinating")
    message = said(editor_client.post(change_url(section), form_data(state=State.REVIEW)))
    assert "is saved and sent for review; a Publisher publishes it" in message
    assert "successfully" not in message


def test_a_publisher_publishing_is_told_it_is_published(publisher_client):
    message = said(publisher_client.post(ADD, form_data(state=State.PUBLISHED)))
    assert "is published" in message
    assert "successfully" not in message
    section = SiteSection.objects.get(slug="coordinating")
    message = said(
        publisher_client.post(
            change_url(section),
            form_data(state=State.ARCHIVED, base_version=section.version),
        )
    )
    assert "is archived" in message


def test_save_and_continue_keeps_django_s_hint(publisher_client):
    message = said(publisher_client.post(ADD, form_data(_continue="1")))
    assert "is saved as a draft. You may edit it again below." in message


def test_scheduling_says_date_time_and_zone_in_the_message_and_the_badge(
    any_hour, publisher_client
):
    when = timezone.localtime() + datetime.timedelta(days=3)
    when = when.replace(hour=14, minute=5, second=0, microsecond=0)
    data = form_data(
        state=State.PUBLISHED,
        publish_at_0=when.date().isoformat(),
        publish_at_1="14:05",
    )
    message = said(publisher_client.post(ADD, data))
    shown = f"{when.day} {when:%b %Y}, 14:05 Jakarta time"
    assert f"is scheduled: it will be published on {shown}" in message

    listed = publisher_client.get(CHANGELIST).content.decode()
    assert f"Scheduled {shown}" in listed
    section = SiteSection.objects.get(slug="coordinating")
    form = publisher_client.get(change_url(section)).content.decode()
    assert f"Scheduled {shown}" in form
