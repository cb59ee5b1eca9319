"""An initiative's page reads, each compiled to SQL once per process
(``caching.prepared_queries``): the page makes the same handful of small queries on every
request, and building them through the ORM each time cost more than running them. They run,
with the initiative itself, as one statement (``PAGE``, ``caching.folded_queries``)."""

from caching.folded_queries import FoldedQuery
from caching.prepared_queries import PreparedQuery
from divisions.models import Division
from member_states.models import MemberState
from public.link_lists import LinkList, LinkLists
from publishing.changes import record_query
from publishing.linked import linked_only
from sources.references import page_citations_query

from .models import Indicator, IndicatorPeriod, Initiative, Milestone, Topic


def _documents_model():
    # Documents sit above initiatives in the layers: read by the reverse relation's model.
    return Initiative._meta.get_field("documents").related_model


# Every read is by the initiative's slug, so that it and all of them are one statement.

ITEM = PreparedQuery(
    lambda slug: (
        Initiative.objects.select_related("lead_division")
        .defer(*linked_only(Initiative, "lead_division", "name"))
        .filter(slug=slug)
    )
)
# The page's three short lists of links (``public.link_lists``).
LINKS = LinkLists(
    LinkList(Division, "supported_initiatives"),
    LinkList(Topic, "initiatives"),
    LinkList(MemberState, "initiatives"),
    key="slug",
)
DOCUMENTS = PreparedQuery(
    lambda slug, now: (
        _documents_model()
        .objects.published(now)
        .filter(initiatives__slug=slug)
        .only("title", "slug", "doc_type", "date", "identifier")
        .order_by("-date", "title")
    )
)
MILESTONES = PreparedQuery(
    lambda slug: Milestone.objects.select_related("source").filter(initiative__slug=slug)
)
INDICATORS = PreparedQuery(
    lambda slug: Indicator.objects.select_related("baseline_source").filter(initiative__slug=slug)
)
PERIODS = PreparedQuery(
    lambda slug: IndicatorPeriod.objects.select_related("source").filter(
        indicator__initiative__slug=slug
    )
)

# The initiative and what its page reads, with its record of changes and the citations of
# it and of its parts, in one statement.
PAGE = FoldedQuery(
    item=ITEM,
    milestones=MILESTONES,
    indicators=INDICATORS,
    periods=PERIODS,
    documents=DOCUMENTS,
    record=record_query(Initiative, key="slug"),
    citations=page_citations_query(
        Initiative,
        (Milestone, "initiative__slug"),
        (Indicator, "initiative__slug"),
        (IndicatorPeriod, "indicator__initiative__slug"),
    ),
    **LINKS.parts,
)
