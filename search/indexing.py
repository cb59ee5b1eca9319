"""Keeping the index current: the one place that writes search documents and vocabulary.

A change asks for its objects to be indexed (``index``, ``index_with_dependents``); the
request is recorded and acted on once the transaction commits (``caching.after_commit``),
each object once however often the transaction touched it, and before the content token
changes, so search answers cached under the new token are made from the new index.
``write_index`` writes at once (for that handler, and for callers that then change the
token themselves).

Writers take their locks in one order — content rows (``select_for_update`` while the
documents are built), then documents in (kind, object id) order — so two writers never wait
on each other in a cycle, and neither a rebuild nor a late handler writes an older copy of
a page over a newer one.
"""

from collections import Counter, defaultdict

from django.db import connection, transaction
from django.db.models import Case, F, Value, When

from caching import after_commit, content_token
from search.documents import SOURCES, dependents
from search.models import SearchDocument, SearchTerm
from search.query import STOPWORDS, words_of

BATCH_SIZE = 1000
TEXT_FIELDS = ("title", "summary", "body", "keywords")
WRITTEN_FIELDS = (*TEXT_FIELDS, "url", "facets", "publish_at", "unpublish_at", "indexed_at")
LABEL_FIELDS = ("title", "keywords")


def vocabulary_of(document):
    """The distinct words of a document that typo suggestions may offer."""
    text = " ".join(getattr(document, name) for name in TEXT_FIELDS)
    return {w for w in words_of(text) if 3 <= len(w) <= 40 and not w.isdigit()} - STOPWORDS


def chunks(items, size=BATCH_SIZE):
    items = sorted(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def write_documents(documents):
    """Insert or update, in (kind, object id) order."""
    documents = sorted(documents, key=lambda d: (d.kind, d.object_id))
    SearchDocument.objects.bulk_create(
        documents,
        update_conflicts=True,
        unique_fields=["kind", "object_id"],
        update_fields=WRITTEN_FIELDS,
    )


TOPIC = "search index"


def index(kind, pks):
    """Index these objects once this transaction commits (at once outside one)."""
    after_commit.record(TOPIC, *((kind, pk, False) for pk in pks))
    content_token.bump()  # cached answers are filed under the token


def index_with_dependents(kind, pks):
    """Index these objects once this transaction commits and, for divisions and topics
    whose names changed, everything that shows those names."""
    after_commit.record(TOPIC, *((kind, pk, True) for pk in pks))
    content_token.bump()


def _index_recorded(items):
    """``after_commit``'s handler: each recorded object once, a batch per kind."""
    by_kind = defaultdict(dict)  # kind -> {pk: also its dependents?}
    for kind, pk, with_dependents in items:
        by_kind[kind][pk] = by_kind[kind].get(pk, False) or with_dependents
    for kind, pks in sorted(by_kind.items()):
        relabelled = {pk for pk in write_index(kind, pks) if pks.get(pk)}
        if relabelled:
            for dependent_kind, dependent_pks in dependents(kind, relabelled).items():
                write_index(dependent_kind, dependent_pks)


after_commit.handle(TOPIC, _index_recorded, order=0)  # before the content token changes


def write_index(kind, pks):
    """Bring the documents of these objects in line with the content now, in batches: write
    the published ones, delete the rest. Returns the pks whose title or keywords changed (or
    that appeared or vanished), so callers can refresh what shows their names. Outside
    ``after_commit`` the caller changes the content token (``content_token.bump``)."""
    source = SOURCES[kind]
    relabelled = set()
    for chunk in chunks(set(pks)):
        with transaction.atomic():
            old = {
                d.object_id: d
                for d in SearchDocument.objects.filter(kind=kind, object_id__in=chunk).only(
                    "object_id", *TEXT_FIELDS
                )
            }
            # Locked while read: a writer that commits meanwhile waits, so the last handler
            # to write a document has read the last committed content.
            rows = source.queryset().filter(pk__in=chunk).select_for_update(of=("self",))
            new = {o.pk: source.build(o) for o in rows}
            gone = set(old) - set(new)
            if gone:
                SearchDocument.objects.filter(kind=kind, object_id__in=gone).delete()
            if new:
                write_documents(new.values())
            delta = Counter()
            for pk in set(old) | set(new):
                before = vocabulary_of(old[pk]) if pk in old else set()
                after = vocabulary_of(new[pk]) if pk in new else set()
                delta.update(after - before)
                delta.subtract(before - after)
                if (pk in old) != (pk in new) or any(
                    getattr(old[pk], f) != getattr(new[pk], f) for f in LABEL_FIELDS
                ):
                    relabelled.add(pk)
            adjust_vocabulary(delta)
    return relabelled


def adjust_vocabulary(delta):
    """Apply per-word document-count changes in one UPDATE; words no document uses any
    more go."""
    changes = {word: change for word, change in delta.items() if change}
    if not changes:
        return
    added = sorted(w for w, change in changes.items() if change > 0)
    if added:
        SearchTerm.objects.bulk_create([SearchTerm(word=w) for w in added], ignore_conflicts=True)
    by_change = defaultdict(list)
    for word, change in changes.items():
        by_change[change].append(word)
    SearchTerm.objects.filter(word__in=sorted(changes)).update(
        documents=F("documents")
        + Case(*(When(word__in=words, then=Value(c)) for c, words in sorted(by_change.items())))
    )
    if any(change < 0 for change in changes.values()):
        SearchTerm.objects.filter(documents__lte=0).delete()


def rebuild(batch_size=BATCH_SIZE, progress=None):
    """Rebuild every document and the vocabulary from the content, batch by batch, while
    the site keeps serving searches from the index as it is. Returns ``{kind: count}``."""
    counts = {}
    vocabulary = Counter()
    for kind, source in SOURCES.items():
        pks = list(source.queryset().values_list("pk", flat=True).order_by("pk"))
        for chunk in chunks(pks, batch_size):
            with transaction.atomic():
                rows = source.queryset().filter(pk__in=chunk).order_by("pk")
                documents = [source.build(o) for o in rows.select_for_update(of=("self",))]
                write_documents(documents)
                content_token.bump()
            for document in documents:
                vocabulary.update(vocabulary_of(document))
            if progress:
                progress(kind, len(documents))
        # One statement, judged on the content as it is when it runs.
        content_token.bump()
        SearchDocument.objects.filter(kind=kind).exclude(
            object_id__in=source.queryset().values("pk")
        ).delete()
        counts[kind] = len(pks)
    with transaction.atomic():
        content_token.bump()
        SearchTerm.objects.all().delete()
        SearchTerm.objects.bulk_create(
            [SearchTerm(word=w, documents=n) for w, n in sorted(vocabulary.items())],
            batch_size=5000,
        )
    from search.backends import get_backend

    get_backend(connection).optimise()
    return counts
