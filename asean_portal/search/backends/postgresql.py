"""PostgreSQL: a weighted tsvector the database keeps current (a stored generated column),
a GIN index on it and on the facet keys, ts_rank, ts_headline, and pg_trgm for typos."""

import json

from ..highlight import MARK_END, MARK_START
from .base import (
    SIMILARITY_THRESHOLD,
    TABLE,
    TERMS_TABLE,
    SearchBackend,
)

CONFIG = "english"
VECTOR = " || ".join(
    f"setweight(to_tsvector('{CONFIG}'::regconfig, coalesce({column}, '')), '{weight}')"
    for column, weight in (("title", "A"), ("summary", "B"), ("body", "C"), ("keywords", "D"))
)
TITLE_OPTIONS = f'StartSel="{MARK_START}", StopSel="{MARK_END}", HighlightAll=true'
SNIPPET_OPTIONS = (
    f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=30, MinWords=12, '
    'ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "'
)


class PostgreSQLBackend(SearchBackend):
    vendor = "postgresql"
    facet_rows_sql = "CROSS JOIN LATERAL jsonb_array_elements_text(d.facets) AS f(value)"
    install_sql = (
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS search_vector tsvector "
        f"GENERATED ALWAYS AS ({VECTOR}) STORED",
        # Keep the vector in the row, uncompressed, where every match reads it; when a row
        # outgrows a page's share, the body (read for 20 snippets at most) moves out instead.
        f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE MAIN, "
        "ALTER COLUMN body SET STORAGE EXTERNAL",
        f"CREATE INDEX IF NOT EXISTS searchdocument_vector_gin ON {TABLE} "
        "USING gin (search_vector)",
        f"CREATE INDEX IF NOT EXISTS searchdocument_facets_gin ON {TABLE} "
        "USING gin (facets jsonb_path_ops)",
        f"CREATE INDEX IF NOT EXISTS searchterm_word_trgm ON {TERMS_TABLE} "
        "USING gin (word gin_trgm_ops)",
    )
    uninstall_sql = (
        "DROP INDEX IF EXISTS searchterm_word_trgm",
        "DROP INDEX IF EXISTS searchdocument_facets_gin",
        "DROP INDEX IF EXISTS searchdocument_vector_gin",
        f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
    )

    @staticmethod
    def term_sql(term):
        if term.is_phrase:
            return f"phraseto_tsquery('{CONFIG}', %s)", [term.text]
        if term.prefix:
            # Words are letters and digits only; quoted, they are one operand.
            return f"to_tsquery('{CONFIG}', %s)", [f"'{term.words[0]}':*"]
        return f"plainto_tsquery('{CONFIG}', %s)", [term.words[0]]

    def tsquery_sql(self, query):
        clauses, params = [], []
        for clause in query.clauses:
            terms = [self.term_sql(term) for term in clause.alternatives]
            clauses.append("(" + " || ".join(sql for sql, _ in terms) + ")")
            params += [p for _, term_params in terms for p in term_params]
        return " && ".join(clauses), params

    def where_sql(self, query, filters, now):
        sql, params = self.live_sql(now)
        if query:
            tsquery, tsquery_params = self.tsquery_sql(query)
            sql += f" AND d.search_vector @@ ({tsquery})"
            params += tsquery_params
        if filters:
            sql += " AND d.facets @> %s::jsonb"
            params.append(json.dumps(filters.facet_keys()))
        return sql, params

    def ranked_page(self, query, filters, now, offset, limit):
        where, params = self.where_sql(query, filters, now)
        tsquery, tsquery_params = self.tsquery_sql(query)
        rows = self.fetch(
            "SELECT d.id, d.kind, d.object_id, d.url, d.facets, "
            f"ts_headline('{CONFIG}', d.title, {tsquery}, %s), "
            f"ts_headline('{CONFIG}', d.summary, {tsquery}, %s), "
            f"ts_headline('{CONFIG}', d.body, {tsquery}, %s) "
            f"FROM (SELECT d.id, d.title, ts_rank(d.search_vector, {tsquery}) AS rank "
            f"      FROM {TABLE} d WHERE {where} "
            "      ORDER BY rank DESC, d.title, d.id LIMIT %s OFFSET %s) AS top "
            f"JOIN {TABLE} d ON d.id = top.id "
            "ORDER BY top.rank DESC, top.title, top.id",
            [
                *tsquery_params,
                TITLE_OPTIONS,
                *tsquery_params,
                SNIPPET_OPTIONS,
                *tsquery_params,
                SNIPPET_OPTIONS,
                *tsquery_params,
                *params,
                limit,
                offset,
            ],
        )
        return self.hits(rows)

    def finds(self, term):
        # A count, not EXISTS: planned for the first row, EXISTS scans the whole table when
        # the term is in no document, the very case this is asked for.
        sql, params = self.term_sql(term)
        rows = self.fetch(f"SELECT count(*) FROM {TABLE} d WHERE d.search_vector @@ {sql}", params)
        return rows[0][0] > 0

    def similar_word(self, word):
        rows = self.fetch(
            f"SELECT word FROM {TERMS_TABLE} WHERE word %% %s AND similarity(word, %s) >= %s "
            "ORDER BY similarity(word, %s) DESC, documents DESC, word LIMIT 1",
            [word, word, SIMILARITY_THRESHOLD, word],
        )
        return rows[0][0] if rows else None

    def is_installed(self):
        rows = self.fetch(
            "SELECT count(*) FROM pg_indexes WHERE indexname IN "
            "('searchdocument_vector_gin', 'searchdocument_facets_gin', 'searchterm_word_trgm')",
            [],
        )
        return rows[0][0] == 3

    def optimise(self):
        with self.connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {TABLE}")
            cursor.execute(f"ANALYZE {TERMS_TABLE}")
