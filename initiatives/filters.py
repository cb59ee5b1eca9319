"""The initiatives list's filters: slugs in, so a URL reads as what it shows."""

import django_filters
from django.db.models import Exists, OuterRef

from caching import content_token
from divisions.models import Division, Pillar
from member_states.filters import MemberStateCodes, member_state_filter
from public.listing import PublicFilterSet, slug_choice_filter
from publishing.content import State
from search.filtering import WordFilter
from search.models import DocumentKind

from .models import Initiative, InitiativeStatus, Topic


def unknown(thing):
    return {"invalid_choice": f"There is no {thing} “%(value)s”."}


# ``?status=archived`` lists the archived initiatives (no longer current, kept because people
# cite them) instead of the published ones: the view picks its rows by it (``is_archived``).
ARCHIVED = State.ARCHIVED.value
STATUS_CHOICES = [*InitiativeStatus.choices, (ARCHIVED, "Archived (kept for reference)")]


def asks_for_archived(data):
    return data.get("status", "").strip() == ARCHIVED


class InitiativeFilter(MemberStateCodes, PublicFilterSet):
    q = WordFilter(DocumentKind.INITIATIVE, help_text="Words in the title, summary or description.")
    division = slug_choice_filter(
        "division",
        Division,
        method="filter_division",
        help_text="Initiatives the division leads or supports.",
    )
    lead_division = slug_choice_filter(
        "lead division",
        Division,
        help_text="Only the initiatives the division leads.",
    )
    topic = slug_choice_filter(
        "topic",
        Topic,
        method="filter_topic",
        help_text="Initiatives on the subject.",
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=STATUS_CHOICES,
        empty_label="Any status",
        error_messages=unknown("status"),
        method="filter_status",
        help_text="Where the initiative stands. “Archived” lists those kept only for reference.",
    )
    pillar = django_filters.ChoiceFilter(
        label="Pillar",
        choices=Pillar.choices,
        empty_label="Any pillar",
        error_messages=unknown("pillar"),
        help_text="The ASEAN Community pillar it belongs to.",
    )
    # The slug or the ISO code (``?member_state=viet-nam`` or ``vn``), as the open data gives.
    member_state = member_state_filter(
        method="filter_member_state",
        help_text="Initiatives the Member State takes part in.",
    )

    class Meta:
        model = Initiative
        fields = ["q", "division", "lead_division", "topic", "status", "pillar", "member_state"]

    def filter_status(self, queryset, name, status):
        # Archived rows are chosen by the view's own queryset (see ``asks_for_archived``).
        return queryset if status == ARCHIVED else queryset.filter(status=status)

    def filter_division(self, queryset, name, division):
        few = not self.building_statement and involves_few(division)
        return queryset.involving(division, few=few)

    def preparable(self):
        # A division with few initiatives is read ids first (``involving``), by the ORM.
        division = self.form.cleaned_data.get("division") if self.is_bound else None
        return division is None or not involves_few(division)

    def filter_topic(self, queryset, name, topic):
        return queryset.tagged(topic)

    # A subquery on the link table rather than a join: no duplicate rows, no DISTINCT.
    def filter_member_state(self, queryset, name, state):
        taking_part = Initiative.member_states.through.objects.filter(
            memberstate=state, initiative=OuterRef("pk")
        )
        return queryset.filter(Exists(taking_part))


# A division leading or supporting fewer than 1 in FEW_SHARE initiatives is read ids
# first (``InitiativeQuerySet.involving(few=True)``): walking the list's order would pass
# more than FEW_SHARE rows for each one shown. Measured on a first page at 100,000
# initiatives (95,000 published) on PostgreSQL: a division in 0.4% of them, ids first
# 1.7 ms against a walk's 15 ms; in 4%, the walk 1.8 ms against 13 ms. The two costs
# (about 5 µs a row walked, 3 µs an id collected) meet near 1 in 50.
FEW_SHARE = 50


def involves_few(division):
    """Whether ``division`` leads or supports few of the initiatives, worked out once per
    content token for each division. A guide to a query's cost, not a figure shown: the
    link tables and the table are counted whole, drafts included, by their indexes (15 ms
    at 100,000 initiatives; the published ones alone took 120 ms, after every publish)."""
    return content_token.remember(f"initiatives:few:{division.pk}", lambda: _few(division.pk))


def _few(pk):
    led = Initiative.objects.filter(lead_division=pk).count()
    supported = Initiative.supporting_divisions.through.objects.filter(division=pk).count()
    return (led + supported) * FEW_SHARE < Initiative.objects.count()
