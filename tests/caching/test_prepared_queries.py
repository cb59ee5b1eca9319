"""Prepared queries (``caching.prepared_queries``): the ORM's SQL compiled once, run again
with new values, giving what the ORM gives."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from caching.prepared_queries import PreparedQuery
from initiatives.models import Initiative, Topic
from tests.factories import InitiativeFactory, TopicFactory

pytestmark = pytest.mark.django_db


def counting(build):
    """``build``, and a list that grows by one each time it is called."""
    calls = []

    def counted(**values):
        calls.append(values)
        return build(**values)

    return counted, calls


def test_rows_are_the_orms_rows_for_each_new_value():
    first = InitiativeFactory(title="Alpha", topics=[TopicFactory(name="Ports")])
    second = InitiativeFactory(title="Beta", topics=[TopicFactory(name="Fisheries")])
    build, calls = counting(lambda pk, now: Topic.objects.published(now).filter(initiatives=pk))
    prepared = PreparedQuery(build)
    now = timezone.now()
    for initiative in (first, second, first):
        expected = list(Topic.objects.published(now).filter(initiatives=initiative.pk))
        assert prepared.rows(pk=initiative.pk, now=now) == expected
        assert [t.name for t in prepared.rows(pk=initiative.pk, now=now)] == [
            t.name for t in expected
        ]
    assert len(calls) == 2  # compiled once (with two sets of stand-ins), run six times


def test_the_time_argument_is_the_one_given():
    """A topic published from tomorrow is left out today and listed tomorrow: the compiled
    SQL takes each call's ``now``, not the one it was compiled with."""
    now = timezone.now()
    later = TopicFactory(name="Later", publish_at=now + datetime.timedelta(days=1))
    initiative = InitiativeFactory(topics=[later])
    prepared = PreparedQuery(lambda pk, now: Topic.objects.published(now).filter(initiatives=pk))
    assert prepared.rows(pk=initiative.pk, now=now) == []
    assert prepared.rows(pk=initiative.pk, now=now + datetime.timedelta(days=2)) == [later]


def test_strings_and_first():
    initiative = InitiativeFactory(slug="the-one")
    prepared = PreparedQuery(lambda slug: Initiative.objects.filter(slug=slug))
    assert prepared.first(slug="the-one") == initiative
    assert prepared.first(slug="not-there") is None
    # A value that looks like SQL is a parameter, never SQL.
    assert prepared.first(slug="x' OR '1'='1") is None


def test_one_query_per_run():
    initiative = InitiativeFactory()
    prepared = PreparedQuery(lambda pk: Initiative.objects.filter(pk=pk))
    prepared.rows(pk=initiative.pk)
    with CaptureQueriesContext(connection) as queries:
        assert prepared.rows(pk=initiative.pk) == [initiative]
    assert len(queries) == 1


def test_related_rows_and_lists():
    """``select_related`` is read with the row (no second query); a list for ``__in`` is
    compiled once per length, each run with its own values."""
    initiatives = InitiativeFactory.create_batch(3)
    by_slug = PreparedQuery(
        lambda slug: Initiative.objects.select_related("lead_division").filter(slug=slug)
    )
    by_slug.first(slug=initiatives[0].slug)
    with CaptureQueriesContext(connection) as queries:
        found = by_slug.first(slug=initiatives[1].slug)
        assert found.lead_division.name == initiatives[1].lead_division.name
    assert len(queries) == 1
    build, calls = counting(lambda pks: Initiative.objects.filter(pk__in=pks).order_by("pk"))
    among = PreparedQuery(build)
    first, second, third = (i.pk for i in initiatives)
    assert [i.pk for i in among.rows(pks=[first, second])] == [first, second]
    assert [i.pk for i in among.rows(pks=[second, third])] == [second, third]
    assert [i.pk for i in among.rows(pks=[third])] == [third]
    assert len(calls) == 4  # lengths 2 and 1, each compiled with two sets of stand-ins


def test_values_rows():
    initiative = InitiativeFactory(title="Alpha")
    prepared = PreparedQuery(lambda pk: Initiative.objects.filter(pk=pk).values_list("title"))
    assert prepared.rows(pk=initiative.pk) == [("Alpha",)]


def test_refuses_what_it_cannot_prepare():
    InitiativeFactory(slug="some")
    # icontains rewrites the value ("%some%"): it cannot be found again.
    with pytest.raises(ValueError, match="slug not found"):
        PreparedQuery(lambda slug: Initiative.objects.filter(slug__icontains=slug)).rows(
            slug="some"
        )
    with pytest.raises(ValueError, match="boolean"):
        PreparedQuery(lambda flag: Initiative.objects.filter(pk=flag)).rows(flag=True)


