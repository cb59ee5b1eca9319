"""Folded queries (``caching.folded_queries``): several prepared queries read by one
statement, each part's rows exactly what its own query gives, in its own order."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from caching.folded_queries import FoldedQuery
from caching.prepared_queries import PreparedQuery
from initiatives.models import Indicator, Initiative, Milestone, Topic
from partial_dates.value import PartialDate
from tests.factories import (
    InitiativeFactory,
    MilestoneFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def fields(obj):
    """Every stored value of ``obj``, with its type: what a page could show of it."""
    return {
        f.attname: (getattr(obj, f.attname), type(getattr(obj, f.attname)))
        for f in obj._meta.concrete_fields
    }


MILESTONES = PreparedQuery(
    lambda pk: Milestone.objects.select_related("source").filter(initiative=pk)
)
INDICATORS = PreparedQuery(lambda pk: Indicator.objects.filter(initiative=pk))
TOPICS = PreparedQuery(
    lambda pk, now: Topic.objects.published(now).filter(initiatives=pk).values_list("name", "pk")
)
# Newest first, then by title: an order of the query's own, not the model's.
NEWEST_TWO = PreparedQuery(
    lambda now: Initiative.objects.published(now).order_by("-created_at", "title")[:2]
)


def page():
    return FoldedQuery(
        milestones=MILESTONES, indicators=INDICATORS, topics=TOPICS, newest=NEWEST_TWO
    )


def expected(pk, now):
    return {
        "milestones": list(Milestone.objects.select_related("source").filter(initiative=pk)),
        "indicators": list(Indicator.objects.filter(initiative=pk)),
        "topics": list(
            Topic.objects.published(now).filter(initiatives=pk).values_list("name", "pk")
        ),
        "newest": list(Initiative.objects.published(now).order_by("-created_at", "title")[:2]),
    }


@pytest.fixture
def two_initiatives():
    source = SourceFactory(title="Joint Statement", published=PartialDate(2021, 3))
    first = InitiativeFactory(
        title="Alpha", topics=[TopicFactory(name="Ports"), TopicFactory(name="Fisheries")]
    )
    second = InitiativeFactory(title="Beta", topics=[TopicFactory(name="Health")])
    # Orders the database would not give by id: the model's order is (order, planned…).
    MilestoneFactory(initiative=first, title="Third", order=3, source=source)
    MilestoneFactory(initiative=first, title="First", order=1, reached=PartialDate(2023))
    MilestoneFactory(initiative=first, title="Second", order=2, planned=PartialDate(2022, 5, 1))
    Indicator.objects.create(
        initiative=first, title="Ports linked", unit="ports", baseline_value=Decimal("12.50")
    )
    Indicator.objects.create(initiative=second, title="Clinics", order=0)
    return first, second


def test_each_part_gives_its_own_querys_rows_in_its_order(two_initiatives):
    folded, now = page(), timezone.now()
    for initiative in (*two_initiatives, *two_initiatives):
        found = folded.rows(pk=initiative.pk, now=now)
        want = expected(initiative.pk, now)
        assert found.keys() == want.keys()
        assert found["topics"] == want["topics"]  # values, as tuples, in the model's order
        for name in ("milestones", "indicators", "newest"):
            assert [fields(o) for o in found[name]] == [fields(o) for o in want[name]], name
    first = two_initiatives[0]
    milestones = folded.rows(pk=first.pk, now=now)["milestones"]
    assert [m.title for m in milestones] == ["First", "Second", "Third"]
    # Related rows (select_related), with their converted values; none where there is none.
    assert milestones[2].source.title == "Joint Statement"
    assert str(milestones[2].source.published) == "March 2021"
    assert milestones[0].source is None and str(milestones[0].reached) == "2023"
    (indicator,) = folded.rows(pk=first.pk, now=now)["indicators"]
    assert indicator.baseline_value == Decimal("12.50")


def test_a_sliced_part_keeps_its_order_and_its_slice(two_initiatives):
    now = timezone.now()
    InitiativeFactory(title="Gamma")
    older = Initiative.objects.filter(title="Alpha")
    older.update(created_at=now - datetime.timedelta(days=30))
    found = page().rows(pk=two_initiatives[0].pk, now=now)["newest"]
    assert [i.title for i in found] == ["Gamma", "Beta"]


def test_one_statement_for_every_part(two_initiatives):
    folded, now = page(), timezone.now()
    folded.rows(pk=two_initiatives[0].pk, now=now)
    with CaptureQueriesContext(connection) as queries:
        folded.rows(pk=two_initiatives[1].pk, now=now)
    assert len(queries) == 1
    # On PostgreSQL, prepared on the server once and executed.
    assert queries[0]["sql"].startswith("EXECUTE") == (connection.vendor == "postgresql")


def test_every_part_empty():
    found = page().rows(pk=123456, now=timezone.now())
    assert found == {"milestones": [], "indicators": [], "topics": [], "newest": []}


def test_the_time_argument_is_each_calls_own():
    now = timezone.now()
    later = TopicFactory(name="Later", publish_at=now + datetime.timedelta(days=1))
    initiative = InitiativeFactory(topics=[later])
    folded = FoldedQuery(topics=TOPICS)
    assert folded.rows(pk=initiative.pk, now=now)["topics"] == []
    tomorrow = now + datetime.timedelta(days=2)
    assert folded.rows(pk=initiative.pk, now=tomorrow)["topics"] == [("Later", later.pk)]


def test_an_argument_that_looks_like_sql_is_a_value():
    initiative = InitiativeFactory(slug="the-one")
    folded = FoldedQuery(
        by_slug=PreparedQuery(lambda slug: Initiative.objects.filter(slug=slug)),
        by_title=PreparedQuery(lambda slug: Initiative.objects.filter(title=slug)),
    )
    assert folded.rows(slug="the-one") == {"by_slug": [initiative], "by_title": []}
    assert folded.rows(slug="x' OR '1'='1") == {"by_slug": [], "by_title": []}


@pytest.mark.parametrize(
    "build",
    [
        lambda pk: Topic.objects.filter(pk=pk).order_by().union(Topic.objects.order_by()),
        lambda pk: Topic.objects.filter(pk=pk).distinct(),
        lambda pk: Topic.objects.filter(pk=pk).order_by("?"),
    ],
    ids=["union", "distinct", "random order"],
)
def test_refuses_a_part_it_cannot_place(build):
    with pytest.raises(ValueError, match="folded query"):
        FoldedQuery(topics=PreparedQuery(build), other=MILESTONES).rows(pk=1)


def test_filters_with_or_and_joins_fold_as_they_run_alone():
    """A part's joins and its OR keep their own aliases inside the union."""
    ports = TopicFactory(name="Ports")
    InitiativeFactory(title="Alpha", topics=[ports])
    InitiativeFactory(title="Beta")
    InitiativeFactory(title="Gamma")

    def either(pk, title):
        return Initiative.objects.filter(Q(topics=pk) | Q(title=title)).order_by("-title")

    folded = FoldedQuery(either=PreparedQuery(either), milestones=MILESTONES)
    found = folded.rows(pk=ports.pk, title="Beta")
    assert [i.title for i in found["either"]] == ["Beta", "Alpha"]
    assert found["either"] == list(either(ports.pk, "Beta"))


