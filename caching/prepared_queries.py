"""Querysets compiled to SQL once per process, then run with new values: a public page's
fixed-shape reads (an item by its slug, its topics, its citations) without the ORM's query
building on every request.

Building and compiling a queryset costs far more than running it. Measured on an
initiative's page reads (SQLite, seed data, one process): its topics take 0.79 ms through
the ORM and 0.21 ms prepared; the initiative with its lead division (``select_related``)
1.70 ms against 0.43 ms. The ORM still does everything but the compiling: the queryset is
built once, by the same code any other view would use, with sentinel values standing for
the arguments; its compiled SQL and Django's own row reading (model instances,
``select_related``, ``values()``, converters) are reused, each run with its own values.

    TOPICS = PreparedQuery(
        lambda pk, now: Topic.objects.published(now).filter(initiatives=pk)
    )
    topics = TOPICS.rows(pk=initiative.pk, now=timezone.now())

Arguments are ints, strings, datetimes or dates compared as they are (``=``, ``<``,
``>``…), or lists of them for ``__in`` (compiled once per length). A value the ORM
rewrites (``icontains`` wraps it in ``%``) cannot be found in the compiled parameters, and
the first call says so. A prefetch in the queryset runs as usual, unprepared.

On PostgreSQL the SQL is also prepared on the server (``PREPARE``), once per connection,
and each run is an ``EXECUTE``: the server then parses and plans it once, not per request.
Measured on the 100,000-initiative benchmark database (one connection, 3,000 runs): an
initiative with its lead division took 0.33 ms a query as SQL, 0.07 ms as a prepared
statement; an initiative's page waited 2.4 ms on the database before, 0.9 ms after. Only
a query whose parameters are all compared in its WHERE clause is prepared (a column types
each one). A migration that changes a returned column makes the server refuse the old
statement; it is then prepared again and the read retried (in a transaction, the next one
prepares it). The statements live as long as the connection (persistent connections keep
them); a transaction-pooling PgBouncer, which hands each transaction another server
session, needs ``DATABASE_PREPARED_STATEMENTS=0``.

This reuses the compiler's state after compiling (its ``select`` and ``klass_info``), an
internal of Django's that has not changed shape since Django 1.8;
``tests/caching/test_prepared_queries.py`` pins the behaviour against the ORM's own.
"""

import copy
import datetime
import itertools
import re
import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import NotSupportedError, connections

# The names under which ``page`` hands its window to ``rows``.
_LIMIT, _OFFSET = "_page_limit", "_page_offset"
# Sentinels stand for the arguments while the ORM compiles (twice, with different ones), so
# each argument's places are found again among the compiled parameters.
_SENTINEL_INT = 20_000
_SENTINEL_DAY = datetime.date(1901, 2, 3)
# Shapes kept per query (a list argument makes one per length).
MAX_SHAPES = 64


@dataclass(frozen=True)
class _Compiled:
    queryset: object  # the queryset built with sentinels, never run itself
    compiler: object  # its compiler after compiling: select, klass_info, converters
    sql: str
    params: tuple
    slots: tuple  # (parameter index, argument name, item index or None)
    # The columns' converters (dates, partial dates, JSON…): found once, not per run (they
    # took ~0.2 ms of an initiative's page, asked of 200 fields on every request).
    converters: dict
    # May the server prepare it? Only if every parameter is compared in the WHERE clause,
    # where the column gives it its type. Elsewhere (a ``Value`` selected or ordered by) a
    # prepared statement would type it as text: ``SELECT $1`` returns '1', not 1.
    typed_by_columns: bool
    # The server-side statement's name (PostgreSQL), unique in the process.
    name: str = field(default_factory=lambda: f"prepared_{next(_statement_numbers)}")


