"""Staff manage initiatives, their milestones, topics and member states in the admin."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from divisions.models import Pillar
from initiatives.models import Initiative, Milestone, Topic
from member_states.models import MemberState
from partial_dates import PartialDate
from publishing.content import State
from sources.models import Citation
from tests.factories import (
    DivisionFactory,
    InitiativeFactory,
    MemberStateFactory,
    MilestoneFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def admin_url(model, view, *args):
    meta = model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=args)


def assert_saved(response):
    """A saved admin form redirects; anything else shows why it did not save."""
    if response.status_code != 302:
        context = response.context
        errors = [context["adminform"].form.errors.as_data()]
        errors += [inline.formset.errors for inline in context.get("inline_admin_formsets", [])]
        raise AssertionError(f"not saved: {errors}")


PUBLICATION = {
    "state": State.DRAFT,
    "publish_at_0": "",
    "publish_at_1": "",
    "unpublish_at_0": "",
    "unpublish_at_1": "",
}


CITATIONS = "sources-citation-content_type-object_id"  # the "Sources" inline's prefix


def inline_forms(prefix, *rows, initial=0):
    """An inline's management form and one form per row dict."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{name}": value for name, value in row.items()})
    return data


def milestone_forms(*milestones, initial=0):
    """The milestone inline's management form and one form per milestone dict."""
    return inline_forms("milestones", *milestones, initial=initial)


def citation_forms(*sources, initial=0):
    """The "Sources" inline citing each of ``sources`` (new citations unless ``initial``)."""
    rows = [
        {"source": source.pk, "supports": "", "locator": "", "order": n}
        for n, source in enumerate(sources)
    ]
    return inline_forms(CITATIONS, *rows, initial=initial)


def initiative_form(**fields):
    return {
        "title": "ASEAN Single Window",
        "slug": "asean-single-window",
        "summary": "Customs clearance across member states.",
        "body": "Links the **national** single windows.",
        "pillar": Pillar.ECONOMIC,
        "status": Initiative.Status.ONGOING,
        "planned_start": "2019-01-01",
        "planned_end": "2025-12-31",
        **PUBLICATION,
        **milestone_forms(),
        **inline_forms("indicators"),
        **citation_forms(),
        **fields,
    }


def initiative_form_for(initiative, **fields):
    """The change form as posted for ``initiative``, with its milestones unchanged."""
    milestones = [
        {
            "id": m.pk,
            "initiative": initiative.pk,
            "title": m.title,
            "planned": m.planned,
            "reached": m.reached or "",
            "order": m.order,
        }
        for m in initiative.milestones.all()
    ]
    data = initiative_form(
        title=initiative.title,
        slug=initiative.slug,
        summary=initiative.summary,
        body=initiative.body,
        lead_division=initiative.lead_division_id,
        supporting_divisions=[d.pk for d in initiative.supporting_divisions.all()],
        topics=[t.pk for t in initiative.topics.all()],
        member_states=[s.pk for s in initiative.member_states.all()],
        pillar=initiative.pillar,
        status=initiative.status,
        planned_start=initiative.planned_start or "",
        planned_end=initiative.planned_end or "",
        state=initiative.state,
        **milestone_forms(*milestones, initial=len(milestones)),
        **existing_citations(initiative),
    )
    return {**data, **fields}


def existing_citations(obj):
    """The "Sources" inline as drawn for ``obj``: its citations, unchanged."""
    citations = list(
        Citation.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        )
    )
    rows = [
        {
            "id": c.pk,
            "source": c.source_id,
            "supports": c.supports,
            "locator": c.locator,
            "order": c.order,
        }
        for c in citations
    ]
    return inline_forms(CITATIONS, *rows, initial=len(rows))


ADMIN_MODELS = [Initiative, Milestone, Topic, MemberState]


def assert_sent_to_login(client, model):
    for url in [admin_url(model, "changelist"), admin_url(model, "add")]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_anonymous_user_is_sent_to_login(client, model):
    assert_sent_to_login(client, model)


@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_member_of_the_public_cannot_reach_the_admin(member_client, model):
    assert_sent_to_login(member_client, model)


