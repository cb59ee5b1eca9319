"""A document's page reads, each compiled to SQL once per process
(``caching.prepared_queries``), as an initiative's are (``initiatives.reads``), and run,
with the document itself, as one statement (``PAGE``, ``caching.folded_queries``)."""

from caching.folded_queries import FoldedQuery
from caching.prepared_queries import PreparedQuery
from initiatives.models import Initiative, Topic
from partners.models import Partner
from public.link_lists import LinkList, LinkLists
from publishing.changes import record_query
from publishing.linked import linked_only
from sources.references import page_citations_query

from .models import Document, Participation

# Every read is by the document's slug, so that it and all of them are one statement.

ITEM = PreparedQuery(
    lambda slug: (
        Document.objects.select_related("issuing_body", "meeting", "source")
        .defer(
            *linked_only(Document, "issuing_body", "name"),
            *linked_only(Document, "meeting", "title"),
        )
        .filter(slug=slug)
    )
)
# The page's three short lists of links (``public.link_lists``).
LINKS = LinkLists(
    LinkList(Topic, "documents"),
    LinkList(Partner, "documents"),
    LinkList(Initiative, "documents", label="title"),
    key="slug",
)
PARTICIPATIONS = PreparedQuery(
    lambda slug: (
        Participation.objects.filter(document__slug=slug)
        .select_related("member_state", "source")
        .defer(*linked_only(Participation, "member_state", "name"))
        .order_by("member_state__name")
    )
)

# The document and what its page reads, with its record of changes and the citations of
# it and of its participations, in one statement.
PAGE = FoldedQuery(
    item=ITEM,
    participations=PARTICIPATIONS,
    record=record_query(Document, key="slug"),
    citations=page_citations_query(Document, (Participation, "document__slug")),
    **LINKS.parts,
)
