"""A document's page reads, each compiled to SQL once per process
(``caching.prepared_queries``), as an initiative's are (``initiatives.reads``)."""

from caching.prepared_queries import PreparedQuery
from initiatives.models import Initiative, Topic
from partners.models import Partner
from public.link_lists import LinkList, LinkLists

from .models import Participation

# The page's three short lists of links, in one query (``public.link_lists``).
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