on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="server-side statements are PostgreSQL's"
)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_column_changed_by_a_migration_is_prepared_again(widen_topic_names):
    """As for a prepared query: PostgreSQL refuses the statement prepared before the
    change; the rows still come, from the statement prepared afresh."""
    initiative = InitiativeFactory(topics=[TopicFactory(name="Ports")])
    folded = FoldedQuery(topics=TOPICS, milestones=MILESTONES)
    now = timezone.now()
    assert folded.rows(pk=initiative.pk, now=now)["topics"][0][0] == "Ports"
    widen_topic_names()
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            found = folded.rows(pk=initiative.pk, now=now)
        assert found["topics"][0][0] == "Ports"
        assert queries[-1]["sql"].startswith("EXECUTE prepared_")


def test_values_with_an_annotation_come_in_the_order_asked_for():
    """The ORM selects annotations after columns and puts each row back in the order
    ``values_list`` names: a folded part's rows come as the ORM gives them."""
    from django.db.models import F

    InitiativeFactory(title="Alpha")
    build = lambda pk: (  # noqa: E731
        Initiative.objects.filter(pk__gte=pk)
        .annotate(lead=F("lead_division__name"))
        .values_list("lead", "title")
        .order_by("title")
    )
    plain = lambda pk: Initiative.objects.filter(pk__gte=pk).values_list("title", "slug")  # noqa: E731
    found = FoldedQuery(named=PreparedQuery(build), plain=PreparedQuery(plain)).rows(pk=0)
    assert found["named"] == list(build(0))
    assert found["named"][0][1] == "Alpha"
    assert found["plain"] == list(plain(0))


def test_dates_and_times_keep_their_types_whatever_part_comes_first():
    """A part's date column beside another part's datetimes: each value comes back as its
    own query gives it (SQLite converts a union's column by its first branch's type)."""
    source = SourceFactory(key="dated", accessed_on=datetime.date(2024, 3, 5))
    initiative = InitiativeFactory(sources=[source], review_by=datetime.date(2027, 1, 2))
    MilestoneFactory(initiative=initiative, source=source)
    folded = FoldedQuery(
        initiative=PreparedQuery(lambda pk: Initiative.objects.filter(pk=pk)),
        milestones=MILESTONES,
    )
    found = folded.rows(pk=initiative.pk)
    (got,) = found["initiative"]
    assert fields(got) == fields(Initiative.objects.get(pk=initiative.pk))
    accessed = found["milestones"][0].source.accessed_on
    assert accessed == datetime.date(2024, 3, 5) and type(accessed) is datetime.date
