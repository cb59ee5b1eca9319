"""The initiatives list's filters: slugs in, so a URL reads as what it shows."""

import django_filters
from django.db.models import Q

from asean_portal.listing import slug_choice_filter
from divisions.models import Division, Pillar

from .models import Initiative, InitiativeStatus, MemberState, Topic

MAX_QUERY_LENGTH = 200


def unknown(thing):
    return {"invalid_choice": f"There is no {thing} “%(value)s”."}


class InitiativeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Words", method="filter_words", max_length=MAX_QUERY_LENGTH, strip=True
    )
    division = slug_choice_filter(
        "division", lambda request: Division.objects.published(), method="filter_division"
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
        fields = ["q", "division", "topic", "status", "pillar", "member_state"]

    # Subqueries on the link tables rather than joins: no duplicate rows, no DISTINCT.
    def filter_division(self, queryset, name, division):
        supported = Initiative.supporting_divisions.through.objects.filter(division=division)
        return queryset.filter(
            Q(lead_division=division) | Q(pk__in=supported.values("initiative_id"))
        )

    def filter_topic(self, queryset, name, topic):
        tagged = Initiative.topics.through.objects.filter(topic=topic)
        return queryset.filter(pk__in=tagged.values("initiative_id"))

    def filter_member_state(self, queryset, name, state):
        taking_part = Initiative.member_states.through.objects.filter(memberstate=state)
        return queryset.filter(pk__in=taking_part.values("initiative_id"))

    def filter_words(self, queryset, name, words):
        for word in words.split():
            queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word))
        return queryset
