"""Names in a query that mean a facet value: "vietnam digital" is "digital", among the items
that involve Viet Nam.

Every registered facet type that says how (``Search.recognise``: a Member State's official
name, its variants and demonyms) contributes names; this module names no app. Names are
matched on whole words, ignoring case and diacritics, the longest first ("Lao PDR" before
"Lao"), outside quotation marks. They are read once per content token and registry
generation, so a search reads no table for them while nothing changed.
"""

import itertools
import unicodedata
from dataclasses import dataclass

from caching import content_token
from publishing.registry import registry
from search.tokenizer import WORD


def normal(word):
    """A word without case or diacritics: "Việt" -> "viet"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_words(name):
    return tuple(normal(w) for w in WORD.findall(name))


@dataclass(frozen=True)
class Recognised:
    """A facet value a query named: ``kind`` and ``object_id`` make its facet key."""

    kind: str
    object_id: int
    label: str
    slug: str
    #: Every name it goes by, as words (the first is its own name).
    names: tuple[tuple[str, ...], ...]

    @property
    def facet_key(self):
        return f"{self.kind}:{self.object_id}"

    @property
    def name_texts(self):
        return [" ".join(words) for words in self.names]


class Names:
    """Every recognisable name, by its words."""

    def __init__(self, values=()):
        self.values = list(values)
        self.by_words = {}
        for value in self.values:
            for words in value.names:
                self.by_words.setdefault(words, value)
        self.longest = max((len(w) for w in self.by_words), default=0)

    def __bool__(self):
        return bool(self.by_words)

    def find(self, text, skip_kinds=()):
        """``(values named, text without their names)``: at most one value per facet type
        (the first named); names inside quotation marks are left as typed."""
        if not self.by_words:
            return [], text
        tokens = [
            (m.start(), m.end(), normal(m.group()))
            for m in WORD.finditer(text)
            if not text.count('"', 0, m.start()) % 2  # outside quotation marks
        ]
        found, spans, start = [], [], 0
        while start < len(tokens):
            for length in range(min(self.longest, len(tokens) - start), 0, -1):
                run = tokens[start : start + length]
                if any('"' in text[a[1] : b[0]] for a, b in itertools.pairwise(run)):
                    continue  # not side by side (a quoted phrase between them)
                value = self.by_words.get(tuple(t[2] for t in run))
                if value and value.kind not in skip_kinds:
                    if all(v.kind != value.kind for v in found):
                        found.append(value)
                        spans.append((run[0][0], run[-1][1]))
                    start += length
                    break
            else:
                start += 1
        for begin, end in reversed(spans):
            text = text[:begin] + " " + text[end:]
        return found, " ".join(text.split())

    def synonyms(self):
        """``[(official name, "other, names")]``, as the glossary's synonyms take them, so
        a name that does not narrow the search still finds its other names."""
        return [
            (value.name_texts[0], ", ".join(value.name_texts[1:]))
            for value in self.values
            if len(value.names) > 1
        ]


def recognisable_types():
    return {
        kind: content_type
        for kind, content_type in registry.searchable().items()
        if content_type.search.facet and content_type.search.recognise
    }


def name_rows():
    """``[(kind, id, label, slug, [names])]`` of the published values of each facet type
    that recognises names (one query per such type)."""
    rows = []
    for kind, content_type in recognisable_types().items():
        for obj in content_type.model.objects.published():
            names = [obj.name, *content_type.search.recognise(obj)]
            rows.append((kind, obj.pk, obj.name, obj.slug, names))
    return rows


def names():
    """The recognisable names, read once per content token and registry generation."""
    if not recognisable_types():
        return Names()
    rows = content_token.remember(f"search-names:{registry.generation}", name_rows)
    values = []
    for kind, pk, label, slug, typed in rows:
        words = tuple(dict.fromkeys(w for w in (name_words(n) for n in typed) if w))
        if words:
            values.append(Recognised(kind, pk, label, slug, words))
    return Names(values)
