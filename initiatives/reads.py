"""An initiative's page reads, each compiled to SQL once per process
(``caching.prepared_queries``): the page makes the same handful of small queries on every
request, and building them through the ORM each time cost more than running them."""

from caching.prepared_queries import PreparedQuery
from divisions.models import Division
from member_states.models import MemberState

from .models import Indicator, IndicatorPeriod, Initiative, Milestone, Topic


def _documents_model():
    # Documents sit above initiatives in the layers: read by the reverse relation's model.
    return Initiative._meta.get_field("documents").related_model


SUPPORTING = PreparedQuery(
    lambda pk, now: Division.objects.published(now).filter(supported_initiatives=pk)
)
TOPICS = PreparedQuery(lambda pk, now: Topic.objects.published(now).filter(initiatives=pk))
MEMBER_STATES = PreparedQuery(
    lambda pk, now: MemberState.objects.published(now).filter(initiatives=pk)
)
DOCUMENTS = PreparedQuery(
    lambda pk, now: (
        _documents_model()
        .objects.published(now)
        .filter(initiatives=pk)
        .only("title", "slug", "doc_type", "date", "identifier")
        .order_by("-date", "title")
    )
)
MILESTONES = PreparedQuery(
    lambda pk: Milestone.objects.select_related("source").filter(initiative=pk)
)
INDICATORS = PreparedQuery(
    lambda pk: Indicator.objects.select_related("baseline_source").filter(initiative=pk)
)
PERIODS = PreparedQuery(
    lambda pk: IndicatorPeriod.objects.select_related("source").filter(indicator__initiative=pk)
)