def test_a_constant_is_never_taken_for_an_argument():
    """The query's own constants stay as they are, even one equal to a stand-in."""
    from caching.prepared_queries import _SENTINEL_INT

    kept = InitiativeFactory()
    prepared = PreparedQuery(
        lambda pk: Initiative.objects.filter(pk__gte=pk).exclude(pk=_SENTINEL_INT + 1)
    )
    assert kept in prepared.rows(pk=kept.pk)
    assert prepared.rows(pk=kept.pk + 1_000_000) == []


# --- PostgreSQL: prepared on the server once per connection -------------------------------

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="server-side statements are PostgreSQL's"
)


def run_logged(prepared, **values):
    """``prepared``'s rows for ``values``, and the SQL the run sent."""
    with CaptureQueriesContext(connection) as queries:
        rows = prepared.rows(**values)
    return rows, [query["sql"] for query in queries]


@on_postgresql
def test_postgresql_executes_a_statement_prepared_once():
    alpha, beta = InitiativeFactory(slug="alpha"), InitiativeFactory(slug="beta")
    prepared = PreparedQuery(
        lambda slug: Initiative.objects.select_related("lead_division").filter(slug=slug)
    )
    for initiative in (alpha, beta, alpha):
        rows, sent = run_logged(prepared, slug=initiative.slug)
        assert rows == [initiative]
        assert rows[0].lead_division.name == initiative.lead_division.name
        assert len(sent) == 1 and sent[0].startswith("EXECUTE prepared_")
    rows, sent = run_logged(prepared, slug="x' OR '1'='1")
    assert rows == [] and sent[0].startswith("EXECUTE prepared_")


@on_postgresql
def test_a_statement_the_server_refuses_runs_as_sql_and_spoils_nothing():
    """Here the server refuses because the name is taken; whatever the reason, the rows
    come from the plain SQL and the test's transaction goes on."""
    initiative = InitiativeFactory(slug="alpha")
    prepared = PreparedQuery(lambda slug: Initiative.objects.filter(slug=slug))
    name = prepared.compiled("default", {"slug": "alpha"}).name
    with connection.cursor() as cursor:
        cursor.execute(f"PREPARE {name} AS SELECT 1")
    rows, sent = run_logged(prepared, slug="alpha")
    assert rows == [initiative]
    assert sent[0].startswith("SELECT")
    assert Initiative.objects.filter(slug="alpha").exists()  # the transaction still works


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_new_connection_prepares_again():
    initiative = InitiativeFactory(slug="alpha")
    prepared = PreparedQuery(lambda slug: Initiative.objects.filter(slug=slug))
    assert prepared.rows(slug="alpha") == [initiative]
    connection.close()
    rows, sent = run_logged(prepared, slug="alpha")
    assert rows == [initiative] and sent[0].startswith("EXECUTE prepared_")


def test_without_server_statements_the_sql_is_sent(settings):
    """Turned off (a transaction-pooling PgBouncer), and on SQLite, which caches its own
    statements."""
    settings.DATABASE_PREPARED_STATEMENTS = False
    initiative = InitiativeFactory(slug="alpha")
    prepared = PreparedQuery(lambda slug: Initiative.objects.filter(slug=slug))
    for _ in range(2):
        rows, sent = run_logged(prepared, slug="alpha")
        assert rows == [initiative] and sent[0].startswith("SELECT")


def test_values_are_converted_as_the_orm_converts_them():
    """The columns' converters are found once and serve every run: partial dates, times."""
    one = InitiativeFactory(planned_start="2019-06", planned_end="2021")
    other = InitiativeFactory(planned_start="2020-01-15", planned_end=None)
    prepared = PreparedQuery(lambda pk: Initiative.objects.filter(pk=pk))
    for initiative in (one, other, one):
        got, expected = prepared.first(pk=initiative.pk), Initiative.objects.get(pk=initiative.pk)
        for name in ("planned_start", "planned_end", "created_at", "updated_at"):
            assert getattr(got, name) == getattr(expected, name)
            assert type(getattr(got, name)) is type(getattr(expected, name))
    assert str(prepared.first(pk=one.pk).planned_start) == "June 2019"


def test_a_value_outside_the_where_clause_keeps_its_type():
    """A selected or ordered-by ``Value`` has no column to type it: the query is run as SQL,
    not prepared on the server (where ``SELECT $1`` would answer text)."""
    from django.db.models import IntegerField, Value

    initiative = InitiativeFactory(slug="alpha")
    prepared = PreparedQuery(
        lambda slug: (
            Initiative.objects.filter(slug=slug)
            .annotate(weight=Value(7, output_field=IntegerField()))
            .values_list("slug", "weight")
        )
    )
    for _ in range(2):
        rows, sent = run_logged(prepared, slug="alpha")
        assert rows == [("alpha", 7)]
        assert not sent[0].startswith("EXECUTE")
    assert initiative.slug == "alpha"


