"""Bulk work in the lists: state badges, and adding or removing topics on many rows."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from faqs.models import FAQ
from initiatives.models import Initiative
from publishing.content import State
from tests.factories import FAQFactory, InitiativeFactory, TopicFactory
from tests.responses import text_of

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:initiatives_initiative_changelist")


def retag(client, objects, **data):
    return client.post(
        CHANGELIST,
        {"action": "retag", "_selected_action": [o.pk for o in objects], "index": "0", **data},
    )


def test_the_list_shows_each_state_as_a_badge(staff_client):
    InitiativeFactory(title="Draft one", draft=True)
    InitiativeFactory(title="Live one")
    InitiativeFactory(title="Later", publish_at=timezone.now() + datetime.timedelta(days=3))
    InitiativeFactory(title="Gone", unpublish_at=timezone.now() - datetime.timedelta(days=1))
    content = staff_client.get(CHANGELIST).content.decode()
    assert '<span class="state-badge state-draft">Draft</span>' in content
    assert '<span class="state-badge state-published">Published</span>' in content
    assert '<span class="state-badge state-scheduled">Scheduled' in content
    assert '<span class="state-badge state-expired">Expired</span>' in content


def test_retag_asks_which_topics_then_changes_every_selected_row(editor_client, editor):
    trade, health, energy = TopicFactory(name="Trade"), TopicFactory(name="Health"), TopicFactory()
    # Drafts: an Editor's retag of a live item waits for a Publisher (see test_drafts).
    rows = [
        InitiativeFactory(topics=[trade], draft=True),
        InitiativeFactory(topics=[trade, energy], draft=True),
    ]
    untouched = InitiativeFactory(topics=[trade])

    page = retag(editor_client, rows)
    assert page.status_code == 200
    assert "2 initiatives selected" in page.content.decode()

    response = retag(
        editor_client, rows, apply="1", add_topics=[health.pk], remove_topics=[trade.pk]
    )

    assert response.status_code == 302
    assert set(rows[0].topics.all()) == {health}
    assert set(rows[1].topics.all()) == {health, energy}
    assert set(untouched.topics.all()) == {trade}
    revision = Initiative.history.filter(id=rows[0].pk).first()
    assert (revision.history_user, revision.history_change_reason) == (
        editor,
        "Topics changed (bulk action)",
    )
    assert {row.topic_id for row in revision.topics.all()} == {health.pk}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choose at least one topic to add or remove."),
        ("same", "A topic cannot be both added and removed"),
        ({"add_topics": ["not-a-topic"]}, "is not a valid value."),
    ],
)
def test_retag_explains_a_bad_choice_and_changes_nothing(staff_client, data, message):
    topic = TopicFactory()
    initiative = InitiativeFactory(topics=[topic])
    if data == "same":
        data = {"add_topics": [topic.pk], "remove_topics": [topic.pk]}
    response = retag(staff_client, [initiative], apply="1", **data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert list(initiative.topics.all()) == [topic]


def test_faqs_can_be_retagged_too(staff_client):
    topic = TopicFactory()
    faq = FAQFactory()
    staff_client.post(
        reverse("admin:faqs_faq_changelist"),
        {
            "action": "retag",
            "_selected_action": [faq.pk],
            "index": "0",
            "apply": "1",
            "add_topics": [topic.pk],
        },
    )
    assert list(FAQ.objects.get(pk=faq.pk).topics.all()) == [topic]


def test_models_without_topics_offer_no_retag(staff_client):
    response = staff_client.get(reverse("admin:divisions_division_changelist"))
    actions = [name for name, _ in response.context["action_form"].fields["action"].choices]
    assert "retag" not in actions
    assert "archive" in actions


def test_archive_action_takes_items_out_of_public_lists(staff_client, client):
    initiative = InitiativeFactory(title="Finished plan")
    staff_client.post(
        CHANGELIST, {"action": "archive", "_selected_action": [initiative.pk], "index": "0"}
    )
    initiative.refresh_from_db()
    assert initiative.state == State.ARCHIVED
    assert "Finished plan" not in text_of(client, "/initiatives/")
    assert client.get(initiative.get_absolute_url()).status_code == 200
