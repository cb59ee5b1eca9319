"""What every search backend does, and the shapes it answers in.

A backend answers two questions for a parsed query and its filters: how many live documents
match per facet key (``count_facets``), and which documents are on one page, best first,
with the matched words marked (``page``). How it answers them, exactly or from a sample, is
decided here, the same for every engine; each engine supplies the SQL. It also helps with
typos: does a single term find anything (``finds``), and which indexed word is most like a
given one (``similar_word``).
Matched words come back wrapped in ``MARK_START``/``MARK_END``, control characters that the
index never stores, so the caller can escape the text and then mark them.
"""

import json
from dataclasses import dataclass, field, replace
from itertools import combinations

from search.backends import sampling
from search.highlight import MARK_START, mark_matches
from search.models import DocumentKind

SNIPPET_WORDS = 30
KIND_ORDER = (
    "division",
    "topic",
    "initiative",
    "faq",
    "member_state",
    "person",
    "body",
    "meeting",
    "document",
    "partner",
)
TABLE = "asean_portal_searchdocument"
TERMS_TABLE = "asean_portal_searchterm"
# pg_trgm's default similarity threshold, used by both engines.
SIMILARITY_THRESHOLD = 0.3


ARCHIVED = "status:archived"  # the facet key of archived documents (``documents``)


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    #: Facet keys every match must have: ``division:<id>``, ``member_state:<id>`` (any
    #: registered facet type), ``status:<value>``, ``year:<yyyy>``.
    keys: tuple[str, ...] = ()
    #: Leave out archived pages (kept in the index because people cite them).
    current_only: bool = False

    def facet_keys(self):
        keys = [f"type:{self.kind}"] if self.kind else []
        return keys + [key for key in self.keys if key not in keys]

    def with_keys(self, *keys):
        return replace(self, keys=tuple(dict.fromkeys([*self.keys, *keys])))

    def __bool__(self):
        """A filter that narrows by facet key (``current_only`` only leaves some out)."""
        return bool(self.facet_keys())


@dataclass
class Hit:
    id: int
    kind: str
    object_id: int
    url: str
    facets: list
    title: str
    snippet: str
    divisions: list = field(default_factory=list)
    topics: list = field(default_factory=list)

    @property
    def archived(self):
        return ARCHIVED in self.facets

    @property
    def kind_label(self):
        return DocumentKind(self.kind).label

    @property
    def title_html(self):
        return mark_matches(self.title)

    @property
    def snippet_html(self):
        return mark_matches(self.snippet)

    def ids_of(self, kind):
        """The ids of this document's facets of ``kind`` ("division", "member_state")."""
        return [int(k.partition(":")[2]) for k in self.facets if k.startswith(f"{kind}:")]

    @property
    def division_ids(self):
        return self.ids_of("division")

    @property
    def topic_ids(self):
        return self.ids_of("topic")


def first_words(text, count=SNIPPET_WORDS):
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def best_snippet(summary, body):
    """The summary if the words matched there, else the body if they matched there, else
    the beginning of whichever has text."""
    for text in (summary, body):
        if MARK_START in text:
            return text
    return first_words(summary or body)


def kind_order_sql(column="d.kind"):
    cases = " ".join(f"WHEN '{kind}' THEN {n}" for n, kind in enumerate(KIND_ORDER))
    return f"CASE {column} {cases} END"


