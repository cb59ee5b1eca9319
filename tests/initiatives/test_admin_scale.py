"""Admin at scale: the initiative changelist, its search and filters, and the change form
run a bounded number of queries, whatever the number of rows (1 vs 30 here; the benchmark
`make bench-admin` times them at 100,000), and no unfiltered page counts the whole table."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from initiatives.admin import InitiativeAdmin
from initiatives.models import Initiative
from publishing.admin.content import EstimatedCountPaginator
from tests.factories import (
    DivisionFactory,
    InitiativeFactory,
    MemberStateFactory,
    MilestoneFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:initiatives_initiative_changelist")


def make_initiatives(count, division, topic, states):
    for initiative in InitiativeFactory.create_batch(
        count,
        lead_division=division,
        topics=[topic],
        member_states=states,
        supporting_divisions=[DivisionFactory()],
        title="Regional Work Plan",
    ):
        MilestoneFactory.create_batch(2, initiative=initiative, reached=datetime.date(2024, 1, 1))


def queries(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured), response


@pytest.fixture
def data():
    division, topic = DivisionFactory(), TopicFactory()
    return division, topic, [MemberStateFactory(), MemberStateFactory()]


def filter_params(division, topic):
    return [
        {},
        {"q": "regional work"},
        {"state__exact": "published"},
        {"status__exact": "ongoing"},
        {"pillar__exact": "economic"},
        {"featured__exact": "0"},
        {"lead_division__id__exact": division.pk},
        {"topics__id__exact": topic.pk},
        {"review": "later"},
        {"q": "plan", "lead_division__id__exact": division.pk, "o": "-1"},
    ]


def test_changelist_search_and_filters_do_not_grow_with_rows(staff_client, data):
    division, topic, states = data
    make_initiatives(1, division, topic, states)
    staff_client.get(CHANGELIST)  # warm per-process caches (content types, ...)
    counts_with_one = []
    for params in filter_params(division, topic):
        count, response = queries(staff_client, CHANGELIST, params)
        assert len(response.context["cl"].result_list) == 1, params
        counts_with_one.append(count)

    make_initiatives(29, division, topic, states)
    for params, with_one in zip(filter_params(division, topic), counts_with_one, strict=True):
        count, response = queries(staff_client, CHANGELIST, params)
        assert len(response.context["cl"].result_list) == 30, params
        assert count == with_one, params


def test_change_form_queries_do_not_grow_with_milestones_and_relations(staff_client):
    def build(size):
        initiative = InitiativeFactory(
            topics=TopicFactory.create_batch(size),
            supporting_divisions=DivisionFactory.create_batch(size),
            member_states=[MemberStateFactory() for _ in range(size)],
        )
        MilestoneFactory.create_batch(size, initiative=initiative)
        return reverse("admin:initiatives_initiative_change", args=[initiative.pk])

    small, large = build(1), build(30)
    # Each opened once before: the first opening records the "also open by" mark (an insert),
    # later ones refresh it (an update).
    staff_client.get(small)
    staff_client.get(large)
    with_one, _ = queries(staff_client, small)
    with_thirty, response = queries(staff_client, large)
    assert len(response.context["inline_admin_formsets"][0].formset.forms) == 31  # 30 + 1 extra
    assert with_thirty == with_one


def test_unfiltered_changelist_does_not_count_a_big_table_on_postgresql(staff_client, data):
    if connection.vendor != "postgresql":
        pytest.skip("the planner's estimate is a PostgreSQL feature; SQLite counts exactly")
    division, topic, states = data
    make_initiatives(3, division, topic, states)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Initiative._meta.db_table}")
    EstimatedCountPaginator.exact_below, saved = 1, EstimatedCountPaginator.exact_below
    try:
        with CaptureQueriesContext(connection) as captured:
            response = staff_client.get(CHANGELIST)
        filtered = staff_client.get(CHANGELIST, {"q": "work"})
    finally:
        EstimatedCountPaginator.exact_below = saved
    assert response.context["cl"].result_count == 3  # from the statistics
    assert not [q for q in captured if "COUNT(" in q["sql"].upper()]
    assert filtered.context["cl"].result_count == 3  # filtered: counted exactly


def test_small_tables_and_filtered_lists_are_counted_exactly():
    InitiativeFactory.create_batch(3)
    assert EstimatedCountPaginator(Initiative.objects.all(), 2).count == 3
    assert EstimatedCountPaginator(Initiative.objects.filter(title="x"), 2).count == 0


def test_a_deep_page_shows_the_same_rows_in_the_same_order_as_plain_slicing(staff_client, data):
    division, topic, states = data
    make_initiatives(7, division, topic, states)
    ordered = Initiative.objects.order_by("title", "-id")
    paginator = EstimatedCountPaginator(ordered, 3)
    assert [i.pk for i in paginator.page(2)] == [i.pk for i in ordered[3:6]]
    assert [i.pk for i in paginator.page(3)] == [i.pk for i in ordered[6:7]]


def test_the_changelist_s_later_pages_follow_on_from_the_first(staff_client, data, monkeypatch):
    division, topic, states = data
    make_initiatives(5, division, topic, states)
    monkeypatch.setattr(InitiativeAdmin, "list_per_page", 2)
    pages = [staff_client.get(CHANGELIST, {"p": p}).context["cl"] for p in (1, 2, 3)]
    shown = [i.pk for cl in pages for i in cl.result_list]
    assert shown == list(pages[0].queryset.values_list("pk", flat=True))
    assert len(shown) == 5


def test_a_deep_page_computes_row_annotations_for_its_own_rows_only(staff_client, data):
    """The page's SQL reads its ids in a subquery: the outer query has no OFFSET, so the
    milestone counts are computed for the rows shown."""
    division, topic, states = data
    make_initiatives(4, division, topic, states)
    ordered = Initiative.objects.order_by("title", "-id")
    with CaptureQueriesContext(connection) as captured:
        rows = list(EstimatedCountPaginator(ordered, 2).page(2))
    assert len(rows) == 2
    (sql,) = [q["sql"] for q in captured if "initiatives_initiative" in q["sql"]][-1:]
    assert sql.upper().count("OFFSET") == 1 and " IN (SELECT" in sql.upper()


def test_admin_search_can_use_the_trigram_indexes_on_postgresql(staff_client):
    """The indexes are on exactly the expressions Django's ``icontains`` compares; with
    sequential scans off, the planner must be able to answer the admin search from them."""
    if connection.vendor != "postgresql":
        pytest.skip("trigram indexes are a PostgreSQL feature")
    InitiativeFactory(title="Digital Trade Standards")
    search = (
        Initiative.objects.filter(title__icontains="digital")
        | Initiative.objects.filter(summary__icontains="digital")
        | Initiative.objects.filter(slug__icontains="digital")
    )
    sql, params = search.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    for column in ("title", "slug", "summary"):
        assert f"initiative_{column}_trgm_idx" in plan
