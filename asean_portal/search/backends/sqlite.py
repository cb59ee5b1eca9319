"""SQLite: an FTS5 table over the documents (external content, kept in step by triggers),
bm25 with the same column weights as PostgreSQL's A-D, highlight() and snippet(), prefix
queries; typos by pg_trgm's similarity measure, computed here."""

import math

from ..highlight import MARK_END, MARK_START
from ..typos import similarity
from .base import (
    SIMILARITY_THRESHOLD,
    TABLE,
    TERMS_TABLE,
    SearchBackend,
)

FTS = f"{TABLE}_fts"
COLUMNS = "title, summary, body, keywords"
BM25 = f"bm25({FTS}, 10.0, 4.0, 2.0, 1.0)"
MARKS = f"'{MARK_START}', '{MARK_END}'"


def values(prefix):
    return ", ".join(f"{prefix}.{c.strip()}" for c in COLUMNS.split(","))


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
    )
    uninstall_sql = (
        f"DROP TRIGGER IF EXISTS {FTS}_update",
        f"DROP TRIGGER IF EXISTS {FTS}_delete",
        f"DROP TRIGGER IF EXISTS {FTS}_insert",
        f"DROP TABLE IF EXISTS {FTS}",
    )

    @staticmethod
    def term_expression(term):
        # Words are letters and digits only, so a quoted word is always one FTS5 string.
        return f'"{term.text}"' + ("*" if term.prefix else "")

    def match_expression(self, query):
        clauses = []
        for clause in query.clauses:
            terms = [self.term_expression(term) for term in clause.alternatives]
            clauses.append(terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")")
        return " AND ".join(clauses)

    def where_sql(self, query, filters, now):
        sql, params = self.live_sql(now)
        if query:
            sql += f" AND d.id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)"
            params.append(self.match_expression(query))
        for key in filters.facet_keys():
            sql += " AND EXISTS (SELECT 1 FROM json_each(d.facets) WHERE value = %s)"
            params.append(key)
        return sql, params

    def ranked_page(self, query, filters, now, offset, limit):
        # The match itself joins the FTS table below, so only the other conditions here.
        where, params = self.where_sql(None, filters, now)
        match = self.match_expression(query)
        # Rank every match, then mark up only the rows on the page.
        rows = self.fetch(
            f"WITH top AS (SELECT d.id, d.title, {BM25} AS score FROM {FTS} "
            f"  JOIN {TABLE} d ON d.id = {FTS}.rowid "
            f"  WHERE {FTS} MATCH %s AND {where} "
            "  ORDER BY score, d.title, d.id LIMIT %s OFFSET %s) "
            "SELECT d.id, d.kind, d.object_id, d.url, d.facets, "
            f"highlight({FTS}, 0, {MARKS}), "
            f"snippet({FTS}, 1, {MARKS}, ' … ', 24), "
            f"snippet({FTS}, 2, {MARKS}, ' … ', 24) "
            f"FROM top JOIN {FTS} ON {FTS}.rowid = top.id JOIN {TABLE} d ON d.id = top.id "
            f"WHERE {FTS} MATCH %s ORDER BY top.score, top.title, top.id",
            [match, *params, limit, offset, match],
        )
        return self.hits(rows)

    def finds(self, term):
        rows = self.fetch(
            f"SELECT EXISTS (SELECT 1 FROM {FTS} WHERE {FTS} MATCH %s)",
            [self.term_expression(term)],
        )
        return bool(rows[0][0])

    def similar_word(self, word):
        # Only lengths that can reach the threshold: similarity <= (shorter + 1) / (longer + 1).
        shortest = math.ceil(SIMILARITY_THRESHOLD * (len(word) + 1) - 1)
        longest = math.floor((len(word) + 1) / SIMILARITY_THRESHOLD - 1)
        rows = self.fetch(
            f"SELECT word, documents FROM {TERMS_TABLE} WHERE length(word) BETWEEN %s AND %s",
            [shortest, longest],
        )
        scored = [(similarity(word, w), n, w) for w, n in rows if w != word]
        scored = [s for s in scored if s[0] >= SIMILARITY_THRESHOLD]
        if not scored:
            return None
        return min(scored, key=lambda s: (-s[0], -s[1], s[2]))[2]

    def is_installed(self):
        rows = self.fetch(
            "SELECT count(*) FROM sqlite_master WHERE name IN (%s, %s, %s, %s)",
            [FTS, f"{FTS}_insert", f"{FTS}_delete", f"{FTS}_update"],
        )
        return rows[0][0] == 4

    def optimise(self):
        with self.connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')")
