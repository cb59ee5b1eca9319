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
from dataclasses import dataclass, field
from itertools import combinations

from search.backends import sampling
from search.highlight import MARK_START, mark_matches
from search.models import DocumentKind

SNIPPET_WORDS = 30
KIND_ORDER = ("division", "topic", "initiative", "faq", "member_state")
TABLE = "asean_portal_searchdocument"
TERMS_TABLE = "asean_portal_searchterm"
# pg_trgm's default similarity threshold, used by both engines.
SIMILARITY_THRESHOLD = 0.3


ARCHIVED = "status:archived"  # the facet key of archived documents (``documents``)


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    division_id: int | None = None
    topic_id: int | None = None
    #: Leave out archived pages (kept in the index because people cite them).
    current_only: bool = False

    def facet_keys(self):
        keys = [f"type:{self.kind}"] if self.kind else []
        if self.division_id is not None:
            keys.append(f"division:{self.division_id}")
        if self.topic_id is not None:
            keys.append(f"topic:{self.topic_id}")
        return keys

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

    @property
    def division_ids(self):
        return [int(k.split(":")[1]) for k in self.facets if k.startswith("division:")]

    @property
    def topic_ids(self):
        return [int(k.split(":")[1]) for k in self.facets if k.startswith("topic:")]


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

    def count_facets(self, query, filters, now):
        """``{facet key: live documents matching}``, exact, or an ``Estimate``."""
        sample = self.sample(query, filters, now) if query else None
        if sample:
            scale = sampling.BUCKETS / sample.buckets
            return sampling.Estimate(
                {key: sampling.rounded(round(n * scale)) for key, n in sample.counts}
            )
        return dict(self.fetch(*self.facet_count_sql(query, filters, now)))

    def sample(self, query, filters, now):
        """The sample a broad query is counted from and whose size sets its blocks, or None
        for a narrow one (counted and ranked exactly). Once per search: its counts and its
        pages decide alike, whichever of them comes from the cache."""
        key = (query.key, filters)
        if key not in self.samples:
            self.samples[key] = self.take_sample(query, filters, now)
        return self.samples[key]

    def take_sample(self, query, filters, now):
        """The first buckets' counts, or None when the engine's estimate, or the sample
        itself, shows the query is narrow. A sample that came out too small to go by (the
        estimate was wide) is taken again, larger."""
        estimate = self.estimate(query, filters, now)
        if estimate <= sampling.EXACT_LIMIT:
            return None
        buckets = sampling.buckets_for(estimate, sampling.SAMPLE_ROWS)
        while True:
            sql, params = self.facet_count_sql(query, filters, now, (0, buckets), estimate)
            counts = self.fetch(sql, params)
            matched = sum(n for key, n in counts if key.startswith("type:"))
            total = matched * sampling.BUCKETS / buckets
            if total <= sampling.EXACT_LIMIT:
                return None
            wider = sampling.buckets_for(total, sampling.SAMPLE_ROWS)
            if not sampling.is_small_sample(matched, buckets) or wider <= buckets:
                return sampling.Sample(estimate, buckets, counts, total)
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
        if sample is None:
            ids = self.ranked_ids(query, filters, now, offset, limit)
        else:
            ids = self.ranked_ids_in_blocks(query, filters, now, sample, offset, limit)
        return self.marked_up(query, ids) if ids else []

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
        ``minimum_should_match``, written out so each engine's index answers it)."""
        clauses = list(query.clauses)
        if query.needs_all:
            return [clauses]
        return [list(group) for group in combinations(clauses, query.min_match)]

    def rank_sql(self, query):
        """The ORDER BY terms, best first: with only some words needed, the documents that
        match more of them (``coverage_sql``); for a question, the FAQs whose question opens
        the same way ("where …"); then the engine's rank (title over summary over body)."""
        terms, params = [], []
        if not query.needs_all:
            coverage, coverage_params = self.coverage_sql(query)
            terms.append(f"{coverage} DESC")
            params += coverage_params
        if query.question:
            terms.append("CASE WHEN d.kind = 'faq' AND lower(d.title) LIKE %s THEN 0 ELSE 1 END")
            params.append(f"{query.question} %")
        rank, rank_params = self.rank_order_sql(query)
        return ", ".join([*terms, rank]), [*params, *rank_params]

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