# --- initiatives ----------------------------------------------------------------------


def test_initiative_changelist_shows_milestone_progress(staff_client):
    initiative = InitiativeFactory(title="ASEAN Power Grid")
    MilestoneFactory.create_batch(2, initiative=initiative, reached=datetime.date(2024, 1, 1))
    MilestoneFactory(initiative=initiative)
    InitiativeFactory(title="Nothing planned yet")

    response = staff_client.get(admin_url(Initiative, "changelist"))

    assert response.status_code == 200
    rows = {i.title: i for i in response.context["cl"].result_list}
    grid = rows["ASEAN Power Grid"]
    assert (grid.milestones_done, grid.milestones_total) == (2, 3)
    assert rows["Nothing planned yet"].milestones_total == 0
    assert '<td class="field-milestone_progress">2/3</td>' in response.content.decode()


def test_initiative_progress_is_not_inflated_by_a_topic_filter(staff_client):
    topics = TopicFactory.create_batch(2)
    initiative = InitiativeFactory(topics=topics)
    MilestoneFactory(initiative=initiative, reached=datetime.date(2024, 1, 1))
    MilestoneFactory(initiative=initiative)

    response = staff_client.get(
        admin_url(Initiative, "changelist"), {"topics__id__exact": topics[0].pk}
    )

    [row] = response.context["cl"].result_list
    assert (row.milestones_done, row.milestones_total) == (1, 2)


def test_initiative_changelist_queries_do_not_grow_with_rows(staff_client):
    url = admin_url(Initiative, "changelist")

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = staff_client.get(url)
        assert response.status_code == 200
        return len(queries), len(response.context["cl"].result_list)

    topic = TopicFactory()
    initiative = InitiativeFactory(topics=[topic], member_states=[MemberStateFactory()])
    MilestoneFactory.create_batch(2, initiative=initiative)
    staff_client.get(url)  # warm per-process caches (content types, ...)
    with_one, rows = count_queries()
    assert rows == 1

    for initiative in InitiativeFactory.create_batch(29, topics=[topic]):
        MilestoneFactory.create_batch(3, initiative=initiative, reached=datetime.date(2024, 1, 1))
    with_thirty, rows = count_queries()
    assert rows == 30

    assert with_thirty == with_one


def test_initiative_changelist_does_not_count_the_whole_table(staff_client):
    InitiativeFactory(title="ASEAN Single Window")
    InitiativeFactory(title="ASEAN Power Grid")
    response = staff_client.get(admin_url(Initiative, "changelist"), {"q": "window"})
    assert response.context["cl"].show_full_result_count is False
    assert response.context["cl"].full_result_count is None


def test_initiative_changelist_search_finds_the_initiative(staff_client):
    InitiativeFactory(title="ASEAN Single Window")
    InitiativeFactory(title="ASEAN Power Grid", summary="Electricity interconnection.")
    for term, expected in [
        ("single window", "ASEAN Single Window"),
        ("electric", "ASEAN Power Grid"),
    ]:
        response = staff_client.get(admin_url(Initiative, "changelist"), {"q": term})
        assert response.status_code == 200
        assert [i.title for i in response.context["cl"].result_list] == [expected]


def test_initiative_changelist_filters(staff_client):
    division = DivisionFactory()
    InitiativeFactory(title="Led", lead_division=division, status=Initiative.Status.PLANNED)
    InitiativeFactory(title="Other", status=Initiative.Status.COMPLETED)
    url = admin_url(Initiative, "changelist")

    by_division = staff_client.get(url, {"lead_division__id__exact": division.pk})
    assert [i.title for i in by_division.context["cl"].result_list] == ["Led"]
    by_status = staff_client.get(url, {"status__exact": Initiative.Status.COMPLETED})
    assert [i.title for i in by_status.context["cl"].result_list] == ["Other"]


def test_initiative_add_page(staff_client):
    response = staff_client.get(admin_url(Initiative, "add"))
    assert response.status_code == 200
    assert "milestones-TOTAL_FORMS" in response.content.decode()


