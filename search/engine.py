"""One search from start to finish: parse the words, match and count, correct typos when
nothing was found, and count the query if it still found nothing."""

from dataclasses import dataclass, field
from functools import cached_property

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from caching import content_token
from publishing.registry import registry
from search import recognise
from search.answers import Answers
from search.backends import Filters, get_backend, sampling
from search.filtering import glossary
from search.models import MissedQuery, SearchTerm
from search.query import ParsedQuery, clean, naming, parse
from search.vocabulary import clause_frequencies

MAX_CORRECTIONS = 5
PER_PAGE = 20  # results on a page; the first page's are ranked as the matches are counted
# Fewer matches of every word than this, and the search also shows the documents that match
# most of the words (``fallback``).
FEW = 3


class Results:
    """The matches of one query, as Django's paginator wants them: ``count()`` (with every
    facet count, in one query) and a slice per page (one more query), each answered from
    the cache when the same search was made since the index last changed."""

    def __init__(self, backend, query, filters, now, answers):
        self.backend, self.query, self.filters, self.now = backend, query, filters, now
        self.answers = answers

    @cached_property
    def facet_counts(self):
        if not self.query:
            # Filters alone: the counts do not depend on anything typed, only on the
            # content, so they are worked out once per content token (which changes after
            # every write to the index and when a scheduled publish time passes).
            return content_token.remember(
                f"search-facets:{self.backend.vendor}:{','.join(self.filters.facet_keys())}"
                f":{int(self.filters.current_only)}",
                lambda: self.backend.count_facets(self.query, self.filters, self.now),
            )
        return self.answers.get(
            ("counts", self.query.key, self.filters),
            lambda: self.backend.count_facets(self.query, self.filters, self.now, PER_PAGE),
        )

    @property
    def estimated(self):
        """Counted from a sample (a very broad query on PostgreSQL): shown as "about"."""
        return getattr(self.facet_counts, "estimated", False)

    def count(self):
        total = sum(n for key, n in self.facet_counts.items() if key.startswith("type:"))
        # A sum of rounded estimates is no more precise than they are.
        return sampling.rounded(total) if self.estimated else total

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("Results are read a page (a slice) at a time.")
        start, stop = index.start or 0, index.stop
        if stop is None or stop <= start:
            return []
        return self.answers.get(
            ("page", self.query.key, self.filters, start, stop),
            lambda: self.backend.page(self.query, self.filters, self.now, start, stop - start),
        )


@dataclass
class Search:
    query: ParsedQuery
    filters: Filters
    results: Results | None = None
    suggestion: str = ""
    #: Similar indexed words for typed words that find nothing (``{typed: similar}``).
    corrections: dict = field(default_factory=dict)
    #: When all the words together found few: how many did (the results then are the
    #: documents that match most of the words, those with every word first).
    with_every_word: int | None = None
    #: The facet values the words named and the search narrowed to (``recognise``), the
    #: filters it had before, and the words as typed (``query`` holds the rest of them).
    named: list = field(default_factory=list)
    unnarrowed: Filters | None = None
    typed: str = ""

    @property
    def partial(self):
        return self.with_every_word is not None

    @property
    def is_empty(self):
        """Nothing asked: no words and no filter."""
        return self.results is None


def run(text, filters=None, backend=None, exact=False, everywhere=False):
    """``exact``: the words as typed, never corrected (the "search instead for" link).
    ``everywhere``: a facet value named in the words ("vietnam digital") does not narrow
    the search (the "search all Member States instead" link)."""
    filters = Filters() if filters is None else filters
    backend = backend or get_backend()
    known, words = lookups()
    typed = clean(text)[0]
    if known and not everywhere:
        chosen = {key.partition(":")[0] for key in filters.keys}
        named, rest = known.find(typed, skip_kinds=chosen)
        if named:
            narrowed = narrowed_search(named, rest, words, filters, backend, exact)
            if narrowed is not None:
                narrowed.typed = typed
                return narrowed
    return search_for(parse(text, words), filters, backend, exact)


