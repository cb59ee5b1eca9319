"""The site search index as a list's word filter: ``?q=`` on a list finds what ``/search/``
finds for that kind of content ("quoted phrases", stemmed words, acronyms and their
expansions, the last word as a prefix), and ranks it the same way.

The list's own queryset keeps deciding what is published and what its other filters allow;
the index only narrows it (a subquery on the index, so a count stays one query) and orders
it (one query for a page's ids, best first).
"""

import django_filters
from django.db import connections
from django.db.models import Value
from django.db.models.expressions import RawSQL

from caching import content_token
from search.backends import get_backend
from search.backends.sqlite import FTS
from search.query import MAX_QUERY_CHARS, Glossary, parse


def glossary(more_synonyms=()):
    """The acronym glossary and the synonyms (and ``more_synonyms``: recognised names, say),
    read once per content token (a save of either changes the content token), not once per
    request."""
    rows = content_token.remember("search-glossary", glossary_rows)
    return Glossary(
        [(a, b) for kind, a, b in rows if kind == "acronym"],
        [*((a, b) for kind, a, b in rows if kind == "synonym"), *more_synonyms],
    )


def glossary_rows():
    """Acronyms and synonyms in one query: ``[(kind, words, other words), ...]``."""
    from search.models import GlossaryEntry, Synonym

    acronyms = GlossaryEntry.objects.annotate(kind=Value("acronym")).values_list(
        "kind", "acronym", "expansion"
    )
    synonyms = Synonym.objects.annotate(kind=Value("synonym")).values_list(
        "kind", "words", "also_finds"
    )
    return list(acronyms.order_by().union(synonyms.order_by(), all=True))


class WordMatch:
    """What ``text`` asks of the index, for documents of ``kind`` in database ``using``."""

    def __init__(self, text, kind, using="default"):
        self.query = parse(text, glossary())
        self.kind = kind
        self.backend = get_backend(connections[using])

    def __bool__(self):
        """False when nothing searchable was typed (only stop words, say)."""
        return bool(self.query)

    @property
    def notes(self):
        return self.query.notes

    def match_sql(self):
        """The condition on the index's documents ``d`` that the words match (read from
        ``backend.from_sql``). The engines' own conditions, not their ``where_sql``: that one
        also asks the index for sizes to plan a broad search, a query a list need not make."""
        if self.backend.vendor == "sqlite":
            sql, params = f"{FTS} MATCH %s", [self.backend.match_expression(self.query)]
        else:
            tsquery, params = self.backend.tsquery_sql(self.query)
            sql = f"d.search_vector @@ ({tsquery})"
        return f"{sql} AND d.kind = %s", [*params, self.kind]

    def filter(self, queryset):
        """``queryset`` narrowed to the objects whose document matches."""
        where, params = self.match_sql()
        ids = f"SELECT d.object_id FROM {self.backend.from_sql(self.query)} WHERE {where}"
        return queryset.filter(pk__in=RawSQL(ids, params))

    def ranked_ids(self, queryset, offset, limit):
        """The ids of ``queryset``'s rows ``offset`` to ``offset + limit`` in the order the
        search page gives them: best match first, then by title. Every match is ranked (no
        sampling, unlike /search/): on SQLite with 20,000 initiatives a page takes 4 ms for a
        phrase found once, 35 ms for a word found 3,636 times, 84 ms for one found 12,595
        times. ``queryset`` already narrowed by the words costs no more than without them."""
        where, params = self.match_sql()
        rank, rank_params = self.backend.rank_order_sql(self.query)
        rows_sql, rows_params = queryset.order_by().values("pk").query.sql_with_params()
        sql = (
            f"SELECT d.object_id FROM {self.backend.from_sql(self.query)} "
            f"WHERE {where} AND d.object_id IN ({rows_sql}) "
            f"ORDER BY {rank}, d.title, d.id"
        )
        params = [*params, *rows_params, *rank_params]
        if limit is not None:
            sql += " LIMIT %s OFFSET %s"
            params += [limit, offset]
        elif offset:
            raise ValueError("An offset needs a limit.")
        with self.backend.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]


class RankedList:
    """A list's filtered queryset read in relevance order, as Django's paginator wants it:
    ``count()`` (one query) and one slice per page (two queries: the page's ids, best first,
    then their rows, read from ``rows_from`` by primary key)."""

    def __init__(self, queryset, match, rows_from=None):
        self.queryset, self.match = queryset, match
        self.rows_from = queryset if rows_from is None else rows_from

    def count(self):
        return self.queryset.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("A ranked list is read a page (a slice) at a time.")
        start = index.start or 0
        limit = None if index.stop is None else max(0, index.stop - start)
        if limit == 0:
            return []
        return self.rows(self.match.ranked_ids(self.queryset, start, limit))

    def __iter__(self):
        return iter(self[0:None])

    def rows(self, ids):
        found = {row.pk: row for row in self.rows_from.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]


class WordFilter(django_filters.CharFilter):
    """``?q=``, answered by the index for documents of ``kind``."""

    def __init__(self, kind, **kwargs):
        kwargs.setdefault("label", "Words")
        super().__init__(max_length=MAX_QUERY_CHARS, strip=True, **kwargs)
        self.kind = kind

    def filter(self, queryset, value):
        match = WordMatch(value, self.kind, queryset.db) if value else None
        return match.filter(queryset) if match else queryset


def word_match(filterset, searchable=True):
    """The words a filtered list was asked for, as a ``WordMatch`` (``searchable``: only if
    something in them can be searched for), or None."""
    if not filterset.is_bound or not filterset.is_valid():
        return None
    for name, filter_ in filterset.filters.items():
        value = filterset.form.cleaned_data.get(name)
        if isinstance(filter_, WordFilter) and value:
            match = WordMatch(value, filter_.kind, filterset.queryset.db)
            if match or not searchable:
                return match
    return None


def word_notes(filterset):
    """What was left out of the words (too common, too long ...), as the search page says."""
    match = word_match(filterset, searchable=False)
    return match.notes if match is not None else []


def in_relevance_order(filterset, rows_from):
    """The filtered list, best match first when words were given, else in its own order."""
    queryset = filterset.qs
    match = word_match(filterset)
    return RankedList(queryset, match, rows_from) if match else queryset
