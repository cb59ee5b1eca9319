"""Several prepared queries (``caching.prepared_queries``) read by one statement: a page's
small reads of one item (an initiative's milestones, indicators, documents and links) in
one round trip to the database instead of one each.

Each statement has a cost of its own, whatever it reads. Measured on the 100,000-initiative
benchmark database (PostgreSQL, one connection, a tight loop): a prepared ``SELECT 1`` took
0.054 ms of the server's CPU, 0.04 ms in the driver and ~0.05 ms in Django's cursor and row
reading; an initiative's page ran seven statements where the 50-row reference view runs one.

    PAGE = FoldedQuery(milestones=MILESTONES, documents=DOCUMENTS)
    rows = PAGE.rows(pk=initiative.pk, now=timezone.now())
    rows["milestones"], rows["documents"]  # each as its own PreparedQuery reads it

Each part is compiled by its ``PreparedQuery`` as it would be alone, and given an argument
only if its ``build`` names it. Each part's SQL becomes a named subquery (``WITH``, which
PostgreSQL and SQLite inline when it is used once) and a branch of a ``UNION ALL``: a row
holds its part's number, then columns the parts share by type, ``NULL`` (cast to the type)
in those a part does not use. Each part keeps its own order (and its slice) by a window's
row number over that order, its "place", so the rows need no order from the union; Python
sorts them. Each part's rows are then read by the ORM as its own query's would be
(instances, ``select_related``, values, converters), through its own compiler.

On PostgreSQL the statement is prepared on the server as a ``PreparedQuery`` is, when every
part's parameters are compared in its WHERE clause.
"""

import inspect
import re
import threading
from collections import OrderedDict
from operator import itemgetter

from django.db import NotSupportedError, connections
from django.db.models import BigIntegerField, F, Window
from django.db.models.functions import RowNumber
from django.db.models.query import ValuesListIterable

from .prepared_queries import (
    MAX_SHAPES,
    PreparedQuery,
    _Compiled,
    _plan_is_stale,
    read_rows,
    to_run,
)

PLACE = "folded_place"  # the window's annotation: a row's place in its part's order


class FoldedQuery:
    def __init__(self, **parts):
        """``parts``: name -> ``PreparedQuery`` (unsliced or sliced, ordered or not; no
        union, no ``distinct()``)."""
        self.parts = parts
        self._arguments = {
            name: tuple(inspect.signature(part.build).parameters) for name, part in parts.items()
        }
        # The same query with its place: what the folded statement runs.
        self._placed = {
            name: PreparedQuery(_placed(part.build), part.constants_in_sql)
            for name, part in parts.items()
        }
        self._folds = OrderedDict()  # (alias, the parts' compiled shapes) -> _Fold
        self._lock = threading.Lock()

    def rows(self, using="default", **values):
        """``{part name: its rows}`` for these argument values."""
        connection = connections[using]
        fold = self._fold(using, values)
        try:
            fetched = self._run(fold, connection, values)
        except NotSupportedError as error:  # a migration changed a column: see PreparedQuery
            if not _plan_is_stale(error, connection, fold.statement) or connection.in_atomic_block:
                raise
            fetched = self._run(fold, connection, values)
        return self._read(fold, connection, fetched)

    def _run(self, fold, connection, values):
        sql, params = to_run(fold.statement, connection, values)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _read(self, fold, connection, fetched):
        mine = [[] for _ in fold.parts]
        for row in fetched:
            mine[row[0]].append(row)
        found = {}
        for (name, reader, place, own, plain), rows in zip(fold.parts, mine, strict=True):
            # Nothing to read: without the ORM's reading (~200,000 instructions a part, counted
            # by callgrind on an initiative's page, where most parts are usually empty).
            if not rows:
                found[name] = []
                continue
            rows.sort(key=itemgetter(place))
            if plain:  # values_list() of columns that need no converting: the tuples as fetched
                found[name] = [own(row) for row in rows]
            else:
                found[name] = read_rows(reader, connection, _handing([own(row) for row in rows]))
        return found

    def _fold(self, alias, values):
        compiled = []
        for name, part in self.parts.items():
            own = {key: values[key] for key in self._arguments[name]}
            compiled.append(
                (name, part.compiled(alias, own), self._placed[name].compiled(alias, own))
            )
        key = (alias, *(id(each) for _, reader, placed in compiled for each in (reader, placed)))
        fold = self._folds.get(key)
        if fold is None or not fold.made_of(compiled):
            fold = _fold(connections[alias], compiled)
            with self._lock:  # threaded workers: one writer at a time
                self._folds[key] = fold
                while len(self._folds) > MAX_SHAPES:
                    self._folds.popitem(last=False)
        return fold


class _Fold:
    def __init__(self, sources, statement, parts):
        self.sources = sources  # [(name, compiled, placed compiled)], what it was made of
        self.statement = statement  # a _Compiled without a queryset: the folded SQL
        # [(name, reader, the place's column, its own columns' getter, plain tuples?)]
        self.parts = parts

    def made_of(self, compiled):
        """Was it folded from these very compilations (not others since given their ids)?"""
        return all(
            a is c and b is d for (_, a, b), (_, c, d) in zip(self.sources, compiled, strict=True)
        )


