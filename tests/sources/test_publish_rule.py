"""An initiative is not published without a source: the admin refuses (in the form and in
the bulk action) and says why; ``PUBLISH_REQUIRES_SOURCE = False`` turns the rule off, and
the admin then warns instead."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from initiatives.models import Initiative
from publishing.content import State
from tests.admin_forms import admin_url, assert_saved, form_data
from tests.factories import InitiativeFactory, SourceFactory

pytestmark = pytest.mark.django_db

CITATIONS = "sources-citation-content_type-object_id"
REFUSAL = "“{}” cannot be published without a source: add at least one under “Sources”"


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_publishing_without_a_source_is_refused_with_the_reason(staff_client):
    item = InitiativeFactory(draft=True, title="Unsourced Plan", sources=[])
    change = admin_url(Initiative, "change", item.pk)

    response = staff_client.post(change, form_data(staff_client.get(change), state="published"))

    assert response.status_code == 200
    assert REFUSAL.format("Unsourced Plan") in response.content.decode()
    item.refresh_from_db()
    assert item.state == State.DRAFT
    # Saving it as a draft is fine.
    assert_saved(staff_client.post(change, form_data(staff_client.get(change), title="Draft")))


def test_adding_a_source_in_the_same_form_lets_it_be_published(staff_client):
    item = InitiativeFactory(draft=True, sources=[])
    source = SourceFactory(title="ASEAN Outlook on the Indo-Pacific")
    change = admin_url(Initiative, "change", item.pk)
    data = form_data(
        staff_client.get(change),
        state="published",
        **{
            f"{CITATIONS}-TOTAL_FORMS": "1",
            f"{CITATIONS}-0-source": source.pk,
            f"{CITATIONS}-0-supports": "Adopted in June 2019",
            f"{CITATIONS}-0-order": "0",
        },
    )
    assert_saved(staff_client.post(change, data))
    item.refresh_from_db()
    assert item.state == State.PUBLISHED


def test_removing_the_last_source_of_a_live_item_is_refused(staff_client):
    item = InitiativeFactory(title="Live Plan")
    change = admin_url(Initiative, "change", item.pk)
    data = form_data(staff_client.get(change), **{f"{CITATIONS}-0-DELETE": "on"})
    response = staff_client.post(change, data)
    assert response.status_code == 200
    assert REFUSAL.format("Live Plan") in response.content.decode()


def test_the_bulk_publish_action_refuses_unsourced_items_and_says_why(staff_client):
    unsourced = InitiativeFactory(draft=True, title="Unsourced Plan", sources=[])
    sourced = InitiativeFactory(draft=True, title="Sourced Plan")
    response = staff_client.post(
        reverse("admin:initiatives_initiative_changelist"),
        {"action": "publish", "_selected_action": [unsourced.pk, sourced.pk]},
        follow=True,
    )
    said = messages_of(response)
    assert any(REFUSAL.format("Unsourced Plan") in m for m in said), said
    assert "1 initiative published." in said
    states = dict(Initiative.objects.values_list("title", "state"))
    assert states == {"Unsourced Plan": State.DRAFT, "Sourced Plan": State.PUBLISHED}


def test_with_the_setting_off_it_is_published_with_a_warning(staff_client, settings):
    settings.PUBLISH_REQUIRES_SOURCE = False
    item = InitiativeFactory(draft=True, title="Unsourced Plan", sources=[])
    change = admin_url(Initiative, "change", item.pk)

    response = staff_client.post(
        change, form_data(staff_client.get(change), state="published"), follow=True
    )

    item.refresh_from_db()
    assert item.state == State.PUBLISHED
    assert "It cites no source: add one under “Sources” before publishing it." in messages_of(
        response
    )
