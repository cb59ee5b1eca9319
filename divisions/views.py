from django.utils import timezone
from django.views.generic import DetailView, ListView

from caching import content_token
from caching.folded_queries import FoldedQuery
from caching.prepared_queries import PreparedQuery
from public.listing import shown
from publishing.changes import RECORD_IN_CONTEXT, PageRecord, record_query
from publishing.preview import PreviewableDetailMixin
from sources.references import item_citations_query, references_for

from .models import Division
from .tree import build_tree, published_units

# A division's or topic's page shows this many of its initiatives and questions and links to
# the rest; the home page features as many initiatives (one row of cards).
SHOWN_INITIATIVES = 6
SHOWN_FAQS = 20


class DivisionListView(ListView):
    template_name = "divisions/division_list.html"
    context_object_name = "divisions"

    def get_queryset(self):
        return Division.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tree"] = build_tree(context["divisions"])
        return context


def _model(relation):
    """The model on the other side of a reverse relation: initiatives and FAQs sit above
    divisions in the layers, so this app reads them without importing them."""
    return Division._meta.get_field(relation).related_model


# A division's page lists, compiled once per process (``caching.prepared_queries``).
def _first_initiatives(relation, field, constants_in_sql=False):
    """The first initiatives (cards, by title) whose ``field`` is the division, with their
    topics' ids but without their lead divisions (``_attach_lead_divisions``)."""
    return PreparedQuery(
        lambda pk, now: (
            _model(relation)
            .objects.published(now)
            .filter(**{field: pk})
            .for_cards(lead_division=False)
            .with_card_topic_ids()
            .order_by("title", "pk")[:SHOWN_INITIATIVES]
        ),
        constants_in_sql=constants_in_sql,
    )


LED = _first_initiatives("led_initiatives", "lead_division")
# The initiatives a division supports: for one that supports many, by a statement that
# PostgreSQL plans once (its constants written in): walk the titles, check each row's link,
# stop after six. That plan would walk nearly the whole table for a division supporting few
# (2.6 s for one supporting none, at 100,000 initiatives), so those keep the statement
# planned on every run, which finds their few links first (``supports_many``).
SUPPORTED = _first_initiatives("supported_initiatives", "supporting_divisions")
SUPPORTED_MANY = _first_initiatives(
    "supported_initiatives", "supporting_divisions", constants_in_sql=True
)
# "Many": at least 1 in MANY_SHARE of all initiatives, so the walk passes some 6 × 50 = 300
# titles at most before it has six (about 0.3 ms).
MANY_SHARE = 50


def supports_many(pk):
    """Whether the division supports at least 1 in ``MANY_SHARE`` initiatives, drafts
    included: a guide to the query's cost, worked out once per content token."""
    return content_token.remember(f"divisions:supports-many:{pk}", lambda: _supports_many(pk))


def _supports_many(pk):
    links = Division._meta.get_field("supported_initiatives").through.objects
    return (
        links.filter(division=pk).count() * MANY_SHARE >= _model("led_initiatives").objects.count()
    )


FAQS = PreparedQuery(
    lambda pk, now: (
        _model("faqs")
        .objects.published(now)
        .filter(division=pk)
        .only("question", "slug", "division")[:SHOWN_FAQS]
    )
)
# The page's lists, with its record of changes and its citations, in one statement
# (``caching.folded_queries``); a division that supports few initiatives reads those on
# their own, so that only that statement is planned on every run.
_OWN = {"record": record_query(Division), "citations": item_citations_query(Division)}
PAGE = FoldedQuery(led=LED, faqs=FAQS, **_OWN)
PAGE_SUPPORTING_MANY = FoldedQuery(led=LED, supported=SUPPORTED_MANY, faqs=FAQS, **_OWN)


class DivisionDetailView(PreviewableDetailMixin, DetailView):
    """One division. Its initiatives and FAQs come through reverse relations, so this app
    imports nothing from the apps that depend on it."""

    model = Division
    template_name = "divisions/division_detail.html"
    context_object_name = "division"

    prepared_lookup = True

    def get_object(self, queryset=None):
        """A published division is one of the published units the portal has read for this
        content token already: no query of its own. Any other (archived, a draft shown to
        staff, an unknown slug) is looked up as every item is."""
        if queryset is None:
            slug = self.kwargs[self.slug_url_kwarg]
            for unit in published_units():
                if unit.slug == slug:
                    return unit
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        division = self.object
        # Its parent and units as the public sees them: the published ones, in chart order.
        units = {unit.pk: unit for unit in published_units()}
        context["parent"] = units.get(division.parent_id)
        context["children"] = [d for d in units.values() if d.parent_id == division.pk]
        # Each list: its first rows (prepared queries), and how many it has ("6 of 8"),
        # counted once per content token.
        pk, now = division.pk, timezone.now()
        if supports_many(pk):
            found = PAGE_SUPPORTING_MANY.rows(pk=pk, now=now)
        else:
            found = {**PAGE.rows(pk=pk, now=now), "supported": SUPPORTED.rows(pk=pk, now=now)}
        for name, related, n in (
            ("led", division.led_initiatives, SHOWN_INITIATIVES),
            ("supported", division.supported_initiatives, SHOWN_INITIATIVES),
            ("faqs", division.faqs, SHOWN_FAQS),
        ):
            rows = found[name]
            count = lambda related=related: related.published().count()  # noqa: E731
            context[name] = shown(rows, n, f"division-{name}:{pk}", count)
        _attach_lead_divisions(division, units, context["led"].rows, context["supported"].rows)
        # The topics of both lists' cards, from the ids they were read with.
        division.led_initiatives.attach_card_topics(context["led"].rows + context["supported"].rows)
        context["references"] = references_for(division, citations=found["citations"])
        context[RECORD_IN_CONTEXT] = PageRecord(found["record"])
        return context


def _attach_lead_divisions(division, units, led, supported):
    """Each card's lead division: this one for those it leads; for those it supports, from
    the published ``units`` (by id) the page has read already, and a query only for a lead
    division that is not among them (one unpublished since)."""
    for row in led:
        row.lead_division = division
    missing = {row.lead_division_id for row in supported} - units.keys()
    others = (
        {d.pk: d for d in Division.objects.filter(pk__in=missing).only("name", "slug")}
        if missing
        else {}
    )
    for row in supported:
        row.lead_division = units.get(row.lead_division_id) or others[row.lead_division_id]
