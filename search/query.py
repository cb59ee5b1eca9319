"""From what a person typed to what the engines look for.

A query is a list of clauses that must all match. A clause is one or more alternatives (an
acronym or its expansion, a typo or its correction), each a word or a phrase. Nothing the
person typed reaches an engine as syntax: words are runs of letters and digits, and every
backend builds its own query from them with bound parameters or quoting.
"""

import math
import re
from dataclasses import dataclass, field, replace

from search.tokenizer import CONTROL, STOPWORDS, WORD, base_form, split_list, words_of

MAX_QUERY_CHARS = 200
MAX_CLAUSES = 10
MAX_WORD_CHARS = 60
MIN_PREFIX_CHARS = 3
# "At least k of these n clauses" as one index lookup is any of the C(n, k) groups of k:
# past this many groups, the documents are always found from the rarest clauses instead.
MAX_WORD_GROUPS = 20
# What testing one candidate document costs, in index entries checked against one word of a
# group (measured on PostgreSQL at 100,000 documents: about 4 µs against 0.015 µs).
ROW_TEST_COST = 250

FANCY_QUOTES = str.maketrans(dict.fromkeys("“”„‟«»＂", '"'))
OPERATOR_SIGNS = re.compile(r"[&|!:*()<>~^{}\[\]\\]")
OPERATOR_WORDS = frozenset({"AND", "OR", "NOT", "NEAR"})

# Words a question or a request wraps around what it asks about ("who is in charge of…",
# "tell me about…"): left out like stop words, so they need not match.
FILLER_LIST = """
    tell please know want wanted find information info anything something someone
    happen happens happening deal deals dealing look looks looking charge responsible
    exactly mean means meant kind sort type whats
"""
FILLER = frozenset(FILLER_LIST.split())
# How a question opens; an FAQ whose question opens the same way comes first among matches.
QUESTION_WORDS = frozenset({"what", "where", "who", "when", "which", "why", "how"})
QUESTION_PAIRS = frozenset({"how many", "how much", "how long", "how often"})


@dataclass(frozen=True)
class Term:
    """A word (``prefix``: or any word starting with it) or, with several words, a phrase."""

    words: tuple[str, ...]
    prefix: bool = False
    #: Several words, each anywhere (typed without quotes), rather than side by side.
    anywhere: bool = False

    @property
    def is_phrase(self):
        return len(self.words) > 1 and not self.anywhere

    @property
    def text(self):
        return " ".join(self.words)


@dataclass(frozen=True)
class Clause:
    """Alternatives, any of which may match; the first is what was typed."""

    alternatives: tuple[Term, ...]

    @property
    def typed(self):
        return self.alternatives[0]


@dataclass
class ParsedQuery:
    text: str = ""
    clauses: list[Clause] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    expanded: list[tuple[str, str]] = field(default_factory=list)
    #: How many clauses a document must match: 0 is all of them (the normal search); fewer
    #: is the fallback when all of them together find few (``engine``).
    min_match: int = 0
    #: How the question opens ("where", "how many"), when it is one.
    question: str = ""
    #: About how many documents have each clause, by position (``engine.fallback`` reads
    #: it from the vocabulary): with only some clauses needed, this decides how an engine
    #: finds the documents (``by_candidates``); any estimate gives the same answers.
    frequencies: tuple = ()
    #: ``(kind, object id)`` of documents that come first when they match: the page of a
    #: facet value the query only named ("vietnam": Viet Nam's page).
    pinned: tuple = ()

    def __bool__(self):
        return bool(self.clauses)

    @property
    def needs_all(self):
        return not self.min_match or self.min_match >= len(self.clauses)

    @property
    def key(self):
        """What the engines' answers depend on (cache keys)."""
        return (
            tuple(self.clauses),
            0 if self.needs_all else self.min_match,
            self.question,
            self.pinned,
        )

    def matching_at_least(self, count, frequencies=None):
        if frequencies is None:
            frequencies = self.frequencies
        return replace(self, min_match=count, frequencies=tuple(frequencies))

    def candidate_clauses(self):
        """The clauses one of which every document matching ``min_match`` of them has: the
        ``len(clauses) - min_match + 1`` rarest (a document missing all of them would miss
        more clauses than it may)."""
        frequencies = self.frequencies or (0,) * len(self.clauses)
        order = sorted(range(len(self.clauses)), key=lambda i: (frequencies[i], i))
        return [self.clauses[i] for i in order[: len(self.clauses) - self.min_match + 1]]

    def by_candidates(self):
        """With only some clauses needed, which way finds the documents faster: the rarest
        clauses' documents, each tested for how many clauses it has (True), or one index
        lookup of any group of ``min_match`` clauses (False), whose cost grows with every
        clause's documents times the number of groups. Weighed from ``frequencies``."""
        clauses, needed = len(self.clauses), self.min_match
        groups = math.comb(clauses, needed)
        if groups > MAX_WORD_GROUPS:
            return True
        frequencies = self.frequencies or (0,) * clauses
        candidates = sum(sorted(frequencies)[: clauses - needed + 1])
        operands = groups * needed * sum(len(c.alternatives) for c in self.clauses) / clauses
        return candidates * ROW_TEST_COST <= sum(frequencies) * operands

    def correctable_terms(self):
        """Single words typed outside quotes (not acronyms): where typos get corrected."""
        return [c.typed for c in self.clauses if len(c.alternatives) == 1 and not c.typed.is_phrase]

    def with_corrections(self, corrections):
        """A copy in which each corrected word also matches its correction."""
        clauses = []
        for clause in self.clauses:
            typed = clause.typed
            fixed = corrections.get(typed.words[0])
            if fixed and len(clause.alternatives) == 1 and not typed.is_phrase:
                clause = Clause((*clause.alternatives, Term((fixed,), typed.prefix)))
            clauses.append(clause)
        return replace(self, clauses=clauses)

    def corrected_text(self, corrections):
        text = self.text
        for typo, fixed in corrections.items():
            text = re.sub(rf"(?<![^\W_]){re.escape(typo)}(?![^\W_])", fixed, text, flags=re.I)
        return text