class SearchBackend:
    """The search itself, the same on both engines: exact for narrow queries, sampled and
    ranked in blocks for broad ones (``sampling``). Each engine supplies the SQL."""

    vendor = ""
    install_sql: tuple[str, ...] = ()
    uninstall_sql: tuple[str, ...] = ()

    def __init__(self, connection):
        self.connection = connection
        self.samples = {}  # one search's samples, asked for by its counts and by its page
        # The best matches found with the exact counts (``count_facets``), for ``page``.
        self.first_pages = {}

    def fetch(self, sql, params):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def live_sql(self, now):
        """Published-state documents are indexed; this keeps those inside their window."""
        value = self.connection.ops.adapt_datetimefield_value(now)
        sql = (
            "(d.publish_at IS NULL OR d.publish_at <= %s) "
            "AND (d.unpublish_at IS NULL OR d.unpublish_at > %s)"
        )
        return sql, [value, value]

    @staticmethod
    def bucket_range_sql(column, buckets):
        """Only documents in buckets ``low`` to ``high - 1`` (see ``sampling``)."""
        low, high = buckets
        bucket = sampling.bucket_sql(column)
        if low == 0:  # a sample: one test less on each of up to every match (~1 ms a pass)
            return f" AND {bucket} < %s", [high]
        return f" AND {bucket} >= %s AND {bucket} < %s", [low, high]

    def hits(self, rows):
        return [
            Hit(
                id=row[0],
                kind=row[1],
                object_id=row[2],
                url=row[3],
                facets=self.decode_facets(row[4]),
                title=row[5],
                snippet=best_snippet(row[6], row[7]),
            )
            for row in rows
        ]

    @staticmethod
    def decode_facets(value):
        # Django reads JSON columns in raw queries as text, on both engines.
        return json.loads(value) if isinstance(value, str) else value

    def count_facets(self, query, filters, now, first_page=0):
        """``{facet key: live documents matching}``, exact, or an ``Estimate``. With
        ``first_page``, the statement that counts also ranks the matches it reads, and keeps
        the ids ``page`` then needs for the first ``first_page`` results (so a search reads
        its matches once, not once to count and again to rank)."""
        if not query:
            return dict(self.fetch(*self.facet_count_sql(query, filters, now)))
        sample = self.sample(query, filters, now, first_page)
        if sample:
            scale = sampling.BUCKETS / sample.buckets
            return sampling.Estimate(
                {key: sampling.rounded(round(n * scale)) for key, n in sample.counts}
            )
        counts, ranked = self.counts_and_ranking(query, filters, now, first_page)
        if first_page:
            self.first_pages[(query.key, filters)] = (first_page, [row[0] for row in ranked])
        return dict(counts)

    def counts_and_ranking(self, query, filters, now, first_page, buckets=None, estimate=0):
        """``(facet counts, ranked rows)`` in one statement: with ``first_page``, the rows
        ``(id, bucket, position)`` of the first ``first_page`` matches (with ``buckets``, the
        first ``first_page`` of each bucket: a block of buckets' best are among them), in
        the order ``ranked_ids`` gives (``position``, from 1, among those rows)."""
        if not first_page:
            return self.fetch(*self.facet_count_sql(query, filters, now, buckets, estimate)), []
        where, params = self.where_sql(query, filters, now, buckets, estimate)
        terms, rank_params = self.rank_terms(query)
        # Each term worked out with the match (FTS5's bm25 can be nowhere else), then ranked.
        columns = ", ".join(f"{expression} AS r{n}" for n, (expression, _) in enumerate(terms))
        order = ", ".join(f"r{n}{direction}" for n, (_, direction) in enumerate(terms))
        order += ", title, id"
        if buckets is None:  # the first of all the matches
            kept = f"SELECT * FROM r ORDER BY {order} LIMIT %s"
        else:  # the first of each bucket
            kept = (
                f"SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY bucket ORDER BY "
                f"{order}) AS in_bucket FROM r) s WHERE in_bucket <= %s"
            )
        sql = (
            f"WITH r AS MATERIALIZED (SELECT d.id, d.facets, d.title, "
            f"{sampling.bucket_sql('d.id')} AS bucket, {columns} "
            f"FROM {self.from_sql(query)} WHERE {where}) "
            f"SELECT f.value, count(*), NULL, NULL, NULL FROM r d {self.facet_rows_sql} "
            "GROUP BY f.value "
            f"UNION ALL SELECT NULL, NULL, id, bucket, row_number() OVER (ORDER BY {order}) "
            f"FROM ({kept}) k"
        )
        rows = self.fetch(sql, [*rank_params, *params, first_page])
        counts = [(row[0], row[1]) for row in rows if row[2] is None]
        ranked = sorted((row[2:] for row in rows if row[2] is not None), key=lambda r: r[2])
        return counts, ranked

    def sample(self, query, filters, now, first_page=0):
        """The sample a broad query is counted from and whose size sets its blocks, or None
        for a narrow one (counted and ranked exactly). Once per search: its counts and its
        pages decide alike, whichever of them comes from the cache."""
        key = (query.key, filters)
        if key not in self.samples:
            self.samples[key] = self.take_sample(query, filters, now, first_page)
        return self.samples[key]

    def take_sample(self, query, filters, now, first_page=0):
        """The first buckets' counts, or None when the engine's estimate, or the sample
        itself, shows the query is narrow. A sample that came out too small to go by (the
        estimate was wide) is taken again, larger. With ``first_page``, each bucket's best
        matches come with it (``counts_and_ranking``)."""
        estimate = self.estimate(query, filters, now)
        if estimate <= sampling.EXACT_LIMIT:
            return None
        size = self.sample_estimate(query, filters, now, estimate)
        buckets = sampling.buckets_for(size, sampling.SAMPLE_ROWS)
        while True:
            counts, ranked = self.counts_and_ranking(
                query, filters, now, first_page, (0, buckets), estimate
            )
            matched = sum(n for key, n in counts if key.startswith("type:"))
            total = matched * sampling.BUCKETS / buckets
            if total <= sampling.EXACT_LIMIT:
                return None
            wider = sampling.buckets_for(total, sampling.SAMPLE_ROWS)
            if not sampling.is_small_sample(matched, buckets) or wider <= buckets:
                return sampling.Sample(estimate, buckets, counts, total, first_page, ranked)
            buckets = wider

    def listing(self, filters, now, offset, limit):
        """No words, only filters: everything in them, divisions first, then by title."""
        where, params = self.where_sql(None, filters, now)
        rows = self.fetch(
            f"SELECT d.id, d.kind, d.object_id, d.url, d.facets, d.title, d.summary, d.body "
            f"FROM {TABLE} d WHERE {where} "
            f"ORDER BY {kind_order_sql()}, d.title, d.id LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
        return self.hits(rows)

    def page(self, query, filters, now, offset, limit):
        if not query:
            return self.listing(filters, now, offset, limit)
        sample = self.sample(query, filters, now)
        ids = self.first_page_ids(query, filters, sample, offset, limit)
        if ids is None and sample is None:
            ids = self.ranked_ids(query, filters, now, offset, limit)
        elif ids is None:
            ids = self.ranked_ids_in_blocks(query, filters, now, sample, offset, limit)
        return self.marked_up(query, ids) if ids else []

    def first_page_ids(self, query, filters, sample, offset, limit):
        """The ids ``ranked_ids`` (or, for a broad query, ``ranked_ids_in_blocks``) gives for
        the first ``limit`` results, from the rows ranked with the counts; None if those
        cannot tell (not asked for, another page, or a first block that is not among the
        sampled buckets or holds fewer than ``limit`` matches)."""
        if offset:
            return None
        if sample is None:
            size, ids = self.first_pages.get((query.key, filters), (0, []))
            return ids[:limit] if size >= limit else None
        width = sampling.buckets_for(sample.total, sampling.BLOCK_ROWS)
        if sample.first_page < limit or width > sample.buckets:
            return None
        block = [row[0] for row in sample.ranked if row[1] < width]
        return block[:limit] if len(block) >= limit else None

    def ranked_ids_in_blocks(self, query, filters, now, sample, offset, limit):
        """Broad queries: each block of buckets ranked on its own, block after block, so a
        page reads about BLOCK_ROWS matches, not all of them (page N reads N's blocks). The
        blocks are sized from the sample, which every request for the same query takes
        alike, so pages never overlap."""
        width = sampling.buckets_for(sample.total, sampling.BLOCK_ROWS)
        ids, skip = [], offset
        for low in range(0, sampling.BUCKETS, width):
            wanted = limit - len(ids)
            block = self.ranked_ids(
                query, filters, now, 0, skip + wanted, (low, low + width), sample.estimate
            )
            ids += block[skip:]
            skip = max(0, skip - len(block))
            if len(ids) >= limit:
                break
        return ids[:limit]

    @staticmethod
    def clause_groups(query):
        """The clauses as groups of which a document must match one group entirely: one
        group of every clause (the normal search), or, for a query that needs only some
        (``min_match``), every combination of that many (Elasticsearch's
        ``minimum_should_match``, written out so each engine's index answers it), or
        (``ParsedQuery.by_candidates``) each of the rarest clauses alone, the documents
        found then tested for how many clauses they have (``coverage_sql``)."""
        clauses = list(query.clauses)
        if query.needs_all:
            return [clauses]
        if query.by_candidates():  # any of the rarest; ``where_sql`` counts the clauses
            return [[clause] for clause in query.candidate_clauses()]
        return [list(group) for group in combinations(clauses, query.min_match)]

    def rank_sql(self, query):
        """The ORDER BY terms, best first (``rank_terms``)."""
        terms, params = self.rank_terms(query)
        return ", ".join(f"{expression}{direction}" for expression, direction in terms), params

    def rank_terms(self, query):
        """``([(expression, direction)], params)``, best first: with only some words needed,
        the documents that match more of them (``coverage_sql``); for a question, the FAQs
        whose question opens the same way ("where …"); then the engine's rank (title over
        summary over body)."""
        terms, params = [], []
        if query.pinned:
            pinned = " OR ".join(["(d.kind = %s AND d.object_id = %s)"] * len(query.pinned))
            terms.append((f"CASE WHEN {pinned} THEN 0 ELSE 1 END", ""))
            params += [p for pair in query.pinned for p in pair]
        if not query.needs_all:
            coverage, coverage_params = self.coverage_sql(query)
            terms.append((coverage, " DESC"))
            params += coverage_params
        if query.question:
            terms.append(
                ("CASE WHEN d.kind = 'faq' AND lower(d.title) LIKE %s THEN 0 ELSE 1 END", "")
            )
            params.append(f"{query.question} %")
        rank, rank_params = self.rank_order_sql(query)
        descending = rank.endswith(" DESC")
        terms.append((rank.removesuffix(" DESC"), " DESC" if descending else ""))
        return terms, [*params, *rank_params]

    @staticmethod
    def archived_sql(filters):
        """Archived documents left out, when the filters say so (else nothing)."""
        return ""

    def ranked_ids(self, query, filters, now, offset, limit, buckets=None, estimate=0):
        """Ids of matches ``offset`` to ``offset + limit``, best first (in these buckets)."""
        where, params = self.where_sql(query, filters, now, buckets, estimate)
        rank, rank_params = self.rank_sql(query)
        rows = self.fetch(
            f"SELECT d.id FROM {self.from_sql(query)} WHERE {where} "
            f"ORDER BY {rank}, d.title, d.id LIMIT %s OFFSET %s",
            [*params, *rank_params, limit, offset],
        )
        return [row[0] for row in rows]

    def coverage_levels(self, query, filters, now, levels, enough):
        """``{k: documents}`` for each ``k`` in ``levels``: how many live documents in the
        filters match at least ``k`` of the query's clauses, counted up to ``enough`` (so a
        level with many stops early). One statement, whatever the levels."""
        parts, params = [], []
        for level in levels:
            at_least = query.matching_at_least(level)
            where, where_params = self.match_where_sql(at_least, filters, now)
            parts.append(
                f"SELECT %s, (SELECT count(*) FROM (SELECT 1 FROM {self.from_sql(at_least)} "
                f"WHERE {where} LIMIT %s) s)"
            )
            params += [level, *where_params, enough]
        return dict(self.fetch(" UNION ALL ".join(parts), params)) if parts else {}

    def match_where_sql(self, query, filters, now):
        """``where_sql`` without what plans a broad search (no estimate, no buckets)."""
        return self.where_sql(query, filters, now)

    def facet_count_sql(self, query, filters, now, buckets=None, estimate=0):
        where, params = self.where_sql(query, filters, now, buckets, estimate)
        sql = (
            f"SELECT f.value, count(*) FROM {self.from_sql(query)} "
            f"{self.facet_rows_sql} WHERE {where} GROUP BY f.value"
        )
        return sql, params

    # What each backend implements.
    facet_rows_sql = ""  # one row per facet key of document ``d``, as ``f.value``

    def from_sql(self, query):
        """The tables a search reads, the documents among them as ``d``."""
        return f"{TABLE} d"

    def where_sql(self, query, filters, now, buckets=None, estimate=0):
        """Live, matching ``query`` and in ``filters`` (and in the bucket range)."""
        raise NotImplementedError

    def estimate(self, query, filters, now):
        """About how many documents match, cheaply. Too high costs a second, larger sample;
        too low, an exact count of more matches than ``EXACT_LIMIT``: time, never answers."""
        raise NotImplementedError

    def sample_estimate(self, query, filters, now, estimate):
        """About how many documents match, to size a sample: ``estimate`` unless the engine
        knows better (too low reads more rows than the sample needs; too high takes it again,
        larger)."""
        return estimate

    def rank_order_sql(self, query):
        """The ORDER BY term that puts the best match first."""
        raise NotImplementedError

    def coverage_sql(self, query):
        """How many of the query's clauses a document ``d`` matches (an SQL expression)."""
        raise NotImplementedError

    def marked_up(self, query, ids):
        """The documents with these ids, in this order, with the matched words marked."""
        raise NotImplementedError

    def finds(self, term):
        raise NotImplementedError

    def similar_word(self, word):
        raise NotImplementedError

    def has_facet(self, key):
        """Does any indexed document have this facet key (``status:ongoing``)?"""
        raise NotImplementedError

    def optimise(self):
        """After a rebuild: whatever the engine needs to answer fast."""

    def is_installed(self):
        raise NotImplementedError

    def ensure_installed(self):
        """Re-create the engine's machinery if something (a table rebuild) dropped it."""
        if self.is_installed():
            return False
        with self.connection.cursor() as cursor:
            for statement in self.install_sql:
                cursor.execute(statement)
        return True
