from django.core.paginator import Paginator
from django.db.models import BooleanField, Case, Min, Value, When
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import DetailView

from caching import content_token
from caching.folded_queries import FoldedQuery
from caching.prepared_queries import PreparedQuery
from partners.models import Partner
from public.listing import FilteredListView, count_key
from publishing.changes import RECORD_IN_CONTEXT, PageRecord, record_query
from publishing.linked import linked_only
from publishing.preview import PreviewableDetailMixin
from sources.references import page_citations_query, references_for

from .filters import MeetingFilter
from .models import Meeting, last_known, not_over, not_over_on
from .opendata import MEETINGS
from .structured_data import event_jsonld

PER_PAGE = 20


def listed(today):
    """Published meetings, upcoming first (soonest first), then past (latest first): one
    total order, so pages never overlap and a deep page can be read from the end."""
    upcoming = Case(
        When(not_over(today), then=Value(True)), default=Value(False), output_field=BooleanField()
    )
    return (
        Meeting.objects.published()
        .with_last_day()
        .annotate(is_upcoming=upcoming)
        .select_related("body", "host_state", "chair")
        .order_by(
            "-is_upcoming",
            Case(When(is_upcoming=True, then="starts")).asc(),
            "-starts",
            "title",
            "pk",
        )
    )


def _listed_rows(now):
    """The unfiltered list's rows, as its prepared parts read them: what ``listed`` gives,
    less what the list does not show (a part knows whether its meetings are upcoming; the
    chair and the descriptions are on the meeting's page; the body and the host are only
    named and linked)."""
    return (
        Meeting.objects.published(now)
        .alias(last_day=last_known())
        .select_related("body", "host_state")
        .defer(
            "description",
            "description_html",
            *linked_only(Meeting, "body", "name"),
            *linked_only(Meeting, "host_state", "name"),
        )
    )


# The unfiltered list's parts (the list as most visitors see it), compiled once per process
# and read a page at a time (``caching.prepared_queries``): building and compiling a part
# through the ORM took ~1.4 ms of the page's ~8 ms. ``first`` bounds the upcoming part as
# ``earliest_upcoming_start`` explains.
UPCOMING_PART = PreparedQuery(
    lambda now, day, month, year, first: (
        _listed_rows(now)
        .filter(not_over_on(day, month, year), starts__gte=first)
        .order_by("starts", "title", "pk")
    )
)
PAST_PART = PreparedQuery(
    lambda now, day, month, year: (
        _listed_rows(now).exclude(not_over_on(day, month, year)).order_by("-starts", "title", "pk")
    )
)
PAST_PART_FROM_END = PreparedQuery(
    lambda now, day, month, year: (
        _listed_rows(now).exclude(not_over_on(day, month, year)).order_by("starts", "-title", "-pk")
    )
)


class UpcomingThenPast:
    """The list's rows as two parts read apart, each in an order an index gives (upcoming
    by start, past by start backwards), for the paginator: one ``ORDER BY`` over the whole
    list sorts every meeting on an expression of today's date (10,000 meetings on
    PostgreSQL: 30-56 ms a page, against a few ms for the parts). Each part's size is
    remembered per content token and day; a deep page of the past is read from its end.
    Unfiltered (``prepared``), the pages are read by the prepared parts above."""

    def __init__(self, queryset, today, key, prepared=False):
        self.queryset, self.key, self.prepared = queryset, key, prepared
        iso = today.isoformat()
        self.today = {"day": iso, "month": iso[:7], "year": iso[:4]}

    # The parts through the ORM, built when asked for: the prepared reads need them only
    # to count (once per content token and day).
    @cached_property
    def upcoming(self):
        return self.queryset.filter(self._not_over).order_by("starts", "title", "pk")

    @cached_property
    def past(self):
        return self.queryset.exclude(self._not_over).order_by("-starts", "title", "pk")

    @property
    def _not_over(self):
        return not_over_on(**self.today)

    def sizes(self):
        return (
            content_token.remember(f"{self.key}:upcoming", self.upcoming.count),
            content_token.remember(f"{self.key}:past", self.past.count),
        )

    def count(self):
        return sum(self.sizes())

    def earliest_upcoming_start(self):
        """The first start among the upcoming meetings, remembered per token and day: said
        to the database as a bound, it lets the start index begin there instead of reading
        every past meeting to find the upcoming ones (10,000 meetings on PostgreSQL: 4-15 ms
        for the first page without it)."""
        return content_token.remember(
            f"{self.key}:from", lambda: self.upcoming.aggregate(first=Min("starts"))["first"]
        )

    def __getitem__(self, rows):
        upcoming, past = self.sizes()
        start, stop = rows.start or 0, rows.stop
        found = []
        if start < upcoming:
            found = self._upcoming(start, stop)
        if stop > upcoming:
            bottom, top = max(start - upcoming, 0), min(stop - upcoming, past)
            if bottom <= past // 2:
                found += self._past(bottom, top)
            else:
                found += self._past_from_end(past - top, past - bottom)[::-1]
        return found

    def _upcoming(self, start, stop):
        first = self.earliest_upcoming_start()
        if not self.prepared:
            return list(self.upcoming.filter(starts__gte=first)[start:stop])
        return self._page(UPCOMING_PART, start, stop, True, first=first.isoformat())

    def _past(self, start, stop):
        if not self.prepared:
            return list(self.past[start:stop])
        return self._page(PAST_PART, start, stop, False)

    def _past_from_end(self, start, stop):
        if not self.prepared:
            return list(self.past.reverse()[start:stop])
        return self._page(PAST_PART_FROM_END, start, stop, False)

    def _page(self, part, start, stop, upcoming, **values):
        """Rows ``start`` to ``stop`` of a prepared part, each marked upcoming or not (what
        the ORM's parts carry as an annotation)."""
        rows = part.page(start, stop - start, now=timezone.now(), **self.today, **values)
        for meeting in rows:
            meeting.is_upcoming = upcoming
        return rows


