"""PostgreSQL: a weighted tsvector the database keeps current (a stored generated column),
a GIN index on it and on the facet keys, ts_rank, ts_headline, and pg_trgm for typos.

Broad queries are sampled and ranked in blocks (``sampling``); here, the estimate of how many
documents match is the planner's, from its statistics on the vector's words.
"""

import json
from dataclasses import replace

from django.db import DatabaseError, transaction

from search.backends import sampling
from search.backends.base import (
    ARCHIVED,
    KIND_ORDER,
    SIMILARITY_THRESHOLD,
    TABLE,
    TERMS_TABLE,
    SearchBackend,
    kind_order_sql,
)
from search.highlight import MARK_END, MARK_START
from search.vocabulary import clause_frequencies

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


# At most this many documents with the other words (the planner's guess), and a prefix among
# them is tested on each of those rather than read from the index (``prefix_apart``).
PREFIX_APART_ROWS = 200

# Past this many matches, reading the word's whole posting list from the GIN index costs
# more than testing each row of the sample's buckets, so the sample is read without it.
SCAN_BUCKETS_FROM = 20_000


# The sample's buckets, and the order of a listing (no words) read straight from an index.
BROAD_QUERY_SQL = (
    f"CREATE INDEX IF NOT EXISTS searchdocument_sample ON {TABLE} "
    f"({sampling.bucket_index_expression()})",
    f"CREATE INDEX IF NOT EXISTS searchdocument_listing ON {TABLE} "
    f"(({kind_order_sql('kind')}), title, id)",
)
UNDO_BROAD_QUERY_SQL = (
    "DROP INDEX IF EXISTS searchdocument_listing",
    "DROP INDEX IF EXISTS searchdocument_sample",
)

