"""What every search backend does, and the shapes it answers in.

A backend answers two questions for a parsed query and its filters: how many live documents
match per facet key (``count_facets``), and which documents are on one page, best first,
with the matched words marked (``page``). It also helps with typos: does a single term find
anything (``finds``), and which indexed word is most like a given one (``similar_word``).
Matched words come back wrapped in ``MARK_START``/``MARK_END``, control characters that the
index never stores, so the caller can escape the text and then mark them.
"""

import json
from dataclasses import dataclass, field

from ..highlight import MARK_START, mark_matches
from ..models import DocumentKind

SNIPPET_WORDS = 30
KIND_ORDER = ("division", "topic", "initiative", "faq")
TABLE = "asean_portal_searchdocument"
TERMS_TABLE = "asean_portal_searchterm"
# pg_trgm's default similarity threshold, used by both engines.
SIMILARITY_THRESHOLD = 0.3


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    division_id: int | None = None
    topic_id: int | None = None

    def facet_keys(self):
        keys = [f"type:{self.kind}"] if self.kind else []
        if self.division_id is not None:
            keys.append(f"division:{self.division_id}")
        if self.topic_id is not None:
            keys.append(f"topic:{self.topic_id}")
        return keys

    def __bool__(self):
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
    vendor = ""
    install_sql: tuple[str, ...] = ()
    uninstall_sql: tuple[str, ...] = ()

    def __init__(self, connection):
        self.connection = connection

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
        where, params = self.where_sql(query, filters, now)
        rows = self.fetch(
            f"SELECT f.value, count(*) FROM {TABLE} d {self.facet_rows_sql} "
            f"WHERE {where} GROUP BY f.value",
            params,
        )
        return dict(rows)

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
        return self.ranked_page(query, filters, now, offset, limit)

    # What each backend implements.
    facet_rows_sql = ""  # one row per facet key of document ``d``, as ``f.value``

    def where_sql(self, query, filters, now):
        raise NotImplementedError

    def ranked_page(self, query, filters, now, offset, limit):
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
