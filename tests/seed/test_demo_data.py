import pytest
from django.core.management import CommandError, call_command

from faqs.models import FAQ
from initiatives.models import Initiative
from tests.factories import (
    DivisionFactory,
    FAQFactory,
    InitiativeFactory,
    MemberStateFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def taxonomy():
    for _ in range(3):
        DivisionFactory()
        TopicFactory()
        MemberStateFactory()


def test_builds_marked_synthetic_content_and_leaves_real_content_alone(taxonomy):
    # Five divisions in all: with the builder's fixed seed, 120 initiatives then include
    # drafts (a 5% share) as well as published ones.
    real = InitiativeFactory(
        title="ASEAN Single Window", slug="asean-single-window", lead_division=DivisionFactory()
    )
    real_faq = FAQFactory(slug="where-is-it", division=DivisionFactory())

    call_command("generate_demo_data", initiatives=120, faqs=30, verbosity=0)

    demo = Initiative.objects.filter(slug__startswith="demo-")
    assert demo.count() == 120
    assert FAQ.objects.filter(slug__startswith="demo-").count() == 30
    assert all("Synthetic demo content" in body for body in demo.values_list("body", flat=True))
    assert demo.filter(state="draft").exists() and demo.filter(state="published").exists()
    assert all(i.topics.exists() and i.milestones.count() >= 2 for i in demo[:10])
    assert len(set(demo.values_list("title", flat=True))) > 60  # varied, not one title
    real.refresh_from_db()
    real_faq.refresh_from_db()
    assert real.title == "ASEAN Single Window" and real_faq.slug == "where-is-it"


def test_running_again_replaces_rather_than_adds(taxonomy):
    call_command("generate_demo_data", initiatives=50, verbosity=0)
    first = list(Initiative.objects.order_by("slug").values_list("slug", "title"))
    call_command("generate_demo_data", initiatives=50, verbosity=0)
    assert list(Initiative.objects.order_by("slug").values_list("slug", "title")) == first


def test_negative_counts_are_refused(taxonomy):
    with pytest.raises(CommandError, match="0 or more"):
        call_command("generate_demo_data", initiatives=-1, verbosity=0)


def test_demo_content_is_searchable_and_drafts_are_not(taxonomy, client):
    call_command("generate_demo_data", initiatives=60, faqs=20, verbosity=0)
    published = Initiative.objects.filter(slug__startswith="demo-", state="published")
    response = client.get("/search/", {"q": "synthetic", "type": "initiative"})
    assert response.context["page_obj"].paginator.count == published.count()
    assert "<mark>Synthetic</mark> demo content" in response.content.decode()
