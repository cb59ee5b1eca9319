"""Staff keep the FAQs current in the admin."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from faqs.models import FAQ
from publishing.content import State
from tests.factories import DivisionFactory, FAQFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:faqs_faq_changelist")
ADD = reverse("admin:faqs_faq_add")


def change_url(faq):
    return reverse("admin:faqs_faq_change", args=[faq.pk])


def form_data(**fields):
    return {
        "question": "Who can visit the Secretariat?",
        "slug": "who-can-visit",
        "answer": "Anyone **with an appointment**.",
        "division": "",
        "order": "0",
        "state": State.DRAFT,
        "publish_at_0": "",
        "publish_at_1": "",
        "unpublish_at_0": "",
        "unpublish_at_1": "",
        "sources-citation-content_type-object_id-TOTAL_FORMS": "0",  # the "Sources" inline
        "sources-citation-content_type-object_id-INITIAL_FORMS": "0",
        **fields,
    }


def assert_saved(response):
    """A saved admin form redirects; anything else shows why it did not save."""
    if response.status_code != 302:
        form = response.context["adminform"].form
        raise AssertionError(f"not saved: {form.errors.as_data()}")


def test_changelist_lists_faqs_with_their_division(staff_client):
    FAQFactory(question="Where is the Secretariat?", division__name="Community Affairs")
    response = staff_client.get(CHANGELIST)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Where is the Secretariat?" in content
    assert "Community Affairs" in content


def test_changelist_search_finds_the_faq(staff_client):
    FAQFactory(question="Where is the Secretariat?", answer="In Jakarta.")
    FAQFactory(question="Who leads it?", answer="The Secretary-General.")
    for term in ["where", "jakarta"]:
        response = staff_client.get(CHANGELIST, {"q": term})
        assert response.status_code == 200
        questions = [f.question for f in response.context["cl"].result_list]
        assert questions == ["Where is the Secretariat?"]


def test_changelist_filters_by_division_and_topic(staff_client):
    division, topic = DivisionFactory(), TopicFactory()
    FAQFactory(question="Owned?", division=division)
    FAQFactory(question="Tagged?", topics=[topic])

    by_division = staff_client.get(CHANGELIST, {"division__id__exact": division.pk})
    assert [f.question for f in by_division.context["cl"].result_list] == ["Owned?"]
    by_topic = staff_client.get(CHANGELIST, {"topics__id__exact": topic.pk})
    assert [f.question for f in by_topic.context["cl"].result_list] == ["Tagged?"]


def test_add_page(staff_client):
    response = staff_client.get(ADD)
    assert response.status_code == 200
    assert "Markdown:" in response.content.decode()


def test_add_creates_the_faq(staff_client, staff):
    division, topic = DivisionFactory(), TopicFactory()
    response = staff_client.post(ADD, form_data(division=division.pk, topics=[topic.pk]))
    assert_saved(response)
    faq = FAQ.objects.get(slug="who-can-visit")
    assert faq.division == division
    assert list(faq.topics.all()) == [topic]
    assert faq.answer_html == "<p>Anyone <strong>with an appointment</strong>.</p>"
    assert (faq.created_by, faq.updated_by) == (staff, staff)


def test_change_saves_and_records_who_changed_it(staff_client, staff):
    author = UserFactory(username="author", is_staff=True)
    faq = FAQFactory(created_by=author, updated_by=author)

    response = staff_client.get(change_url(faq))
    assert response.status_code == 200

    data = form_data(question="Reworded?", slug=faq.slug, division=faq.division_id)
    assert_saved(staff_client.post(change_url(faq), data))
    faq.refresh_from_db()
    assert faq.question == "Reworded?"
    assert faq.created_by == author
    assert faq.updated_by == staff


def test_view_on_site_points_at_the_faq_on_the_list(staff_client):
    faq = FAQFactory(slug="who-can-visit")
    link = reverse("admin:view_on_site", args=[ContentType.objects.get_for_model(FAQ).pk, faq.pk])
    assert link in staff_client.get(change_url(faq)).content.decode()
    response = staff_client.get(link)
    assert response.status_code == 302
    assert response["Location"].endswith("/faqs/#who-can-visit")


def test_division_and_topics_use_autocomplete(staff_client):
    TopicFactory(name="Travel")
    TopicFactory(name="Trade")
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "faqs", "model_name": "faq", "field_name": "topics", "term": "trav"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Travel"]


@pytest.mark.parametrize("url", [CHANGELIST, ADD])
def test_anonymous_user_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("url", [CHANGELIST, ADD])
def test_member_of_the_public_cannot_reach_the_admin(member_client, url):
    response = member_client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_show_counts_counts_each_topic_and_division(staff_client):
    """ "Show counts" answered 500 on the FAQs list (the topic filter; see initiatives)."""
    trade = TopicFactory(name="Trade")
    FAQFactory(topics=[trade])
    response = staff_client.get(reverse("admin:faqs_faq_changelist") + "?_facets=True")
    assert response.status_code == 200
    assert "Trade (1)" in response.content.decode()