def _fold(connection, compiled):
    """One statement for the ``compiled`` parts. A row's columns after the part's number
    are shared by the parts, by type: a part takes the first free ones of each of its
    columns' types (a row is as wide as the widest part of each type, not as all parts
    together: an initiative's page reads 58 columns a row rather than 324)."""
    types, free_by_type, layouts = [], {}, []
    for _, _, placed in compiled:
        taken, layout = {}, []
        for column in _columns(placed):
            kind = _db_type(connection, column)
            pool = free_by_type.setdefault(kind, [])
            nth = taken[kind] = taken.get(kind, -1) + 1
            if nth == len(pool):
                pool.append(1 + len(types))
                types.append(kind)
            layout.append(pool[nth])
        layouts.append(layout)
    ctes, branches, params, slots, parts = [], [], [], [], []
    for number, ((name, reader, placed), layout) in enumerate(zip(compiled, layouts, strict=True)):
        # Named columns (c0, c1…): a part's own may repeat a name (``id`` of two tables).
        names = [f"c{index}" for index in range(len(layout))]
        ctes.append(f"folded_{number}({', '.join(names)}) AS ({placed.sql})")
        mine = dict(zip(layout, names, strict=True))
        columns = [
            mine.get(position) or f"CAST(NULL AS {kind})"
            for position, kind in enumerate(types, start=1)
        ]
        branches.append(f"SELECT {number}, {', '.join(columns)} FROM folded_{number}")
        slots += [(len(params) + index, arg, item) for index, arg, item in placed.slots]
        params += placed.params
        place = _place_column(name, reader, placed)
        own = layout[:place] + layout[place + 1 :]
        # A tuple of the part's own columns, in its reader's order.
        parts.append(
            (
                name,
                reader,
                layout[place],
                itemgetter(*own) if len(own) > 1 else (lambda row, at=own[0]: (row[at],)),
                _plain_tuples(reader),
            )
        )
    statement = _Compiled(
        queryset=None,
        compiler=None,
        sql=f"WITH {', '.join(ctes)} {' UNION ALL '.join(branches)}",
        params=tuple(params),
        slots=tuple(slots),
        converters={},
        typed_by_columns=all(placed.typed_by_columns for _, _, placed in compiled),
    )
    return _Fold(compiled, statement, parts)


def _plain_tuples(reader):
    """Are ``reader``'s rows the tuples fetched, as they are: ``values_list()`` of model
    columns (no annotations, which the ORM would move) that need no converting?"""
    query = reader.queryset.query
    return (
        reader.queryset._iterable_class is ValuesListIterable
        and not reader.converters
        and not query.annotation_select
        and not query.extra_select
    )


def _columns(compiled):
    return [column for column, _, _ in compiled.compiler.select[: compiled.compiler.col_count]]


def _db_type(connection, column):
    """The column's type without its size (``varchar(200)`` is ``varchar``): PostgreSQL
    runs a union of one type per column as one flat append, whatever the sizes. Its own
    type, not the one Django casts to (SQLite casts dates and times alike to ``TEXT``):
    SQLite converts a union's column by the type of its first branch's, so a date must not
    share a column with a datetime."""
    db_type = column.output_field.db_type(connection)
    if db_type is None:
        raise ValueError(f"folded query: no column type for {column!r}")
    return re.sub(r"\(.*\)", "", db_type).strip()


def _place_column(name, reader, placed):
    """Where the place is among ``placed``'s columns; every other column must be
    ``reader``'s, in its order, for ``reader`` to read the rows."""
    place = placed.compiler.annotation_col_map[PLACE]
    mine = [sql for _, (sql, _), _ in placed.compiler.select[: placed.compiler.col_count]]
    theirs = [sql for _, (sql, _), _ in reader.compiler.select[: reader.compiler.col_count]]
    if mine[:place] + mine[place + 1 :] != theirs:
        raise ValueError(f"folded query: {name}'s columns move when it is placed")
    return place


def _placed(build):
    """``build`` whose queryset also selects each row's place in its order."""

    def placed(**values):
        queryset = build(**values)
        query = queryset.query
        if query.combinator or query.distinct:
            raise ValueError("folded query: a part cannot be a union or distinct")
        if query.order_by:
            order = list(query.order_by)
        elif query.default_ordering and query.get_meta().ordering:
            order = list(query.get_meta().ordering)
        else:
            order = []
        if "?" in order:
            raise ValueError("folded query: a part cannot be in random order")
        low, high = query.low_mark, query.high_mark
        queryset = queryset.all()
        queryset.query.clear_limits()
        # bigint, as the database numbers rows: a column of one type in every branch lets
        # PostgreSQL run the union as one flat append.
        window = Window(
            RowNumber(output_field=BigIntegerField()),
            order_by=[*order, F("pk").asc()] if order else None,
        )
        queryset = queryset.annotate(**{PLACE: window})
        queryset.query.set_limits(low, high)
        return queryset

    return placed


def _handing(rows):
    """A compiler change (``read_rows``) that hands it ``rows`` instead of running SQL."""

    def reading(compiler):
        compiler.execute_sql = lambda *args, **kwargs: [rows]

    return reading