class PreparedQuery:
    def __init__(self, build, constants_in_sql=False):
        """``constants_in_sql``: on PostgreSQL, write the query's own constants (not its
        arguments) into the prepared statement as literals, so that its generic plan knows
        them (``_constants_in_sql``)."""
        self.build = build
        self.constants_in_sql = constants_in_sql
        self._shapes = OrderedDict()  # (alias, list lengths) -> _Compiled
        self._lock = threading.Lock()

    def rows(self, using="default", **values):
        """The queryset's rows for these argument values (a list)."""
        compiled = self.compiled(using, values)
        connection = connections[using]
        try:
            return self._run(compiled, connection, values)
        except NotSupportedError as error:
            # A migration changed a column this statement returns (a longer CharField):
            # PostgreSQL refuses the statement prepared before it until it is prepared again.
            if not _plan_is_stale(error, connection, compiled) or connection.in_atomic_block:
                raise  # in a transaction, the error has spoilt it: nothing to retry in
            return self._run(compiled, connection, values)  # prepared afresh (``_executing``)

    def _run(self, compiled, connection, values):
        sql, params = to_run(compiled, connection, values)

        def reading(compiler):
            compiler.as_sql = lambda *args, **kwargs: (sql, tuple(params))

        return read_rows(compiled, connection, reading)

    def page(self, offset, limit, using="default", **values):
        """Rows ``offset`` to ``offset + limit`` of the (ordered) queryset's rows: the
        window is a parameter (``LIMIT %s OFFSET %s``), so every page runs one statement."""
        return self.rows(using, **values, **{_LIMIT: limit, _OFFSET: offset})

    def compiles(self, using="default", paged=False, **values):
        """Compile for these values now (once per shape), so a caller can take another
        path if it cannot be prepared: raises ``ValueError`` as ``rows`` would."""
        if paged:
            values = {**values, _LIMIT: 0, _OFFSET: 0}
        self.compiled(using, values)

    def first(self, using="default", **values):
        """The first row, or None."""
        found = self.rows(using, **values)
        return found[0] if found else None

    def compiled(self, alias, values):
        """The query compiled for these values' shape (once per shape), as ``rows`` runs it."""
        key = (
            alias,
            _LIMIT in values,
            *(len(v) for v in values.values() if isinstance(v, (list, tuple))),
        )
        compiled = self._shapes.get(key)
        if compiled is None:
            compiled = self._compile(alias, values)
            with self._lock:  # threaded workers: one writer at a time
                self._shapes[key] = compiled
                while len(self._shapes) > MAX_SHAPES:
                    self._shapes.popitem(last=False)
        return compiled

    def _compile(self, alias, values):
        """Compile with two sets of sentinels: a parameter that is one argument's sentinel
        in both compilations is that argument's slot; one that stays the same is the
        query's own constant (even if it happens to equal a sentinel)."""
        connection = connections[alias]
        paged = _LIMIT in values
        values = {name: value for name, value in values.items() if name not in (_LIMIT, _OFFSET)}
        compiled = []
        for round_ in (0, 1):
            sentinels = _sentinels(values, round_)
            queryset = self.build(**sentinels).using(alias)
            compiler = queryset.query.get_compiler(using=alias)
            sql, params = compiler.as_sql()
            adapted = {
                key: _adapt(connection, value)
                for name, sentinel in sentinels.items()
                for key, value in _each(name, sentinel)
            }
            compiled.append((queryset, compiler, sql, params, adapted))
        (queryset, compiler, sql, params, first), (_, _, sql_2, params_2, second) = compiled
        if sql != sql_2 or len(params) != len(params_2):
            raise ValueError("prepared query: its SQL depends on the argument values")
        slots = tuple(
            (index, name, item)
            for index, (one, two) in enumerate(zip(params, params_2, strict=True))
            for (name, item), value in first.items()
            if _same(one, value) and _same(two, second[(name, item)])
        )
        missing = {name for name, _ in first} - {name for _, name, _ in slots}
        if missing:
            raise ValueError(
                f"prepared query: {', '.join(sorted(missing))} not found among the compiled "
                "parameters (a lookup that rewrites its value cannot be prepared)"
            )
        columns = [column for column, _, _ in compiler.select[: compiler.col_count]]
        converters = compiler.get_converters(columns)
        typed_by_columns = _where_parameters(compiler) == len(params)
        if self.constants_in_sql and typed_by_columns and _prepares_on_server(connection):
            sql, params, slots = _constants_in_sql(connection, sql, params, slots)
        if paged:
            query = queryset.query
            if query.low_mark or query.high_mark is not None or not query.order_by:
                raise ValueError("prepared query: a paged query must be ordered, not sliced")
            sql = f"{sql} LIMIT %s OFFSET %s"  # typed by their place: bigint
            slots += ((len(params), _LIMIT, None), (len(params) + 1, _OFFSET, None))
            params = (*params, 0, 0)
        return _Compiled(
            queryset, compiler, sql, tuple(params), slots, converters, typed_by_columns
        )


