from django.db.models import F
from django.utils import timezone

from caching.prepared_queries import PreparedQuery
from documents.models import Document
from public.listing import FilteredListView
from publishing.linked import linked_only
from search.filtering import word_match, word_notes

from .filters import FAQFilter
from .models import FAQ
from .opendata import FAQS

# ``?order=``: the source's order (the default: the order staff give the questions, which
# the seed takes from the article) or grouped by owning division.
SOURCE_ORDER, BY_DIVISION = "source", "division"
ORDERS = {SOURCE_ORDER: "In the order of the source", BY_DIVISION: "By division"}


def with_division(faqs):
    """``faqs`` with their divisions as far as the list names them (a group's heading)."""
    return faqs.select_related("division").defer(*linked_only(FAQ, "division", "name"))


def resting_documents(now=None):
    """The published documents, as the list shows those an answer rests on."""
    return Document.objects.published(now).only("title", "slug", "date").order_by("-date", "title")


# The list as most visitors see it (no filter, the source's order), read by two prepared
# queries (``caching.prepared_queries``) rather than built through the ORM each time: the
# questions, and the documents their answers rest on. Measured on the list (10 questions,
# PostgreSQL): building the two cost ~1 ms of the page's ~10 ms.
IN_SOURCE_ORDER = PreparedQuery(
    lambda now: with_division(FAQ.objects.published(now)).order_by("order", "pk")
)
# Documents, each with the question it supports (``faq_id``; once per question it
# supports): no link-table rows made into objects besides them.
RESTING_ON = PreparedQuery(
    lambda faqs, now: (
        resting_documents(now)
        .annotate(faq_id=F("faqs"))
        .filter(faq_id__in=faqs)
        .order_by("-date", "title", "pk")
    )
)


def in_source_order():
    """Every published question in the source's order, each with its ``resting_documents``."""
    now = timezone.now()
    return with_resting_documents(IN_SOURCE_ORDER.rows(now=now), now)


def with_resting_documents(faqs, now=None):
    """``faqs`` as a list, each with ``resting_documents``: the published documents its
    answer rests on, newest first, read by one prepared query for them all (a prefetch
    built its query on every request)."""
    faqs = list(faqs)
    resting = {}
    if faqs:
        rows = RESTING_ON.rows(faqs=[faq.pk for faq in faqs], now=now or timezone.now())
        for document in rows:
            resting.setdefault(document.faq_id, []).append(document)
    for faq in faqs:
        faq.resting_documents = resting.get(faq.pk, [])
    return faqs


class FAQListView(FilteredListView):
    """Every published FAQ, in the source's order or grouped by owning division, filterable
    by topic and division. With words, the best match comes first (within each division
    when grouped)."""

    filterset_class = FAQFilter
    dataset = FAQS
    context_object_name = "faqs"
    template_name = "faqs/faq_list.html"

    def get(self, request, *args, **kwargs):
        raw = request.GET.get("order", SOURCE_ORDER)
        self.order = raw if raw in ORDERS else SOURCE_ORDER
        self.order_message = (
            ""
            if raw in ORDERS
            else (f"“{raw[:20]}” is not a way to order the questions; showing the source’s order.")
        )
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        rows = with_division(FAQ.objects.published())
        if self.order == BY_DIVISION:
            return rows.order_by(
                F("division__order").asc(nulls_last=True), "division__name", "order", "pk"
            )
        return rows.order_by("order", "pk")

    def notes(self):
        return [*word_notes(self.filterset), *filter(None, [self.order_message])]

    def ordered_list(self):
        match = word_match(self.filterset)
        if not match:
            if self.order == SOURCE_ORDER and not self.filterset.active_count():
                return in_source_order()
            return with_resting_documents(self.filterset.qs)
        position = {pk: n for n, pk in enumerate(match.ranked_ids(self.filterset.qs, 0, None))}
        rows = list(self.filterset.qs)
        if self.order != BY_DIVISION:
            return with_resting_documents(sorted(rows, key=lambda row: position.get(row.pk, 0)))
        # Grouped by division as the page shows them; within a division, best match first.
        group = {}
        for row in rows:
            group.setdefault(row.division_id, len(group))
        rows.sort(key=lambda row: (group[row.division_id], position.get(row.pk, 0)))
        return with_resting_documents(rows)

    def order_url(self, order):
        """This list (its filters kept, the page dropped) in ``order``, at its results."""
        query = self.request.GET.copy()
        query.pop("order", None)
        query.pop("page", None)
        if order != SOURCE_ORDER:
            query["order"] = order
        path = self.request.path
        return f"{path}?{query.urlencode()}#results" if query else f"{path}#results"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["order"] = self.order
        context["orders"] = [
            (self.order_url(value), label, value == self.order) for value, label in ORDERS.items()
        ]
        context["by_division"] = self.order == BY_DIVISION
        # Applying filters keeps the chosen order (the default needs no field).
        context["hidden_fields"] = [("order", BY_DIVISION)] if context["by_division"] else []
        return context
