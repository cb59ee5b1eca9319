"""An initiative's page reads, each compiled to SQL once per process
(``caching.prepared_queries``): the page makes the same handful of small queries on every
request, and building them through the ORM each time cost more than running them."""

from django.db import models
from django.db.models import IntegerField
from django.db.models.expressions import RawSQL

from caching.prepared_queries import PreparedQuery
from divisions.models import Division
from member_states.models import MemberState

from .models import Indicator, IndicatorPeriod, Initiative, Milestone, Topic


def _documents_model():
    # Documents sit above initiatives in the layers: read by the reverse relation's model.
    return Initiative._meta.get_field("documents").related_model


# The page's three short lists of links (its supporting divisions, topics and Member
# States) in one query, each row (list, rank, name, slug, id): a round trip and ~0.1 ms of
# Python less for each list, on every initiative's page. Each list keeps its model's order
# (a division's ``order``, then names). The list numbers are SQL, not parameters, so the
# statement can be prepared on the server.
LINK_LISTS = (Division, Topic, MemberState)


def _links(pk, now):
    parts = []
    for number, (model, link) in enumerate(
        [(Division, "supported_initiatives"), (Topic, "initiatives"), (MemberState, "initiatives")]
    ):
        rank = models.F("order") if model is Division else RawSQL("0", (), IntegerField())
        parts.append(
            model.objects.published(now)
            .filter(**{link: pk})
            .annotate(list=RawSQL(str(number), (), IntegerField()), rank=rank)
            .order_by()
            .values_list("list", "rank", "name", "slug", "pk")
        )
    first, *rest = parts
    return first.union(*rest, all=True).order_by("list", "rank", "name", "pk")


LINKS = PreparedQuery(_links)


def links(pk, now):
    """``(supporting divisions, topics, Member States)`` of initiative ``pk``, published
    ones only, each a list of its model's instances carrying their name and slug."""
    found = ([], [], [])
    for number, _rank, name, slug, item_pk in LINKS.rows(pk=pk, now=now):
        found[number].append(LINK_LISTS[number](pk=item_pk, name=name, slug=slug))
    return found


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