def naming(values):
    """A query for facet values that were only named ("burma"): each by any of its names,
    its own page first."""
    clauses = [
        Clause(tuple(Term(words) for words in value.names[: Glossary.MAX_ALTERNATIVES]))
        for value in values
    ]
    text = " ".join(value.label for value in values)
    pinned = tuple((value.kind, value.object_id) for value in values)
    return ParsedQuery(text=text, clauses=clauses, pinned=pinned)


def base_forms(words):
    return tuple(base_form(w) for w in words)


class Glossary:
    """Acronyms and their expansions, looked up both ways; and synonyms: everyday words and
    the portal's words for the same thing, also both ways (a synonym's words are matched
    on their base form, so "floods" is "flood")."""

    MAX_ALTERNATIVES = 8

    def __init__(self, entries=(), synonyms=()):
        self.expansion_of = {}
        self.acronym_of = {}
        for acronym, expansion in entries:
            words = tuple(words_of(expansion))
            if len(words) > 1:
                self.expansion_of[acronym.lower()] = words
                self.acronym_of.setdefault(words, acronym.lower())
        self.related = {}  # base forms of words -> phrases that also match
        for words, also_finds in synonyms:
            head = tuple(words_of(words))
            others = [tuple(words_of(o)) for o in split_list(also_finds)]
            for other in others:
                if head and other and other != head:
                    self.relate(head, other)
                    self.relate(other, head)
        self.longest = max((len(w) for w in [*self.acronym_of, *self.related]), default=0)

    def relate(self, words, other):
        found = self.related.setdefault(base_forms(words), [])
        if other not in found:
            found.append(other)

    @classmethod
    def load(cls):
        from search.models import GlossaryEntry, Synonym

        return cls(
            GlossaryEntry.objects.values_list("acronym", "expansion"),
            Synonym.objects.values_list("words", "also_finds"),
        )

    def clause_for(self, words, quoted=True):
        """An acronym (one word) or an expansion (a phrase) as a clause matching either,
        with the synonyms of what was typed. Words typed without quotes that are neither
        an acronym nor an expansion still match anywhere, not only side by side."""
        alternatives = [Term(words)]
        if len(words) == 1 and words[0] in self.expansion_of:
            alternatives.append(Term(self.expansion_of[words[0]]))
        elif words in self.acronym_of:
            alternatives.append(Term((self.acronym_of[words],)))
        elif len(words) > 1 and not quoted:
            alternatives = [Term(words, anywhere=True)]
        for other in self.related.get(base_forms(words), ()):
            alternatives.append(Term(other))
        if len(alternatives) == 1:
            return None
        return Clause(tuple(dict.fromkeys(alternatives))[: self.MAX_ALTERNATIVES])

    def longest_expansion_at(self, words, start):
        for length in range(min(self.longest, len(words) - start), 1, -1):
            candidate = tuple(words[start : start + length])
            if candidate in self.acronym_of or base_forms(candidate) in self.related:
                return candidate
        return None


