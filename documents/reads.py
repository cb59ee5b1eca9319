"""A document's page reads, each compiled to SQL once per process
(``caching.prepared_queries``), as an initiative's are (``initiatives.reads``), and run as
one statement (``PAGE``, ``caching.folded_queries``)."""

from caching.folded_queries import FoldedQuery
from caching.prepared_queries import PreparedQuery
from initiatives.models import Initiative, Topic
from partners.models import Partner
from public.link_lists import LinkList, LinkLists
from publishing.changes import record_query
from sources.references import item_citations_query, part_citations_query

from .models import Document, Participation

# The page's three short lists of links (``public.link_lists``).
LINKS = LinkLists(
    LinkList(Topic, "documents"),
    LinkList(Partner, "documents"),
    LinkList(Initiative, "documents", label="title"),
)
PARTICIPATIONS = PreparedQuery(
    lambda pk: (
        Participation.objects.filter(document=pk)
        .select_related("member_state", "source")
        .order_by("member_state__name")
    )
)

# What the page reads after the document itself, with its record of changes and the
# citations of it and of its participations, in one statement.
PAGE = FoldedQuery(
    participations=PARTICIPATIONS,
    record=record_query(Document),
    citations=item_citations_query(Document),
    participation_citations=part_citations_query(Participation, "document"),
    **LINKS.parts,
)
