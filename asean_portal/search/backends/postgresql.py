"""PostgreSQL: a weighted tsvector the database keeps current (a stored generated column),
a GIN index on it and on the facet keys, ts_rank, ts_headline, and pg_trgm for typos.

Broad queries. Counting and ranking read every matching row, several microseconds each, so a
word found in most of 100,000 documents costs hundreds of milliseconds however it is
indexed. Past ``EXACT_LIMIT`` matches (the planner's estimate) the backend deliberately does
less, and says so: the counts are estimated from a fixed sample of the documents (a bucket
of their ids, ``SAMPLE_SQL``, with its own index), scaled up and rounded (the page says
"about"), and the ranking is done in blocks of about ``BLOCK_ROWS`` matches, one bucket range
after the other: page 1 is the best of a block of about a thousand matches spread evenly
over the whole index, and paging on goes through every match exactly once. Narrower queries
— nearly all real ones — are counted and ranked exactly, as on SQLite.
"""

import json
import math

from ..highlight import MARK_END, MARK_START
from .base import (
    KIND_ORDER,
    SIMILARITY_THRESHOLD,
    TABLE,
    TERMS_TABLE,
    SearchBackend,
    kind_order_sql,
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


# Every document falls into one of BUCKETS buckets by its id, in runs of 8 neighbours (so a
# bucket's rows share disk pages): a fixed, even sample of the index, whatever was matched.
BUCKETS = 64
BUCKET_EXPRESSION = f"((id / 8) % {BUCKETS})"
SAMPLE_SQL = BUCKET_EXPRESSION.replace("id", "d.id").replace("%", "%%")  # with parameters
EXACT_LIMIT = 1_000  # more matches than this (estimated) and the counts are estimated
SAMPLE_ROWS = 800  # about this many sampled matches to estimate the counts from
BLOCK_ROWS = 500  # about this many matches ranked together
# Past this many matches, reading the word's whole posting list from the GIN index costs
# more than testing each row of the sample's buckets, so the sample is read without it.
SCAN_BUCKETS_FROM = 20_000


# The sample's buckets, and the order of a listing (no words) read straight from an index.
BROAD_QUERY_SQL = (
    f"CREATE INDEX IF NOT EXISTS searchdocument_sample ON {TABLE} ({BUCKET_EXPRESSION})",
    f"CREATE INDEX IF NOT EXISTS searchdocument_listing ON {TABLE} "
    f"(({kind_order_sql('kind')}), title, id)",
)
UNDO_BROAD_QUERY_SQL = (
    "DROP INDEX IF EXISTS searchdocument_listing",
    "DROP INDEX IF EXISTS searchdocument_sample",
)


class Estimate(dict):
    """Facet counts estimated from a sample: rounded, and shown as "about"."""

    estimated = True


def rounded(n):
    """Two significant figures: an estimate should not look more precise than it is."""
    if n < 100:
        return n
    scale = 10 ** (len(str(n)) - 2)
    return round(n / scale) * scale


def buckets_for(estimate, rows):
    """How many buckets hold about ``rows`` of ``estimate`` matches (1 to BUCKETS)."""
    return max(1, min(BUCKETS, math.ceil(BUCKETS * rows / max(estimate, 1))))


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
        *BROAD_QUERY_SQL,
    )
    uninstall_sql = (
        *UNDO_BROAD_QUERY_SQL,
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

    def where_sql(self, query, filters, now, use_index=True):
        sql, params = self.live_sql(now)
        if query:
            tsquery, tsquery_params = self.tsquery_sql(query)
            # The function form of @@ is the same test, but no index can answer it.
            match = "d.search_vector @@ ({})" if use_index else "ts_match_vq(d.search_vector, {})"
            sql += " AND " + match.format(f"({tsquery})")
            params += tsquery_params
        if filters:
            sql += " AND d.facets @> %s::jsonb"
            params.append(json.dumps(filters.facet_keys()))
        if filters.kind:
            # Implied by the facets, but lets a listing read its index from the kind on.
            sql += f" AND {kind_order_sql()} = %s"
            params.append(KIND_ORDER.index(filters.kind))
        return sql, params

    def sample_where_sql(self, query, filters, now, estimate):
        return self.where_sql(query, filters, now, use_index=estimate < SCAN_BUCKETS_FROM)

    def estimate(self, where, params):
        """The planner's guess at how many documents match (its statistics on the vector's
        words; a plan, not a scan)."""
        rows = self.fetch(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {TABLE} d WHERE {where}", params)
        plan = rows[0][0]
        plan = json.loads(plan) if isinstance(plan, str) else plan
        return plan[0]["Plan"]["Plan Rows"]

    def count_facets(self, query, filters, now):
        if not query:
            return super().count_facets(query, filters, now)
        where, params = self.where_sql(query, filters, now)
        estimate = self.estimate(where, params)
        if estimate <= EXACT_LIMIT:
            return super().count_facets(query, filters, now)
        buckets = buckets_for(estimate, SAMPLE_ROWS)
        where, params = self.sample_where_sql(query, filters, now, estimate)
        sampled = self.fetch(
            f"SELECT value, count(*) FROM (SELECT jsonb_array_elements_text(d.facets) AS value "
            f"FROM {TABLE} d WHERE {where} AND {SAMPLE_SQL} < %s) AS f GROUP BY value",
            [*params, buckets],
        )
        scale = BUCKETS / buckets
        total = sum(n for key, n in sampled if key.startswith("type:")) * scale
        if total <= EXACT_LIMIT:  # the planner guessed wide: count them all after all
            return super().count_facets(query, filters, now)
        return Estimate({key: rounded(round(n * scale)) for key, n in sampled})

    def ranked_page(self, query, filters, now, offset, limit):
        where, params = self.where_sql(query, filters, now)
        estimate = self.estimate(where, params)
        if estimate <= EXACT_LIMIT:
            ranked = self.ranked_ids(query, where, params, offset, limit)
        else:
            where, params = self.sample_where_sql(query, filters, now, estimate)
            ranked = self.ranked_ids_in_blocks(query, where, params, estimate, offset, limit)
        return self.marked_up(query, ranked)

    def rank_sql(self, query):
        tsquery, tsquery_params = self.tsquery_sql(query)
        return f"ts_rank(d.search_vector, {tsquery})", tsquery_params

    def ranked_ids(self, query, where, params, offset, limit, extra="", extra_params=()):
        """Ids of matches ``offset`` to ``offset + limit``, best first."""
        rank, rank_params = self.rank_sql(query)
        rows = self.fetch(
            f"SELECT d.id FROM {TABLE} d WHERE {where}{extra} "
            f"ORDER BY {rank} DESC, d.title, d.id LIMIT %s OFFSET %s",
            [*params, *extra_params, *rank_params, limit, offset],
        )
        return [row[0] for row in rows]

    def ranked_ids_in_blocks(self, query, where, params, estimate, offset, limit):
        """Broad queries: each block of buckets ranked on its own, block after block, so a
        page reads about BLOCK_ROWS matches, not all of them (page N reads N's blocks)."""
        width = buckets_for(estimate, BLOCK_ROWS)
        ids, skip = [], offset
        for low in range(0, BUCKETS, width):
            wanted = limit - len(ids)
            block = self.ranked_ids(
                query,
                where,
                params,
                0,
                skip + wanted,
                f" AND {SAMPLE_SQL} >= %s AND {SAMPLE_SQL} < %s",
                (low, low + width),
            )
            ids += block[skip:]
            skip = max(0, skip - len(block))
            if len(ids) >= limit:
                break
        return ids[:limit]

    def marked_up(self, query, ids):
        """The documents with these ids, in this order, with the matched words marked (only
        these: ts_headline reads the whole text)."""
        if not ids:
            return []
        tsquery, tsquery_params = self.tsquery_sql(query)
        rows = self.fetch(
            "SELECT d.id, d.kind, d.object_id, d.url, d.facets, "
            f"ts_headline('{CONFIG}', d.title, {tsquery}, %s), "
            f"ts_headline('{CONFIG}', d.summary, {tsquery}, %s), "
            f"ts_headline('{CONFIG}', d.body, {tsquery}, %s) "
            f"FROM {TABLE} d WHERE d.id = ANY(%s)",
            [
                *tsquery_params,
                TITLE_OPTIONS,
                *tsquery_params,
                SNIPPET_OPTIONS,
                *tsquery_params,
                SNIPPET_OPTIONS,
                list(ids),
            ],
        )
        position = {pk: n for n, pk in enumerate(ids)}
        return self.hits(sorted(rows, key=lambda row: position[row[0]]))

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
            "('searchdocument_vector_gin', 'searchdocument_facets_gin', 'searchterm_word_trgm', "
            "'searchdocument_sample', 'searchdocument_listing')",
            [],
        )
        return rows[0][0] == 5

    def optimise(self):
        with self.connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {TABLE}")
            cursor.execute(f"ANALYZE {TERMS_TABLE}")
