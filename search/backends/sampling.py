"""Broad queries, done the same way on both engines.

Counting and ranking read every matching row, microseconds each, so a word found in most of
100,000 documents costs hundreds of milliseconds however it is indexed. Past ``EXACT_LIMIT``
matches (each engine's cheap estimate) the search deliberately does less, and says so:

- the counts are estimated from a fixed sample of the documents — the first few of
  ``BUCKETS`` buckets of their ids, in runs of 8 neighbours so a bucket's rows share disk
  pages — scaled up and rounded (the page says "about");
- the ranking is done in blocks of about ``BLOCK_ROWS`` matches, one bucket range after the
  other: page 1 is the best of a block of about 500 matches spread evenly over the whole
  index, and paging on goes through every match exactly once.

Narrower queries, nearly all real ones, are counted and ranked exactly.
"""

import math
from dataclasses import dataclass

BUCKETS = 64
EXACT_LIMIT = 1_000  # more matches than this (estimated) and the counts are estimated
SAMPLE_ROWS = 800  # about this many sampled matches to estimate the counts from
BLOCK_ROWS = 500  # about this many matches ranked together


def bucket_index_expression(column="id"):
    """The bucket of the document whose id is ``column``, as an index definition spells it."""
    return f"(({column} / 8) % {BUCKETS})"


def bucket_sql(column):
    """The same, in a statement with parameters (so an index on it is used)."""
    return bucket_index_expression(column).replace("%", "%%")


@dataclass(frozen=True)
class Sample:
    """What the first ``buckets`` buckets held: ``(facet key, documents)`` pairs, and the
    matches they make, scaled up to the whole index; the engine's estimate it began from;
    and, when asked for, each bucket's best matches."""

    estimate: int
    buckets: int
    counts: list
    total: float
    #: With the counts, the best ``first_page`` matches of each bucket, ranked:
    #: ``(id, bucket, position)`` in order of position (``SearchBackend.counts_and_ranking``).
    first_page: int = 0
    ranked: list = ()


class Estimate(dict):
    """Facet counts estimated from a sample: rounded, and shown as "about"."""

    estimated = True


def rounded(n):
    """Two significant figures: an estimate should not look more precise than it is."""
    if n < 100:
        return n
    scale = 10 ** (len(str(n)) - 2)
    return round(n / scale) * scale


def buckets_for(estimate, rows):
    """How many buckets hold about ``rows`` of ``estimate`` matches (1 to BUCKETS)."""
    return max(1, min(BUCKETS, math.ceil(BUCKETS * rows / max(estimate, 1))))


def is_small_sample(matched, buckets):
    """Too few sampled matches to estimate from, and room to take more buckets."""
    return matched < SAMPLE_ROWS // 4 and buckets < BUCKETS