def lookups():
    """``(names, glossary)``: the names search recognises, and the acronyms, synonyms and
    other names it understands, worked out once per content token and registry generation
    (not read and rebuilt per search)."""
    return content_token.remember(f"search-lookups:{registry.generation}", make_lookups)


def make_lookups():
    known = recognise.names()
    return known, glossary(known.synonyms())


def narrowed_search(named, rest, words, filters, backend, exact):
    """The rest of the words among the items that involve what was named, or, when only
    names were typed, their pages first. None when that finds nothing."""
    query = parse(rest, words)
    if query:
        # The named value's own page first, where it has the rest of the words too.
        query.pinned = tuple((value.kind, value.object_id) for value in named)
        search = search_for(
            query, filters.with_keys(*(v.facet_key for v in named)), backend, exact, record=False
        )
    else:
        search = search_for(naming(named), filters, backend, exact, record=False)
    if not search.results.count():
        return None
    search.named = named if query else []
    if search.suggestion:  # the corrected words with the names, which narrow again
        search.suggestion = " ".join([*(value.label for value in named), search.suggestion])
    search.unnarrowed = filters
    return search


def search_for(query, filters, backend, exact, record=True):
    search = Search(query=query, filters=filters)
    if not (query or filters):
        return search
    now = timezone.now()
    answers = Answers(backend.vendor)
    search.results = Results(backend, query, filters, now, answers)
    if query and not search.results.count() and not exact:
        corrections = answers.get(
            ("corrections", query.key), lambda: find_corrections(backend, query)
        )
        search.corrections = corrections
        if corrections:
            corrected = query.with_corrections(corrections)
            corrected = Results(backend, corrected, filters, now, answers)
            if corrected.count():
                search.results = corrected
                search.suggestion = query.corrected_text(corrections)
    if query and search.results.count() < FEW and len(query.clauses) > 1:
        fallback(search, backend, filters, now, answers)
    if record and query and not filters and not search.results.count():
        record_miss(query.text)
    return search


def fallback(search, backend, filters, now, answers):
    """All the words together found few: the documents that match most of them instead,
    those that match more of the words first (``SearchBackend.rank_sql``). The most words
    that at least ``FEW`` documents match are found in one query (each count stops at
    ``FEW``), then only that search is made; one word is the last resort."""
    query = search.results.query
    every_word = search.results.count()
    clauses = len(query.clauses)
    frequencies = answers.get(("frequencies", query.key), lambda: clause_frequencies(query))
    levels = list(range(clauses - 1, 1, -1))
    found = answers.get(
        ("levels", query.key, filters),
        lambda: backend.coverage_levels(
            query.matching_at_least(0, frequencies), filters, now, levels, FEW
        ),
    )
    needed = next((level for level in levels if found.get(level, 0) >= FEW), 1)
    at_least = query.matching_at_least(needed, frequencies)
    results = Results(backend, at_least, filters, now, answers)
    if results.count() > every_word:
        search.results = results
        search.with_every_word = every_word


def find_corrections(backend, query):
    """``{typed word: indexed word}`` for each typed word that finds nothing on its own and
    has a similar word in the index's vocabulary."""
    corrections = {}
    for term in query.correctable_terms()[:MAX_CORRECTIONS]:
        word = term.words[0]
        if in_vocabulary(word, term.prefix) or backend.finds(term):
            continue
        similar = backend.similar_word(word)
        if similar:
            corrections[word] = similar
    return corrections


def in_vocabulary(word, prefix):
    """A word the index holds (or, for a prefix, one it begins): it finds something, so
    the engine need not be asked."""
    lookup = {"word__startswith": word} if prefix else {"word": word}
    return SearchTerm.objects.filter(**lookup).exists()


def record_miss(text):
    """Count one more miss for this text today; concurrent requests add up, never clash."""
    text = text.lower()[: MissedQuery._meta.get_field("text").max_length]
    today = timezone.localdate()
    misses = MissedQuery.objects.filter(text=text, day=today)
    if misses.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            MissedQuery.objects.create(text=text, day=today)
    except IntegrityError:
        misses.update(count=F("count") + 1)