def to_run(compiled, connection, values):
    """The SQL to send for ``compiled`` (``EXECUTE`` where the server prepares it) and its
    parameters, these argument values in their slots."""
    params = list(compiled.params)
    for index, name, item in compiled.slots:
        value = values[name] if item is None else values[name][item]
        params[index] = _adapt(connection, value)
    sql = compiled.sql
    if compiled.typed_by_columns and _prepares_on_server(connection):
        sql = _executing(connection, compiled)
    return sql, params


def read_rows(compiled, connection, reading):
    """``compiled``'s queryset read as the ORM reads it (instances, ``select_related``,
    values), through a copy of its compiler that ``reading`` changes: to run other SQL
    (``as_sql``), or to hand it rows already fetched (``execute_sql``)."""
    compiler = copy.copy(compiled.compiler)
    compiler.connection = connection  # this thread's connection, not the compiling one's
    compiler.get_converters = lambda expressions: compiled.converters
    reading(compiler)
    query = copy.copy(compiled.queryset.query)
    query.get_compiler = lambda *args, **kwargs: compiler
    # A fresh queryset like the compiled one (copy.copy would run it: a queryset's
    # pickling state is its rows), reading through this run's compiler.
    queryset = object.__new__(type(compiled.queryset))
    queryset.__dict__.update(compiled.queryset.__dict__, _result_cache=None, _query=query)
    return list(queryset)


def _where_parameters(compiler):
    """How many parameters ``compiler``'s query compares in its WHERE clauses (those of
    each part of a UNION)."""
    query = compiler.query
    if query.combinator:
        return sum(
            len(compiler.compile(part.where)[1]) if part.where else 0
            for part in query.combined_queries
        )
    return len(compiler.compile(compiler.where)[1]) if compiler.where else 0


def _constants_in_sql(connection, sql, params, slots):
    """``sql`` with the query's constants (every parameter that is not an argument's slot)
    written in as literals, quoted by the driver; the slots renumbered.

    PostgreSQL plans a prepared statement afresh for its first five runs, then keeps one
    generic plan if that looks no dearer. A generic plan estimates ``state = $3`` as one
    state in three; written in, ``state = 'published'`` is estimated from the statistics
    (nearly every row). Without that the generic plan of a division's supported initiatives
    looked dearer than it is, and every view paid 0.33 ms of planning for it."""
    arguments = {index for index, _, _ in slots}
    kept, renumbered = [], {}
    places = iter(range(len(params)))
    connection.ensure_connection()
    with connection.connection.cursor() as cursor:

        def written(match):
            if match[0] == "%%":
                return "%%"
            index = next(places)
            if index in arguments:
                renumbered[index] = len(kept)
                kept.append(params[index])
                return "%s"
            return cursor.mogrify("%s", (params[index],)).decode().replace("%", "%%")

        sql = re.sub(r"%[s%]", written, sql)
    if next(places, None) is not None:
        raise ValueError("prepared query: fewer placeholders than parameters")
    slots = tuple((renumbered[index], name, item) for index, name, item in slots)
    return sql, tuple(kept), slots


_statement_numbers = itertools.count(1)
# Per open database connection (the driver's own object, so a reconnection starts afresh):
# {statement name: True (prepared), False (the server would not), or _STALE}.
_on_connection = weakref.WeakKeyDictionary()


def _prepares_on_server(connection):
    return connection.vendor == "postgresql" and settings.DATABASE_PREPARED_STATEMENTS


def _executing(connection, compiled):
    """``EXECUTE name(%s, …)`` for ``compiled``, preparing it on this connection the first
    time; its own SQL if the server would not prepare it."""
    connection.ensure_connection()
    prepared = _on_connection.setdefault(connection.connection, {})
    ready = prepared.get(compiled.name)
    if ready is None or ready == _STALE:
        ready = prepared[compiled.name] = _prepare(connection, compiled, ready == _STALE)
    if not ready:
        return compiled.sql
    if not compiled.params:
        return f"EXECUTE {compiled.name}"
    return f"EXECUTE {compiled.name}({', '.join(['%s'] * len(compiled.params))})"