class MeetingListView(FilteredListView):
    """Upcoming and past meetings, filtered by body, Member State, year and when; paged."""

    filterset_class = MeetingFilter
    dataset = MEETINGS
    context_object_name = "meetings"
    template_name = "meetings/meeting_list.html"
    paginate_by = PER_PAGE

    def get_queryset(self):
        self.today = timezone.localdate()
        return listed(self.today)

    def paginate_queryset(self, queryset, page_size):
        # Which meetings are upcoming changes at midnight in Jakarta, not only with the
        # content: the remembered counts are kept per day too.
        key = f"{count_key(self.request)}:{self.today.isoformat()}"
        unfiltered = not self.filterset.active_count()
        parts = UpcomingThenPast(queryset, self.today, key, prepared=unfiltered)
        paginator = Paginator(parts, page_size)
        raw = self.request.GET.get("page", "1").strip()
        number, self.page_message = 1, ""
        if raw.isdigit() and len(raw) <= 9 and int(raw) >= 1:
            number = int(raw)
            if number > paginator.num_pages:
                self.page_message = (
                    f"There is no page {number}; showing the last page, {paginator.num_pages}."
                )
                number = paginator.num_pages
        elif raw not in ("", "1"):
            self.page_message = f"“{raw[:20]}” is not a page number; showing the first page."
        page = paginator.page(number)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = self.today
        return context


# A meeting's page reads, compiled once per process (``caching.prepared_queries``), each by
# the meeting's slug, so that it and all of them are one statement.
ITEM = PreparedQuery(
    lambda slug: (
        Meeting.objects.select_related("body", "host_state", "chair")
        .defer(
            *linked_only(Meeting, "body", "name"),
            *linked_only(Meeting, "host_state", "name", "iso_code"),
            *linked_only(Meeting, "chair", "name"),
        )
        .filter(slug=slug)
    )
)
PARTNERS = PreparedQuery(
    lambda slug, now: (
        Partner.objects.published(now).filter(meetings__slug=slug).only("name", "slug")
    )
)
# Its outcome documents (``Document.meeting``, read by the reverse relation's model: documents
# sit above meetings in the layers).
OUTCOMES = PreparedQuery(
    lambda slug, now: (
        Meeting._meta.get_field("outcome_documents")
        .related_model.objects.published(now)
        .filter(meeting__slug=slug)
        .only("title", "slug", "doc_type", "date")
        .order_by("-date", "title", "pk")
    )
)
# The meeting and both, with its record of changes and its citations, in one statement
# (``caching.folded_queries``).
PAGE = FoldedQuery(
    item=ITEM,
    partners=PARTNERS,
    documents=OUTCOMES,
    record=record_query(Meeting, key="slug"),
    citations=page_citations_query(Meeting),
)


class MeetingDetailView(PreviewableDetailMixin, DetailView):
    model = Meeting
    template_name = "meetings/meeting_detail.html"
    context_object_name = "meeting"

    page_reads = PAGE  # it and its page's reads, by its slug: self.found

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting, found = self.object, self.found
        body = meeting.body
        context["body"] = body if body.is_public else None
        context["partners"], context["documents"] = found["partners"], found["documents"]
        context["is_upcoming"] = meeting.is_upcoming()
        context["references"] = references_for(meeting, citations=found["citations"])
        context[RECORD_IN_CONTEXT] = PageRecord(found["record"])
        context["jsonld"] = event_jsonld(self.request, meeting, context["body"])
        return context
