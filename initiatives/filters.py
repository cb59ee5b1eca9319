"""The initiatives list's filters: slugs in, so a URL reads as what it shows."""

import django_filters
from django.db.models import Exists, OuterRef

from divisions.models import Division, Pillar
from public.listing import slug_choice_filter
from search.filtering import WordFilter
from search.models import DocumentKind

from .models import Initiative, InitiativeStatus, MemberState, Topic


def unknown(thing):
    return {"invalid_choice": f"There is no {thing} “%(value)s”."}


class InitiativeFilter(django_filters.FilterSet):
    q = WordFilter(DocumentKind.INITIATIVE)
    division = slug_choice_filter(
        "division", lambda request: Division.objects.published(), method="filter_division"
    )
    lead_division = slug_choice_filter(
        "lead division", lambda request: Division.objects.published()
    )
    topic = slug_choice_filter(
        "topic", lambda request: Topic.objects.published(), method="filter_topic"
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=InitiativeStatus.choices,
        empty_label="Any status",
        error_messages=unknown("status"),
    )
    pillar = django_filters.ChoiceFilter(
        label="Pillar",
        choices=Pillar.choices,
        empty_label="Any pillar",
        error_messages=unknown("pillar"),
    )
    member_state = slug_choice_filter(
        "member state", lambda request: MemberState.objects.all(), method="filter_member_state"
    )

    class Meta:
        model = Initiative
        fields = ["q", "division", "lead_division", "topic", "status", "pillar", "member_state"]

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
