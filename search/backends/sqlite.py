"""SQLite: an FTS5 table over the documents (external content, kept in step by triggers),
bm25 with the same column weights as PostgreSQL's A-D, highlight() and snippet(), prefix
queries; typos by pg_trgm's similarity measure, computed here.

Filters: a table of (facet key, kind, title, id), kept in step by triggers too, is what a
listing without words reads, in order, from the filter with the fewest documents.
Broad queries are sampled and ranked in blocks (``sampling``); here, the estimate of how many
documents match is FTS5's own count of the matches (milliseconds, even for all of them), or
the size of a filter narrower than that, which is then tested on each match from that table.
"""

import math

from search.backends.base import (
    ARCHIVED,
    SIMILARITY_THRESHOLD,
    TABLE,
    TERMS_TABLE,
    SearchBackend,
    kind_order_sql,
)
from search.highlight import MARK_END, MARK_START
from search.typos import similarities

FTS = f"{TABLE}_fts"
COLUMNS = "title, summary, body, keywords"
BM25 = f"bm25({FTS}, 10.0, 4.0, 2.0, 1.0)"
MARKS = f"'{MARK_START}', '{MARK_END}'"
FACETS = f"{TABLE}_facet"
DRIVER_COUNT_CAP = 5_000  # enough to tell a narrow filter from a broad one


def values(prefix):
    return ", ".join(f"{prefix}.{c.strip()}" for c in COLUMNS.split(","))


def facet_rows(row):
    """The facet table's rows of document ``row`` (``new`` or ``old`` in a trigger)."""
    return (
        f"SELECT value, {kind_order_sql(f'{row}.kind')}, {row}.title, {row}.id "
        f"FROM json_each({row}.facets)"
    )


# Every facet key with its documents in listing order (divisions first, then by title), so a
# filter's documents are read in order from its key. Triggers keep it in step with the index.
FACET_SQL = (
    f"CREATE TABLE IF NOT EXISTS {FACETS} (key TEXT NOT NULL, position INTEGER NOT NULL, "
    "title TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (key, position, title, id)) "
    "WITHOUT ROWID",
    f"CREATE TRIGGER IF NOT EXISTS {FACETS}_insert AFTER INSERT ON {TABLE} BEGIN "
    f"INSERT OR IGNORE INTO {FACETS} {facet_rows('new')}; END",
    f"CREATE TRIGGER IF NOT EXISTS {FACETS}_delete AFTER DELETE ON {TABLE} BEGIN "
    f"DELETE FROM {FACETS} WHERE (key, position, title, id) IN ({facet_rows('old')}); END",
    f"CREATE TRIGGER IF NOT EXISTS {FACETS}_update AFTER UPDATE OF kind, title, facets "
    f"ON {TABLE} BEGIN "
    f"DELETE FROM {FACETS} WHERE (key, position, title, id) IN ({facet_rows('old')}); "
    f"INSERT OR IGNORE INTO {FACETS} {facet_rows('new')}; END",
    # Rows written before the table existed (or by a table rebuild) are listed too.
    f"DELETE FROM {FACETS}",
    f"INSERT OR IGNORE INTO {FACETS} SELECT f.value, {kind_order_sql()}, d.title, d.id "
    f"FROM {TABLE} d, json_each(d.facets) AS f",
)
UNDO_FACET_SQL = (
    f"DROP TRIGGER IF EXISTS {FACETS}_update",
    f"DROP TRIGGER IF EXISTS {FACETS}_delete",
    f"DROP TRIGGER IF EXISTS {FACETS}_insert",
    f"DROP TABLE IF EXISTS {FACETS}",
)


