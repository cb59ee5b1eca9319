"""The initiatives list's filters: slugs in, so a URL reads as what it shows."""

import django_filters
from django.db.models import Exists, OuterRef

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
        return queryset.involving(division)

    def filter_topic(self, queryset, name, topic):
        return queryset.tagged(topic)

    # A subquery on the link table rather than a join: no duplicate rows, no DISTINCT.
    def filter_member_state(self, queryset, name, state):
        taking_part = Initiative.member_states.through.objects.filter(
            memberstate=state, initiative=OuterRef("pk")
        )
        return queryset.filter(Exists(taking_part))
