"""The index follows the content at once: publishing, unpublishing, editing, deleting,
linking, renaming, the admin's bulk actions, scheduled times, and a rebuild from scratch."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from faqs.models import FAQ
from initiatives.models import Initiative
from publishing.content import State
from search.backends import get_backend
from search.models import SearchDocument, SearchTerm
from tests.factories import (
    DivisionFactory,
    FAQFactory,
    InitiativeFactory,
    SourceFactory,
    TopicFactory,
)

from .search_helpers import search, titles

pytestmark = pytest.mark.django_db


def found(client, words):
    return titles(search(client, q=words))


def test_publishing_and_unpublishing_show_at_once(client):
    initiative = InitiativeFactory(title="Seamless Logistics", draft=True)
    assert found(client, "logistics") == []
    initiative.state = State.PUBLISHED
    initiative.save()
    assert found(client, "logistics") == ["Seamless Logistics"]
    initiative.state = State.ARCHIVED
    initiative.save()
    # Archived pages stay findable (people cite them), labelled, unless left out.
    assert found(client, "logistics") == ["Seamless Logistics"]
    initiative.state = State.DRAFT
    initiative.save()
    assert found(client, "logistics") == []


def test_editing_changes_what_is_found(client):
    faq = FAQFactory(question="Where is the headquarters?", answer="In Jakarta.")
    assert found(client, "jakarta") == ["Where is the headquarters?"]
    faq.answer = "In the capital of Indonesia."
    faq.save()
    assert found(client, "jakarta") == []
    assert found(client, "indonesia") == ["Where is the headquarters?"]


def test_deleting_removes_from_the_index(client):
    initiative = InitiativeFactory(title="Marine Debris Plan")
    initiative.delete()
    assert found(client, "debris") == []
    assert not SearchDocument.objects.filter(kind="initiative").exists()


def test_renaming_a_division_or_topic_shows_everywhere_at_once(client):
    division = DivisionFactory(name="Old Directorate")
    topic = TopicFactory(name="Fisheries")
    InitiativeFactory(title="Sustainable Catch", lead_division=division, topics=[topic])
    FAQFactory(question="Who manages stocks?", division=division, topics=[topic])
    assert set(found(client, "fisheries")) == {
        "Fisheries",
        "Sustainable Catch",
        "Who manages stocks?",
    }

    division.name = "Renamed Directorate"
    division.save()
    topic.name = "Aquaculture"
    topic.save()

    assert found(client, "fisheries") == []
    assert set(found(client, "aquaculture")) == {
        "Aquaculture",
        "Sustainable Catch",
        "Who manages stocks?",
    }
    response = search(client, q="sustainable")
    hit = response.context["hits"][0]
    assert [d.name for d in hit.divisions] == ["Renamed Directorate"]
    assert [t.name for t in hit.topics] == ["Aquaculture"]


def test_unpublishing_a_topic_takes_its_name_and_facet_off_its_content(client):
    topic = TopicFactory(name="Peatland")
    InitiativeFactory(title="Haze Roadmap", topics=[topic])
    topic.state = State.DRAFT
    topic.save()
    assert found(client, "peatland") == []
    hit = search(client, q="haze").context["hits"][0]
    assert hit.topics == []


def test_linking_and_unlinking_topics_and_divisions_updates_the_index(client):
    topic = TopicFactory(name="Tourism", slug="tourism")
    partner = DivisionFactory(name="Partner Office", slug="partner")
    initiative = InitiativeFactory(title="Visit Plan")
    initiative.topics.add(topic)
    initiative.supporting_divisions.add(partner)
    assert "Visit Plan" in titles(search(client, topic="tourism"))
    assert "Visit Plan" in titles(search(client, division="partner"))
    initiative.topics.remove(topic)
    initiative.supporting_divisions.clear()
    assert "Visit Plan" not in titles(search(client, topic="tourism"))
    assert "Visit Plan" not in titles(search(client, division="partner"))


def test_deleting_a_division_or_topic_refreshes_what_named_it(client):
    topic = TopicFactory(name="Volcanoes")
    owner = DivisionFactory(name="Temporary Unit")
    FAQFactory(question="Is there a warning system?", division=owner, topics=[topic])
    topic.delete()
    owner.delete()  # the FAQ keeps existing, without an owning division
    assert found(client, "volcanoes") == []
    assert found(client, "temporary") == []
    hit = search(client, q="warning").context["hits"][0]
    assert hit.divisions == [] and hit.topics == []


def test_the_admin_publish_and_unpublish_actions_update_the_index(staff_client):
    initiatives = [InitiativeFactory(title=f"Batch Plan {n}", draft=True) for n in range(3)]
    url = reverse("admin:initiatives_initiative_changelist")
    selected = [str(i.pk) for i in initiatives]
    staff_client.post(url, {"action": "publish", "_selected_action": selected})
    assert len(found(staff_client, "batch")) == 3
    staff_client.post(url, {"action": "unpublish", "_selected_action": selected[:2]})
    assert found(staff_client, "batch") == ["Batch Plan 2"]


def test_adding_in_the_admin_with_topics_is_indexed(staff_client):
    topic = TopicFactory(name="Cybersecurity", slug="cybersecurity")
    division = DivisionFactory()
    response = staff_client.post(
        reverse("admin:initiatives_initiative_add"),
        {
            "title": "Incident Response Teams",
            "slug": "incident-response-teams",
            "summary": "Teams that answer attacks.",
            "body": "",
            "lead_division": division.pk,
            "topics": [topic.pk],
            "pillar": "economic",
            "status": "ongoing",
            "state": State.PUBLISHED,
            "publish_at_0": "",
            "publish_at_1": "",
            "unpublish_at_0": "",
            "unpublish_at_1": "",
            "milestones-TOTAL_FORMS": "0",
            "milestones-INITIAL_FORMS": "0",
            "milestones-MIN_NUM_FORMS": "0",
            "milestones-MAX_NUM_FORMS": "1000",
            "indicators-TOTAL_FORMS": "0",
            "indicators-INITIAL_FORMS": "0",
            # A published initiative cites a source (sources.publish_rule).
            "sources-citation-content_type-object_id-TOTAL_FORMS": "1",
            "sources-citation-content_type-object_id-INITIAL_FORMS": "0",
            "sources-citation-content_type-object_id-0-source": SourceFactory().pk,
            "sources-citation-content_type-object_id-0-order": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert titles(search(staff_client, topic="cybersecurity")) == [
        "Cybersecurity",
        "Incident Response Teams",
    ]


def test_scheduled_times_are_decided_when_searching(client):
    now = timezone.now()
    InitiativeFactory(title="Future Plan", publish_at=now + datetime.timedelta(days=1))
    InitiativeFactory(title="Expired Plan", unpublish_at=now - datetime.timedelta(days=1))
    InitiativeFactory(title="Current Plan", publish_at=now - datetime.timedelta(days=1))
    assert found(client, "plan") == ["Current Plan"]


def test_rebuild_restores_a_damaged_index_and_drops_stale_documents(client):
    InitiativeFactory(title="Biodiversity Corridors")
    faq = FAQFactory(question="What is a heritage park?")
    # Bulk writes send no signals: the index falls behind until it is rebuilt.
    Initiative.objects.update(title="Biodiversity Parks")
    FAQ.objects.filter(pk=faq.pk).update(state=State.DRAFT)
    SearchTerm.objects.all().delete()
    assert found(client, "corridors") == ["Biodiversity Corridors"]

    call_command("rebuild_search_index", verbosity=0)

    assert found(client, "corridors") == []
    assert found(client, "parks") == ["Biodiversity Parks"]
    assert found(client, "heritage") == []
    assert SearchTerm.objects.filter(word="biodiversity").get().documents == 1
    call_command("rebuild_search_index", verbosity=0)  # running it again changes nothing
    assert SearchDocument.objects.count() == 2  # the initiative and the division of both


def test_vocabulary_counts_follow_edits(client, django_capture_on_commit_callbacks):
    first = InitiativeFactory(title="Mangrove Restoration")
    InitiativeFactory(title="Mangrove Mapping")
    assert SearchTerm.objects.get(word="mangrove").documents == 2
    with django_capture_on_commit_callbacks(execute=True):  # indexed once committed
        first.title = "Coral Restoration"
        first.save()
    assert SearchTerm.objects.get(word="mangrove").documents == 1
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert not SearchTerm.objects.filter(word="coral").exists()


def test_a_filter_listing_follows_renames_moves_and_deletions(client):
    """Filters without words are listed in order from their own index (a table kept by
    triggers on SQLite): every change to a document's title or facets shows there at once."""
    water, energy = TopicFactory(name="Water", slug="water"), TopicFactory(name="Energy")
    beta = InitiativeFactory(title="Beta Plan", topics=[water])
    alpha = InitiativeFactory(title="Alpha Plan", topics=[water])

    def listed(**filters):
        return titles(search(client, **filters))

    assert listed(topic="water") == ["Water", "Alpha Plan", "Beta Plan"]
    alpha.title = "Zeta Plan"
    alpha.save()
    assert listed(topic="water") == ["Water", "Beta Plan", "Zeta Plan"]
    beta.topics.set([energy])
    assert listed(topic="water", type="initiative") == ["Zeta Plan"]
    assert listed(topic=energy.slug) == ["Energy", "Beta Plan"]
    alpha.delete()
    assert listed(topic="water") == ["Water"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN pending lists are PostgreSQL's")
def test_optimising_as_a_user_who_does_not_own_the_indexes_still_finishes():
    """Merging the GIN pending lists is for the indexes' owner only; anyone else's rebuild
    leaves them to autovacuum and carries on."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE ROLE portal_not_owner NOLOGIN")  # undone with the test
        cursor.execute("SET LOCAL ROLE portal_not_owner")
    get_backend(connection).optimise()
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        assert cursor.fetchone()[0] == "portal_not_owner"
        cursor.execute("RESET ROLE")