class SQLiteBackend(SearchBackend):
    vendor = "sqlite"
    facet_rows_sql = "JOIN json_each(d.facets) AS f"
    install_sql = (
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5({COLUMNS}, content='{TABLE}', "
        "content_rowid='id', tokenize='porter unicode61 remove_diacritics 0')",
        f"CREATE TRIGGER IF NOT EXISTS {FTS}_insert AFTER INSERT ON {TABLE} BEGIN "
        f"INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.id, {values('new')}); END",
        f"CREATE TRIGGER IF NOT EXISTS {FTS}_delete AFTER DELETE ON {TABLE} BEGIN "
        f"INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', old.id, {values('old')}); "
        "END",
        f"CREATE TRIGGER IF NOT EXISTS {FTS}_update AFTER UPDATE OF {COLUMNS} ON {TABLE} BEGIN "
        f"INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', old.id, {values('old')}); "
        f"INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.id, {values('new')}); END",
        # Rows written before the table existed (or by a table rebuild) are indexed too.
        f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
        *FACET_SQL,
    )
    uninstall_sql = (
        *UNDO_FACET_SQL,
        f"DROP TRIGGER IF EXISTS {FTS}_update",
        f"DROP TRIGGER IF EXISTS {FTS}_delete",
        f"DROP TRIGGER IF EXISTS {FTS}_insert",
        f"DROP TABLE IF EXISTS {FTS}",
    )

    @staticmethod
    def term_expression(term):
        # Words are letters and digits only, so a quoted word is always one FTS5 string.
        if term.anywhere:
            return "(" + " AND ".join(f'"{word}"' for word in term.words) + ")"
        return f'"{term.text}"' + ("*" if term.prefix else "")

    def clause_expression(self, clause):
        terms = [self.term_expression(term) for term in clause.alternatives]
        return terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"

    def match_expression(self, query):
        groups = [
            " AND ".join(self.clause_expression(c) for c in group)
            for group in self.clause_groups(query)
        ]
        return groups[0] if len(groups) == 1 else " OR ".join(f"({g})" for g in groups)

    def marking_expression(self, query):
        """What marks the matched words: with only some clauses needed, any of them."""
        if query.needs_all:
            return self.match_expression(query)
        return " OR ".join(self.clause_expression(c) for c in query.clauses)

    def coverage_sql(self, query):
        # Each clause's matches are read once (FTS5 answers the subquery as a set), and only
        # among the documents the search reads (``match_expression``): the same answer for
        # those, but a set of a few hundred rather than of every document with a common
        # word (a set is built row by row: 18 ms for the six-word question's, 4 ms so).
        search = self.match_expression(query)
        parts = [f"({FTS}.rowid IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s))"] * len(
            query.clauses
        )
        params = [f"({self.clause_expression(c)}) AND ({search})" for c in query.clauses]
        return "(" + " + ".join(parts) + ")", params

    @staticmethod
    def archived_sql(filters):
        if not filters.current_only:
            return "", []
        return " AND NOT EXISTS (SELECT 1 FROM json_each(d.facets) WHERE value = %s)", [ARCHIVED]

    def from_sql(self, query):
        if query:  # from the matches, each joined to its document
            return f"{FTS} CROSS JOIN {TABLE} d ON d.id = {FTS}.rowid"
        return f"{TABLE} d"

    def __init__(self, connection):
        super().__init__(connection)
        self.narrowings = {}

    def match_where_sql(self, query, filters, now):
        return self.where_sql(query, filters, now, plan=False)

    def where_sql(self, query, filters, now, buckets=None, estimate=0, plan=True):
        """``plan``: read a narrow filter from the facet table (which needs FTS5's count of
        the matches, one more query); else every filter is tested on each match."""
        sql, params = self.live_sql(now)
        narrowest = None
        if query:
            sql += f" AND {FTS} MATCH %s"
            params.append(self.match_expression(query))
            if plan and filters:
                narrowest = self.narrowing(query, filters)[1]
        if query and not query.needs_all and query.min_match > 1 and query.by_candidates():
            coverage, coverage_params = self.coverage_sql(query)
            sql += f" AND {coverage} >= %s"
            params += [*coverage_params, query.min_match]
        for key in filters.facet_keys():
            if key == narrowest:
                # Tested on each match before its document is read (the + keeps FTS5 from
                # being asked once per id): a filter narrower than the words costs little.
                sql += f" AND +{FTS}.rowid IN (SELECT id FROM {FACETS} WHERE key = %s)"
            else:
                sql += " AND EXISTS (SELECT 1 FROM json_each(d.facets) WHERE value = %s)"
            params.append(key)
        archived, archived_params = self.archived_sql(filters)
        sql += archived
        params += archived_params
        if buckets is not None:
            bucket_sql, bucket_params = self.bucket_range_sql(f"{FTS}.rowid", buckets)
            sql += bucket_sql
            params += bucket_params
        return sql, params

    def narrowing(self, query, filters):
        """``(matches, key, documents)``: FTS5's count of the matches (live or not, in the
        filters or not), and the filter with the fewest documents if that is fewer still
        (else ``(matches, None, matches)``). Asked once per search."""
        expression = self.match_expression(query)
        if (expression, filters) not in self.narrowings:
            rows = self.fetch(f"SELECT count(*) FROM {FTS} WHERE {FTS} MATCH %s", [expression])
            matches = rows[0][0]
            key, documents = None, matches
            if filters:
                smallest, size = self.smallest_facet(filters.facet_keys(), cap=matches)
                if size < matches:
                    key, documents = smallest, size
            self.narrowings[(expression, filters)] = (matches, key, documents)
        return self.narrowings[(expression, filters)]

    def estimate(self, query, filters, now):
        """An upper bound: the matches, or the narrowest filter's documents if fewer (a
        sample that then finds few is taken again, larger; see ``sampled_facets``)."""
        return self.narrowing(query, filters)[2]

    def smallest_facet(self, keys, cap):
        """``(key, documents)`` of the key with the fewest documents, counted up to ``cap``
        (an index range each). On a tie, a division or topic before the type."""
        counts = " UNION ALL ".join(
            f"SELECT %s, (SELECT count(*) FROM (SELECT 1 FROM {FACETS} WHERE key = %s LIMIT %s))"
            for _ in keys
        )
        sizes = dict(self.fetch(counts, [p for key in keys for p in (key, key, cap)]))
        smallest = min(reversed(keys), key=sizes.get)
        return smallest, sizes[smallest]

    def filtered_sql(self, filters, now):
        """Filters without words: read from the smallest filter's keys, in listing order,
        each checked for being live and in the other filters."""
        keys = filters.facet_keys()
        driver = keys[0] if len(keys) == 1 else self.smallest_facet(keys, DRIVER_COUNT_CAP)[0]
        others = [key for key in keys if key != driver]
        live, params = self.live_sql(now)
        where = f"k.key = %s AND {live}"
        where += " AND EXISTS (SELECT 1 FROM json_each(d.facets) WHERE value = %s)" * len(others)
        archived, archived_params = self.archived_sql(filters)
        return (
            f"{FACETS} k CROSS JOIN {TABLE} d ON d.id = k.id",
            where + archived,
            [driver, *params, *others, *archived_params],
        )

    def facet_count_sql(self, query, filters, now, buckets=None, estimate=0):
        if query or not filters:
            return super().facet_count_sql(query, filters, now, buckets, estimate)
        tables, where, params = self.filtered_sql(filters, now)
        return (
            f"SELECT f.value, count(*) FROM {tables} {self.facet_rows_sql} WHERE {where} "
            "GROUP BY f.value",
            params,
        )

    def listing(self, filters, now, offset, limit):
        tables, where, params = self.filtered_sql(filters, now)
        rows = self.fetch(
            "SELECT d.id, d.kind, d.object_id, d.url, d.facets, d.title, d.summary, d.body "
            f"FROM {tables} WHERE {where} ORDER BY k.position, k.title, k.id LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
        return self.hits(rows)

    def rank_order_sql(self, query):
        return BM25, []

    def marked_up(self, query, ids):
        # Without a prefix, FTS5 looks each id up (its words' lists are set up in
        # microseconds); with one, once over the matches between the first and last id (a
        # prefix's set-up, every word it begins merged, costs a millisecond or more a time:
        # the unary + keeps the IN list out of FTS5). Across a broad query's matches, that
        # pass is several milliseconds, the lookups well under one.
        placeholders = ", ".join(["%s"] * len(ids))
        if any(term.prefix for clause in query.clauses for term in clause.alternatives):
            where = f"{FTS}.rowid BETWEEN %s AND %s AND +{FTS}.rowid IN ({placeholders})"
            params = [min(ids), max(ids), *ids]
        else:
            where, params = f"{FTS}.rowid IN ({placeholders})", list(ids)
        rows = self.fetch(
            "SELECT d.id, d.kind, d.object_id, d.url, d.facets, "
            f"highlight({FTS}, 0, {MARKS}), "
            f"snippet({FTS}, 1, {MARKS}, ' … ', 24), "
            f"snippet({FTS}, 2, {MARKS}, ' … ', 24) "
            f"FROM {self.from_sql(query)} WHERE {FTS} MATCH %s AND {where}",
            [self.marking_expression(query), *params],
        )
        position = {pk: n for n, pk in enumerate(ids)}
        return self.hits(sorted(rows, key=lambda row: position[row[0]]))

    def finds(self, term):
        rows = self.fetch(
            f"SELECT EXISTS (SELECT 1 FROM {FTS} WHERE {FTS} MATCH %s)",
            [self.term_expression(term)],
        )
        return bool(rows[0][0])

    def has_facet(self, key):
        rows = self.fetch(f"SELECT EXISTS (SELECT 1 FROM {FACETS} WHERE key = %s)", [key])
        return bool(rows[0][0])

    def similar_word(self, word):
        # Only lengths that can reach the threshold: similarity <= (shorter + 1) / (longer + 1).
        shortest = math.ceil(SIMILARITY_THRESHOLD * (len(word) + 1) - 1)
        longest = math.floor((len(word) + 1) / SIMILARITY_THRESHOLD - 1)
        rows = self.fetch(
            f"SELECT word, documents FROM {TERMS_TABLE} WHERE length(word) BETWEEN %s AND %s",
            [shortest, longest],
        )
        others = [(w, n) for w, n in rows if w != word]
        scores = similarities(word, [w for w, _ in others])
        scored = [
            (score, n, w)
            for score, (w, n) in zip(scores, others, strict=True)
            if score >= SIMILARITY_THRESHOLD
        ]
        if not scored:
            return None
        return min(scored, key=lambda s: (-s[0], -s[1], s[2]))[2]

    def is_installed(self):
        names = [FTS, f"{FTS}_insert", f"{FTS}_delete", f"{FTS}_update"]
        names += [FACETS, f"{FACETS}_insert", f"{FACETS}_delete", f"{FACETS}_update"]
        rows = self.fetch(
            f"SELECT count(*) FROM sqlite_master WHERE name IN ({', '.join(['%s'] * 8)})",
            names,
        )
        return rows[0][0] == len(names)

    def optimise(self):
        with self.connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')")
