"""A document's page reads, each compiled to SQL once per process
(``caching.prepared_queries``), as an initiative's are (``initiatives.reads``)."""

from caching.prepared_queries import PreparedQuery
from initiatives.models import Initiative, Topic
from partners.models import Partner

from .models import Participation

TOPICS = PreparedQuery(
    lambda pk, now: Topic.objects.published(now).filter(documents=pk).only("name", "slug")
)
INITIATIVES = PreparedQuery(
    lambda pk, now: (
        Initiative.objects.published(now)
        .filter(documents=pk)
        .only("title", "slug", "summary")
        .order_by("title")
    )
)
PARTNERS = PreparedQuery(
    lambda pk, now: Partner.objects.published(now).filter(documents=pk).only("name", "slug", "kind")
)
PARTICIPATIONS = PreparedQuery(
    lambda pk: (
        Participation.objects.filter(document=pk)
        .select_related("member_state", "source")
        .order_by("member_state__name")
    )
)