def test_initiative_add_creates_it_with_its_milestones(staff_client, staff):
    lead, supporting = DivisionFactory(), DivisionFactory()
    topic = TopicFactory()
    state = MemberStateFactory(name="Viet Nam", slug="viet-nam", iso_code="VN")
    data = initiative_form(
        lead_division=lead.pk,
        supporting_divisions=[supporting.pk],
        topics=[topic.pk],
        member_states=[state.pk],
        **milestone_forms(
            {"title": "Pilot", "planned": "2020-06-30", "reached": "2020-07-15", "order": "0"},
            {"title": "Go live", "planned": "2024-12-31", "reached": "", "order": "1"},
        ),
    )

    assert_saved(staff_client.post(admin_url(Initiative, "add"), data))

    initiative = Initiative.objects.get(slug="asean-single-window")
    assert initiative.lead_division == lead
    assert list(initiative.supporting_divisions.all()) == [supporting]
    assert list(initiative.topics.all()) == [topic]
    assert list(initiative.member_states.all()) == [state]
    assert [m.title for m in initiative.milestones.all()] == ["Pilot", "Go live"]
    assert initiative.milestone_count() == (1, 2)
    assert initiative.body_html == "<p>Links the <strong>national</strong> single windows.</p>"
    assert (initiative.created_by, initiative.updated_by) == (staff, staff)


def test_initiative_change_saves_and_records_who_changed_it(staff_client, staff):
    author = UserFactory(username="author", is_staff=True)
    initiative = InitiativeFactory(created_by=author, updated_by=author)
    milestone = MilestoneFactory(initiative=initiative)
    url = admin_url(Initiative, "change", initiative.pk)

    response = staff_client.get(url)
    assert response.status_code == 200
    assert response.context["has_absolute_url"]

    data = initiative_form_for(
        initiative, status=Initiative.Status.COMPLETED, **{"milestones-0-reached": "2024-05-01"}
    )
    assert_saved(staff_client.post(url, data))

    initiative.refresh_from_db()
    milestone.refresh_from_db()
    assert initiative.status == Initiative.Status.COMPLETED
    assert milestone.reached == datetime.date(2024, 5, 1)
    assert initiative.created_by == author
    assert initiative.updated_by == staff


def test_initiative_ending_before_it_starts_is_a_form_error(staff_client):
    data = initiative_form(
        lead_division=DivisionFactory().pk, planned_start="2025-01-01", planned_end="2024-01-01"
    )

    response = staff_client.post(admin_url(Initiative, "add"), data)

    assert response.status_code == 200
    assert (
        "The planned end (1 January 2024) is before its start (1 January 2025)."
        in response.content.decode()
    )
    assert not Initiative.objects.exists()


def test_an_end_known_to_the_year_may_close_a_period_that_starts_within_it(staff_client):
    data = initiative_form(
        lead_division=DivisionFactory().pk, planned_start="2019-06", planned_end="2019"
    )
    assert_saved(staff_client.post(admin_url(Initiative, "add"), data))
    initiative = Initiative.objects.get()
    assert (initiative.planned_start, initiative.planned_end) == (
        PartialDate(2019, 6),
        PartialDate(2019),
    )


def test_initiative_change_ending_before_it_starts_changes_nothing(staff_client):
    initiative = InitiativeFactory()
    url = admin_url(Initiative, "change", initiative.pk)

    response = staff_client.post(url, initiative_form_for(initiative, planned_end="2010"))

    assert response.status_code == 200
    assert "The planned end (2010) is before its start (2020)." in response.content.decode()
    initiative.refresh_from_db()
    assert initiative.planned_end == PartialDate(2025)


def test_initiative_relations_use_autocomplete(staff_client):
    DivisionFactory(name="Economic Community Department")
    DivisionFactory(name="External Relations Directorate")
    for field_name in ["lead_division", "supporting_divisions"]:
        response = staff_client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "initiatives",
                "model_name": "initiative",
                "field_name": field_name,
                "term": "economic",
            },
        )
        assert response.status_code == 200
        results = [r["text"] for r in response.json()["results"]]
        assert results == ["Economic Community Department"]