def clean(raw):
    """Control characters out, whitespace collapsed, cut to ``MAX_QUERY_CHARS``."""
    notes = []
    text = " ".join(CONTROL.sub(" ", raw or "").split())
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS].rstrip()
        notes.append(
            f"Your search was too long, so only its first {MAX_QUERY_CHARS} characters were used."
        )
    return text, notes


def split_quoted(text):
    """``[(is_phrase, segment), ...]``; an unmatched quotation mark is ignored."""
    text = text.translate(FANCY_QUOTES)
    pieces = text.split('"')
    balanced = len(pieces) % 2 == 1
    segments = []
    for index, piece in enumerate(pieces):
        inside = index % 2 == 1 and (balanced or index < len(pieces) - 1)
        segments.append((inside, piece))
    return segments, balanced


def parse(raw, glossary=None):
    """What ``raw`` asks for, with notes on anything in it that was left out."""
    text, notes = clean(raw)
    query = ParsedQuery(text=text, notes=notes)
    if not text:
        return query
    segments, balanced = split_quoted(text)
    notes += notes_on(text, balanced)
    clauses, stopped = read_clauses(segments, glossary or Glossary())
    if not clauses and set(stopped) & FILLER:
        # Only question words and filler: then they are what was asked for.
        clauses, stopped = read_clauses(segments, glossary or Glossary(), filler=())
    clauses = list(dict.fromkeys(clauses))
    if len(clauses) > MAX_CLAUSES:
        notes.append(f"Only the first {MAX_CLAUSES} words or phrases were used.")
        clauses = clauses[:MAX_CLAUSES]
    if not clauses and stopped:
        notes.append(
            f"“{' '.join(stopped[:5])}” {'is' if len(stopped) == 1 else 'are'} too common to "
            "search for; try more specific words."
        )
    query.clauses = clauses
    query.question = question_of(text)
    query.expanded = [
        (c.typed.text, "”, “".join(t.text for t in c.alternatives[1:]))
        for c in clauses
        if len(c.alternatives) > 1
    ]
    return query


def notes_on(text, balanced):
    notes = []
    if not balanced:
        notes.append("A quotation mark had no partner, so it was ignored.")
    if OPERATOR_SIGNS.search(text) or OPERATOR_WORDS & set(text.split()):
        notes.append(
            "Search does not use operators such as & | ! : * ( ) AND OR NOT NEAR: "
            "it finds pages with all of your words."
        )
    if any(len(w) > MAX_WORD_CHARS for w in WORD.findall(text)):
        notes.append(f"Words longer than {MAX_WORD_CHARS} characters were left out.")
    return notes


def read_clauses(segments, glossary, filler=FILLER):
    """Clauses from quoted and unquoted segments, and the stop words left out. Acronyms and
    their expansions are recognised before stop words go, as expansions may contain them."""
    clauses, stopped = [], []
    for index, (is_phrase, segment) in enumerate(segments):
        words = [w for w in words_of(segment) if len(w) <= MAX_WORD_CHARS]
        if is_phrase:
            if words and set(words) <= STOPWORDS:
                stopped += words
            elif words:
                clauses.append(glossary.clause_for(tuple(words)) or Clause((Term(tuple(words)),)))
            continue
        start = 0
        while start < len(words):
            expansion = glossary.longest_expansion_at(words, start)
            if expansion:
                clauses.append(glossary.clause_for(expansion, quoted=False))
                start += len(expansion)
                continue
            word = words[start]
            start += 1
            if word in STOPWORDS or word in filler:
                stopped.append(word)
                continue
            clauses.append(glossary.clause_for((word,)) or Clause((Term((word,)),)))
            if index == len(segments) - 1 and start == len(words):
                clauses[-1] = prefixed(clauses[-1])
    return clauses, stopped


def prefixed(clause):
    """The last word typed also matches longer words (people are still typing it)."""
    term = clause.typed
    if len(clause.alternatives) > 1 or term.is_phrase or len(term.words[0]) < MIN_PREFIX_CHARS:
        return clause
    return Clause((Term(term.words, prefix=True),))


def question_of(text):
    """How ``text`` opens, if it opens as a question: "where", "how many"."""
    words = words_of(text)[:2]
    if len(words) == 2 and " ".join(words) in QUESTION_PAIRS:
        return " ".join(words)
    return words[0] if words and words[0] in QUESTION_WORDS else ""