_STALE = "stale"  # prepared, but its table has changed since: to be prepared again


def _plan_is_stale(error, connection, compiled):
    """Was ``error`` PostgreSQL refusing ``compiled``'s prepared statement because its table
    changed under it ("cached plan must not change result type")? Then the statement is
    marked to be dropped and prepared again on its next run."""
    cause = error.__cause__
    if getattr(cause, "pgcode", None) != "0A000" or "cached plan" not in str(cause):
        return False
    prepared = _on_connection.get(connection.connection) if connection.connection else None
    if not prepared or not prepared.get(compiled.name):
        return False
    prepared[compiled.name] = _STALE
    return True


def _prepare(connection, compiled, replacing=False):
    """PREPARE the statement (the driver's ``%s`` become ``$1``, ``$2``…), True if the
    server took it.

    Said through the driver's own cursor: a page's query log (and the tests counting its
    queries) shows the reads, not whether this connection had prepared them yet. A prepared
    statement outlives a rollback, so a transaction's fate does not matter; a refusal (a
    parameter whose type the server cannot tell) is undone to a savepoint, so it cannot
    spoil a transaction it happened in."""
    numbers = itertools.count(1)
    sql = re.sub(r"%[s%]", lambda m: "%" if m[0] == "%%" else f"${next(numbers)}", compiled.sql)
    in_transaction = connection.in_atomic_block
    with connection.connection.cursor() as cursor:
        if in_transaction:
            cursor.execute("SAVEPOINT preparing_statement")
        try:
            if replacing:
                cursor.execute(f"DEALLOCATE {compiled.name}")
            cursor.execute(f"PREPARE {compiled.name} AS {sql}")
        except connection.Database.Error:
            if in_transaction:
                cursor.execute("ROLLBACK TO SAVEPOINT preparing_statement")
            return False
        if in_transaction:
            cursor.execute("RELEASE SAVEPOINT preparing_statement")
    return True


def _same(param, value):
    return type(param) is type(value) and param == value


def _each(name, sentinel):
    """``((name, None), sentinel)``, or for a list ``((name, i), item)`` for each item."""
    if isinstance(sentinel, list):
        return [((name, item), each) for item, each in enumerate(sentinel)]
    return [((name, None), sentinel)]


def _sentinels(values, round_):
    counter = itertools.count(1 + 500 * round_)
    sentinels = {}
    for name, value in values.items():
        if isinstance(value, (list, tuple)):
            sentinels[name] = [_sentinel(v, next(counter)) for v in value]
        else:
            sentinels[name] = _sentinel(value, next(counter))
    return sentinels


def _sentinel(value, n):
    """A stand-in of ``value``'s type, the ``n``-th. Ints stay small and positive: Django
    answers a lookup with a value outside a field's range (a negative id, more than a
    small integer holds) without compiling it."""
    if isinstance(value, bool):
        raise ValueError("prepared query: a boolean argument cannot be told from a constant")
    if isinstance(value, int):
        return _SENTINEL_INT + n
    if isinstance(value, str):
        return f"\x00prepared-argument-{n}\x00"
    if isinstance(value, datetime.datetime):
        return datetime.datetime(1901, 2, 3, 4, 5, n % 60, n, tzinfo=datetime.UTC)
    if isinstance(value, datetime.date):
        return _SENTINEL_DAY + datetime.timedelta(days=n)
    raise ValueError(f"prepared query: cannot stand in for a {type(value).__name__}")


def _adapt(connection, value):
    """The value as the ORM hands it to the database driver."""
    operations = connection.ops
    if isinstance(value, datetime.datetime):
        return operations.adapt_datetimefield_value(value)
    if isinstance(value, datetime.date):
        return operations.adapt_datefield_value(value)
    return value


_by_key = {}  # key -> PreparedQuery, for queries whose shape depends on their caller


def prepared_for(key, build):
    """The prepared query kept under ``key`` (hashable, naming the query and whatever fixes
    its shape: a model, a link table), made from ``build`` the first time it is asked for."""
    prepared = _by_key.get(key)
    if prepared is None:
        prepared = _by_key.setdefault(key, PreparedQuery(build))
    return prepared
