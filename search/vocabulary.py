"""What the index's vocabulary (``SearchTerm``: each word and how many documents have it)
tells about a query before it is run."""

from django.db.models import Q

from search.models import SearchTerm
from search.tokenizer import STOPWORDS


def clause_frequencies(query):
    """About how many documents have each clause (``ParsedQuery.frequencies``), from the
    index's vocabulary: how many documents have each word (a prefix: the words it begins; a
    phrase: its rarest word; alternatives add up). One query; an estimate is enough, as it
    decides how the engines work, never what they answer."""
    words, prefixes = set(), set()
    for clause in query.clauses:
        for term in clause.alternatives:
            (prefixes if term.prefix else words).update(term.words)
    # Every word read as a prefix, from the index that answers those (for an IN list,
    # PostgreSQL's planner picks the trigram index, several times slower here).
    wanted = Q()
    for word in sorted(words | prefixes):
        wanted |= Q(word__startswith=word)
    counts = dict(SearchTerm.objects.filter(wanted).values_list("word", "documents"))

    def documents(term):
        if term.prefix:
            return sum(n for word, n in counts.items() if word.startswith(term.words[0]))
        # Stop words are not in the vocabulary, and never the rarest word of a phrase.
        found = [counts.get(w, 0) for w in term.words if w not in STOPWORDS]
        return min(found, default=0)

    return tuple(sum(documents(term) for term in c.alternatives) for c in query.clauses)
