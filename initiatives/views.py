from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView, TemplateView

from divisions.models import Division, Pillar
from divisions.views import SHOWN_FAQS, SHOWN_INITIATIVES
from public.listing import FilteredListView, first_of
from public.prepared_lists import prepared_rows
from publishing.changes import RECORD_IN_CONTEXT, PageRecord
from publishing.content import State
from publishing.preview import PreviewableDetailMixin
from search.filtering import in_relevance_order, word_match, word_notes
from sources.references import references_for

from . import reads
from .charts import Bar, BarChart, milestone_state, milestone_timeline
from .filters import InitiativeFilter, asks_for_archived
from .models import Initiative, InitiativeStatus, Topic
from .opendata import INITIATIVES, MILESTONES


def card_rows(now):
    """Published initiatives as the list shows them: cards, by title, then id (a total
    order, so pages never overlap and can be read from the end)."""
    return Initiative.objects.published(now).for_cards().order_by("title", "pk")


class InitiativeListView(FilteredListView):
    """All published initiatives, filtered and paged; by relevance when words are given."""

    filterset_class = InitiativeFilter
    dataset = INITIATIVES
    context_object_name = "initiatives"
    template_name = "initiatives/initiative_list.html"

    def get_queryset(self):
        # Title, then id: a total order, so pages never overlap and can be read from the end.
        return self.listed().for_cards().order_by("title", "pk")

    def listed(self):
        """Published initiatives, or on request (``?status=archived``) the archived ones."""
        if asks_for_archived(self.request.GET):
            return Initiative.objects.filter(state=State.ARCHIVED)
        return Initiative.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["showing_archived"] = asks_for_archived(self.request.GET)
        return context

    def get_paginate_by(self, queryset):
        return settings.INITIATIVES_PER_PAGE

    def notes(self):
        return word_notes(self.filterset)

    def ordered_list(self):
        if not asks_for_archived(self.request.GET) and not word_match(self.filterset):
            # The published list, filtered or not, without words: read a page at a time by
            # prepared queries (``public.prepared_lists``).
            rows = prepared_rows("initiatives", self.filterset, card_rows, leave_out={"q"})
            if rows is not None:
                return rows
        return in_relevance_order(self.filterset, rows_from=self.get_queryset())

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = Initiative.objects.attach_card_topics(rows)
        return paginator, page, page.object_list, is_paginated


class InitiativeDetailView(PreviewableDetailMixin, DetailView):
    model = Initiative
    template_name = "initiatives/initiative_detail.html"
    context_object_name = "initiative"

    page_reads = reads.PAGE  # it and its page's reads, by its slug: self.found

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        initiative, found = self.object, self.found
        today = timezone.localdate()
        milestones = found["milestones"]
        for milestone in milestones:
            milestone.state = milestone_state(milestone, today)
        indicators, periods = found["indicators"], found["periods"]
        for indicator in indicators:
            indicator.period_list = [p for p in periods if p.indicator_id == indicator.pk]
        supporting, topics, member_states = reads.LINKS.read(found)
        context.update(supporting=supporting, topics=topics, member_states=member_states)
        context["documents"] = found["documents"]
        context["milestones"] = milestones
        context["milestones_reached"] = sum(1 for m in milestones if m.reached)
        context["indicators"] = indicators
        context["timeline"] = milestone_timeline(initiative, milestones, today)
        # Numbered in the order the page shows them: the item, its milestones, indicators.
        context["references"] = references_for(
            initiative,
            *milestones,
            *indicators,
            *periods,
            citations=found["citations"],
        )
        context[RECORD_IN_CONTEXT] = PageRecord(found["record"])
        return context


class MilestoneDataView(InitiativeListView):
    """``/initiatives/milestones/?format=csv|json``: the milestones of the initiatives the
    same filters give (the Data page documents it); without a format, the CSV (this address
    is a download, never a page)."""

    dataset = MILESTONES

    def get(self, request, *args, **kwargs):
        if not request.GET.get("format"):
            request.GET = request.GET.copy()
            request.GET["format"] = "csv"
        return super().get(request, *args, **kwargs)


def list_url(**filters):
    return f"{reverse('initiatives:list')}?{urlencode(filters)}"


class InitiativeOverviewView(TemplateView):
    """Published initiatives counted by status, by pillar and by lead division; each bar
    links to the list filtered the same way, so its count is what the list shows."""

    template_name = "initiatives/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = Initiative.objects.published().order_by()

        def counts(column):
            return dict(published.values_list(column).annotate(n=Count("pk")))

        by_status, by_pillar, by_lead = counts("status"), counts("pillar"), counts("lead_division")
        context["total"] = sum(by_status.values())
        context["charts"] = [
            BarChart(
                "status",
                "Initiatives by status",
                [
                    Bar(label, by_status.get(value, 0), list_url(status=value))
                    for value, label in InitiativeStatus.choices
                ],
            ),
            BarChart(
                "pillar",
                "Initiatives by pillar",
                [
                    Bar(label, by_pillar.get(value, 0), list_url(pillar=value))
                    for value, label in Pillar.choices
                ],
            ),
            BarChart(
                "lead",
                "Initiatives by lead division",
                [
                    Bar(d.name, by_lead.get(d.pk, 0), list_url(lead_division=d.slug))
                    for d in Division.objects.published().only("name", "slug")
                ],
            ),
        ]
        return context


class TopicDetailView(PreviewableDetailMixin, DetailView):
    model = Topic
    template_name = "initiatives/topic_detail.html"
    context_object_name = "topic"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        topic = self.object
        # Each list: its first rows, and how many it has ("6 of 8") once per content token.
        initiatives = (
            topic.initiatives.published().for_cards().with_card_topic_ids().order_by("title", "pk")
        )
        context["initiatives"] = first_of(initiatives, SHOWN_INITIATIVES, f"topic:{topic.pk}")
        Initiative.objects.attach_card_topics(context["initiatives"].rows)
        faqs = topic.faqs.published().only("question", "slug")
        context["faqs"] = first_of(faqs, SHOWN_FAQS, f"topic-faqs:{topic.pk}")
        return context