def test_a_union_is_prepared_when_its_parts_compare_every_value():
    """Each part of a UNION compares its values in its own WHERE clause: prepared on the
    server (PostgreSQL); a ``Value`` selected in one part keeps it as SQL."""
    from django.db.models import F, IntegerField, Value

    alpha, beta = InitiativeFactory(slug="alpha"), InitiativeFactory(slug="beta")

    def union(first, second, weight=None):
        one = Initiative.objects.filter(slug=first)
        if weight is not None:
            one = one.annotate(pk_or_weight=Value(weight, output_field=IntegerField()))
        else:
            one = one.annotate(pk_or_weight=F("pk"))
        two = Initiative.objects.filter(slug=second).annotate(pk_or_weight=F("pk"))
        # Each part unordered (the model's order): SQLite refuses ORDER BY in a part.
        one, two = (part.order_by().values_list("slug", "pk_or_weight") for part in (one, two))
        return one.union(two, all=True).order_by("slug")

    typed = PreparedQuery(lambda first, second: union(first, second))
    valued = PreparedQuery(lambda first, second: union(first, second, weight=7))
    for _ in range(2):
        rows, sent = run_logged(typed, first="beta", second="alpha")
        assert rows == [("alpha", alpha.pk), ("beta", beta.pk)]
        assert sent[0].startswith("EXECUTE") == (connection.vendor == "postgresql")
        rows, sent = run_logged(valued, first="alpha", second="beta")
        assert rows == [("alpha", 7), ("beta", beta.pk)]
        assert not sent[0].startswith("EXECUTE")


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_column_changed_by_a_migration_is_prepared_again(widen_topic_names):
    """A migration that changes a returned column (a longer ``CharField``) while the site
    runs: PostgreSQL then refuses the statement prepared before it ("cached plan must not
    change result type"); the rows still come, from the statement prepared afresh."""
    topic = TopicFactory(name="Ports", slug="ports")
    prepared = PreparedQuery(lambda slug: Topic.objects.filter(slug=slug))
    assert prepared.rows(slug="ports") == [topic]
    widen_topic_names()
    for _ in range(2):
        rows, sent = run_logged(prepared, slug="ports")
        assert [t.name for t in rows] == ["Ports"]
        assert sent[-1].startswith("EXECUTE prepared_")


def test_pages_of_an_ordered_query():
    """``page(offset, limit)``: the window is a parameter, one statement for every page."""
    initiatives = [InitiativeFactory(title=f"Item {n:02}") for n in range(7)]
    build, calls = counting(
        lambda status: Initiative.objects.filter(status=status).order_by("title", "pk")
    )
    prepared = PreparedQuery(build)
    status = initiatives[0].status
    expected = list(Initiative.objects.filter(status=status).order_by("title", "pk"))
    assert len(expected) == 7
    for offset, limit in ((0, 3), (3, 3), (6, 3), (9, 3)):
        assert prepared.page(offset, limit, status=status) == expected[offset : offset + limit]
    assert prepared.rows(status=status) == expected  # unpaged: its own shape
    with CaptureQueriesContext(connection) as queries:
        prepared.page(3, 3, status=status)
    # PostgreSQL prepares it (LIMIT and OFFSET are typed by their place).
    assert queries[0]["sql"].startswith("EXECUTE") == (connection.vendor == "postgresql")
    assert len(calls) == 4  # paged and unpaged, each compiled with two sets of stand-ins
    with pytest.raises(ValueError, match="ordered, not sliced"):
        PreparedQuery(lambda status: Initiative.objects.filter(status=status)[:2]).page(
            0, 2, status=status
        )


def statement_of(prepared, **values):
    """The text PostgreSQL holds for ``prepared``'s statement (after one run)."""
    name = prepared.compiled("default", values).name
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE name = %s", [name])
        return cursor.fetchone()[0]


def test_constants_written_into_the_statement_give_the_orms_rows():
    """``constants_in_sql``: the query's own constants become literals of the statement,
    quoted by the driver (a quote, a percent sign), and its arguments stay parameters: the
    rows are the ORM's for each new value, paged or not, on either database."""
    odd = "it's 5% done"
    for n in range(5):
        InitiativeFactory(title=f"Item {n}", summary=odd if n % 2 else "plain")
    build = lambda status, now: (  # noqa: E731
        Initiative.objects.published(now).filter(summary=odd, status=status).order_by("title")
    )
    prepared = PreparedQuery(build, constants_in_sql=True)
    now = timezone.now()
    for status in ("ongoing", "planned", "ongoing"):
        expected = list(build(status, now))
        assert prepared.rows(status=status, now=now) == expected
        assert prepared.page(1, 1, status=status, now=now) == expected[1:2]
    assert [i.title for i in prepared.rows(status="ongoing", now=now)] == ["Item 1", "Item 3"]
    if connection.vendor == "postgresql":
        statement = statement_of(prepared, status="ongoing", now=now)
        assert "= 'it''s 5% done'" in statement and "= 'published'" in statement
        assert "$1" in statement and "$4" not in statement  # now (twice) and status