# --- milestones, across initiatives ---------------------------------------------------


def test_milestone_changelist_and_search(staff_client):
    MilestoneFactory(title="Pilot in two member states")
    MilestoneFactory(title="Regional roll-out")
    url = admin_url(Milestone, "changelist")
    assert staff_client.get(url).status_code == 200
    response = staff_client.get(url, {"q": "pilot"})
    assert [m.title for m in response.context["cl"].result_list] == ["Pilot in two member states"]


def test_milestone_changelist_filters_by_done(staff_client):
    MilestoneFactory(title="Done", reached=datetime.date(2024, 1, 1))
    MilestoneFactory(title="Open")
    response = staff_client.get(admin_url(Milestone, "changelist"), {"done": "no"})
    assert [m.title for m in response.context["cl"].result_list] == ["Open"]


def test_milestone_add_and_change(staff_client):
    initiative = InitiativeFactory()
    assert staff_client.get(admin_url(Milestone, "add")).status_code == 200
    data = {"initiative": initiative.pk, "title": "Pilot", "planned": "2024-06-30", "order": "0"}
    assert_saved(staff_client.post(admin_url(Milestone, "add"), data))
    milestone = Milestone.objects.get(title="Pilot")
    assert milestone.initiative == initiative

    url = admin_url(Milestone, "change", milestone.pk)
    assert staff_client.get(url).status_code == 200
    assert_saved(staff_client.post(url, {**data, "reached": "2024-07-01"}))
    milestone.refresh_from_db()
    assert milestone.reached == PartialDate(2024, 7, 1)


# --- topics ---------------------------------------------------------------------------


def test_topic_changelist_and_search(staff_client):
    TopicFactory(name="Trade facilitation")
    TopicFactory(name="Disaster management")
    url = admin_url(Topic, "changelist")
    assert staff_client.get(url).status_code == 200
    response = staff_client.get(url, {"q": "disaster"})
    assert [t.name for t in response.context["cl"].result_list] == ["Disaster management"]


def test_topic_add_creates_it(staff_client, staff):
    assert staff_client.get(admin_url(Topic, "add")).status_code == 200
    data = {"name": "Digital economy", "slug": "digital-economy", "description": "*Bits*."}
    assert_saved(
        staff_client.post(admin_url(Topic, "add"), {**data, **PUBLICATION, **citation_forms()})
    )
    topic = Topic.objects.get(slug="digital-economy")
    assert topic.description_html == "<p><em>Bits</em>.</p>"
    assert (topic.created_by, topic.updated_by) == (staff, staff)


def test_topic_change_records_who_changed_it(staff_client, staff):
    author = UserFactory(username="author", is_staff=True)
    topic = TopicFactory(created_by=author, updated_by=author)
    url = admin_url(Topic, "change", topic.pk)
    assert staff_client.get(url).status_code == 200

    data = {
        "name": "Renamed",
        "slug": topic.slug,
        "description": "",
        **PUBLICATION,
        **citation_forms(),
    }
    assert_saved(staff_client.post(url, data))
    topic.refresh_from_db()
    assert topic.name == "Renamed"
    assert topic.state == State.DRAFT
    assert (topic.created_by, topic.updated_by) == (author, staff)


# --- "Show counts" -----------------------------------------------------------------------


def test_show_counts_counts_each_topic(staff_client):
    """Django counts each filter choice by setting it as the filter's value, an int for
    the topic filter's ids: it answered 500 ('int' object has no attribute 'isdigit')."""
    trade, health = TopicFactory(name="Trade"), TopicFactory(name="Health")
    InitiativeFactory(topics=[trade])
    InitiativeFactory(topics=[trade, health])
    response = staff_client.get(admin_url(Initiative, "changelist") + "?_facets=True")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Trade (2)" in content and "Health (1)" in content
    filtered = staff_client.get(
        admin_url(Initiative, "changelist") + f"?_facets=True&topics__id__exact={health.pk}"
    )
    assert filtered.status_code == 200
    assert filtered.context["cl"].result_count == 1