# A GIN index files new entries in a pending list that every search then reads in full
# until it is merged (at 4 MB by default: hundreds of pages, milliseconds a search). Writes
# here are staff edits, searches are every visitor's, so the list is kept small.
GIN_INDEXES = ("searchdocument_vector_gin", "searchdocument_facets_gin")
PENDING_LIST_KB = 256
SMALL_PENDING_LIST_SQL = tuple(
    f"ALTER INDEX {name} SET (gin_pending_list_limit = {PENDING_LIST_KB})" for name in GIN_INDEXES
)
UNDO_SMALL_PENDING_LIST_SQL = tuple(
    f"ALTER INDEX IF EXISTS {name} RESET (gin_pending_list_limit)" for name in GIN_INDEXES
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
        *BROAD_QUERY_SQL,
        *SMALL_PENDING_LIST_SQL,
    )
    uninstall_sql = (
        *UNDO_BROAD_QUERY_SQL,
        "DROP INDEX IF EXISTS searchterm_word_trgm",
        "DROP INDEX IF EXISTS searchdocument_facets_gin",
        "DROP INDEX IF EXISTS searchdocument_vector_gin",
        f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
    )

    def __init__(self, connection):
        super().__init__(connection)
        self.apart = {}  # (query key, filters) -> is the prefix tested apart?

    @staticmethod
    def term_sql(term):
        if term.is_phrase:
            return f"phraseto_tsquery('{CONFIG}', %s)", [term.text]
        if term.prefix:
            # Words are letters and digits only; quoted, they are one operand.
            return f"to_tsquery('{CONFIG}', %s)", [f"'{term.words[0]}':*"]
        # One word, or several each anywhere (``Term.anywhere``): plainto_tsquery ANDs them.
        return f"plainto_tsquery('{CONFIG}', %s)", [term.text]

    def clause_sql(self, clause):
        terms = [self.term_sql(term) for term in clause.alternatives]
        sql = "(" + " || ".join(sql for sql, _ in terms) + ")"
        return sql, [p for _, term_params in terms for p in term_params]

    def tsquery_sql(self, query):
        """Every clause (the normal search), or, with only some needed, any of every group
        of that many (``clause_groups``)."""
        groups, params = [], []
        for group in self.clause_groups(query):
            clauses = [self.clause_sql(clause) for clause in group]
            groups.append(" && ".join(sql for sql, _ in clauses))
            params += [p for _, clause_params in clauses for p in clause_params]
        if len(groups) == 1:
            return groups[0], params
        return " || ".join(f"({g})" for g in groups), params

    def rank_tsquery_sql(self, query):
        """What ranks and marks the matches: with only some clauses needed, any of them."""
        if query.needs_all:
            return self.tsquery_sql(query)
        parts = [self.clause_sql(clause) for clause in query.clauses]
        return " || ".join(sql for sql, _ in parts), [p for _, ps in parts for p in ps]

    def coverage_sql(self, query):
        parts, params = [], []
        for clause in query.clauses:
            sql, clause_params = self.clause_sql(clause)
            parts.append(f"(d.search_vector @@ {sql})::int")
            params += clause_params
        return "(" + " + ".join(parts) + ")", params

    @staticmethod
    def archived_sql(filters):
        if not filters.current_only:
            return "", []
        return " AND NOT d.facets @> %s::jsonb", [json.dumps([ARCHIVED])]

    def where_sql(self, query, filters, now, buckets=None, estimate=0, plan=True):
        """``plan``: a prefix among other words may be tested row by row (``prefix_apart``;
        one more plan to decide); else the words are one test the index answers."""
        sql, params = self.live_sql(now)
        prefix = self.prefix_apart(query, filters, now) if plan and buckets is None else None
        if prefix is not None:
            rest = replace(query, clauses=[c for c in query.clauses if c is not prefix])
            rest_sql, rest_params = self.tsquery_sql(rest)
            prefix_sql, prefix_params = self.clause_sql(prefix)
            sql += f" AND d.search_vector @@ ({rest_sql})"
            sql += f" AND ts_match_vq(d.search_vector, {prefix_sql})"
            params += [*rest_params, *prefix_params]
        elif query:
            tsquery, tsquery_params = self.tsquery_sql(query)
            # The function form of @@ is the same test, but no index can answer it: a
            # broad query's few buckets are read faster row by row than from the index.
            scan = buckets is not None and estimate >= SCAN_BUCKETS_FROM
            match = "ts_match_vq(d.search_vector, {})" if scan else "d.search_vector @@ ({})"
            sql += " AND " + match.format(f"({tsquery})")
            params += tsquery_params
            if not query.needs_all and query.min_match > 1 and query.by_candidates():
                coverage, coverage_params = self.coverage_sql(query)
                sql += f" AND {coverage} >= %s"
                params += [*coverage_params, query.min_match]
        if filters:
            sql += " AND d.facets @> %s::jsonb"
            params.append(json.dumps(filters.facet_keys()))
        archived, archived_params = self.archived_sql(filters)
        sql += archived
        params += archived_params
        if filters.kind:
            # Implied by the facets, but lets a listing read its index from the kind on.
            sql += f" AND {kind_order_sql()} = %s"
            params.append(KIND_ORDER.index(filters.kind))
        if buckets is not None:
            bucket_sql, bucket_params = self.bucket_range_sql("d.id", buckets)
            sql += bucket_sql
            params += bucket_params
        return sql, params

    def estimate(self, query, filters, now):
        """The planner's guess at how many documents match (its statistics on the vector's
        words; a plan, not a scan)."""
        where, params = self.where_sql(query, filters, now, plan=False)
        rows = self.fetch(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {TABLE} d WHERE {where}", params)
        plan = rows[0][0]
        plan = json.loads(plan) if isinstance(plan, str) else plan
        return plan[0]["Plan"]["Plan Rows"]

    def prefix_apart(self, query, filters, now):
        """The clause of a word typed last (a prefix: "cooperation" is any word beginning
        "cooper") to test on each document the other words find, rather than in the index,
        or None. The index answers a prefix by first gathering every document of every word
        it begins (6 ms for "cooper" at 100,000 documents, however few have the other
        words); testing it costs microseconds a document. So when every word must match
        and the planner reckons the other words find at most ``PREFIX_APART_ROWS``
        documents (one plan, once per search), they are found first."""
        if not query or not query.needs_all or len(query.clauses) < 2:
            return None
        prefixes = [c for c in query.clauses if len(c.alternatives) == 1 and c.typed.prefix]
        if len(prefixes) != 1:
            return None
        key = (query.key, filters)
        if key not in self.apart:
            rest = replace(query, clauses=[c for c in query.clauses if c is not prefixes[0]])
            self.apart[key] = self.estimate(rest, filters, now) <= PREFIX_APART_ROWS
        return prefixes[0] if self.apart[key] else None

    def sample_estimate(self, query, filters, now, estimate):
        """What sizes a broad query's sample. The planner multiplies the words' shares as if
        they were unrelated, so it guesses low for words that go together (the phrase
        "technical assistance": 14,840 of 39,000 at 100,000 documents) or alternatives that
        two clauses share ("floods and typhoons", both also "disaster": 2,767 of 17,000), and
        the sample then reads several times the rows it needs. When every word must match,
        there are about as many matches as the rarest clause has at most (the vocabulary's
        count, ``clause_frequencies``; one query): when that is more than twice the
        planner's guess, it sizes the sample instead (within that, the planner's guess
        stands, and so do the sample and the counts it gives). Not with filters, which the
        vocabulary knows nothing of."""
        if filters or not query.needs_all:
            return estimate
        rarest = min(clause_frequencies(query), default=0)
        return rarest if rarest > 2 * estimate else estimate

    def rank_order_sql(self, query):
        tsquery, tsquery_params = self.rank_tsquery_sql(query)
        return f"ts_rank(d.search_vector, {tsquery}) DESC", tsquery_params

    def marked_up(self, query, ids):
        """Only these documents: ts_headline reads the whole text."""
        tsquery, tsquery_params = self.rank_tsquery_sql(query)
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

    def has_facet(self, key):
        rows = self.fetch(
            f"SELECT EXISTS (SELECT 1 FROM {TABLE} d WHERE d.facets @> %s::jsonb)",
            [json.dumps([key])],
        )
        return bool(rows[0][0])

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
            for name in GIN_INDEXES:  # a rebuild's entries, merged now rather than searched
                try:
                    # Only the index's owner may; otherwise autovacuum merges them later.
                    with transaction.atomic(using=self.connection.alias):
                        cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [name])
                except DatabaseError:
                    pass
            cursor.execute(f"ANALYZE {TABLE}")
            cursor.execute(f"ANALYZE {TERMS_TABLE}")
