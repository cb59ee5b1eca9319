"""Trigram similarity exactly as PostgreSQL's pg_trgm measures it, for engines without it."""


def trigrams(word):
    padded = f"  {word.lower()} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a, b):
    """Shared trigrams over all trigrams of the two words (pg_trgm's ``similarity``)."""
    ta, tb = trigrams(a), trigrams(b)
    union = ta | tb
    return len(ta & tb) / len(union) if union else 0.0


def similarities(word, others):
    """``similarity(word, other)`` for each of ``others``, the word's trigrams made once."""
    mine = trigrams(word)
    for other in others:
        theirs = trigrams(other)
        union = len(mine | theirs)
        yield len(mine & theirs) / union if union else 0.0
