"""The meetings list's filters: slugs in (a Member State also by its ISO code, through
``member_states.filters``), so a URL reads as what it shows; a bad value gets the form's
message, never an error."""

import django_filters
from django import forms
from django.db.models import Q

from bodies.models import Body
from member_states.filters import MemberStateCodes, member_state_filter
from public.listing import PublicFilterSet, slug_choice_filter

from .models import Meeting

FIRST_YEAR, LAST_YEAR = 1967, 2100  # ASEAN's founding year; far enough ahead
UPCOMING, PAST = "upcoming", "past"


class YearField(forms.CharField):
    """Four digits, within ASEAN's years; anything else is the form's message."""

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        if not (text.isdigit() and len(text) == 4 and FIRST_YEAR <= int(text) <= LAST_YEAR):
            raise forms.ValidationError(
                f"“%(value)s” is not a year: write four digits, {FIRST_YEAR} to {LAST_YEAR}.",
                code="invalid",
                params={"value": text[:20]},
            )
        return int(text)


class YearFilter(django_filters.Filter):
    field_class = YearField


class MeetingFilter(MemberStateCodes, PublicFilterSet):
    when = django_filters.ChoiceFilter(
        label="When",
        choices=[(UPCOMING, "Upcoming"), (PAST, "Past")],
        empty_label="Upcoming and past",
        error_messages={"invalid_choice": "There is no “%(value)s”: choose upcoming or past."},
        method="filter_when",
        help_text="Upcoming: not over yet, by the date in Jakarta.",
    )
    body = slug_choice_filter(
        "body",
        Body,
        help_text="Meetings of that ASEAN body.",
    )
    # The slug or the ISO code (``?member_state=malaysia`` or ``my``), as the open data gives.
    member_state = member_state_filter(
        method="filter_member_state",
        help_text="Meetings it hosts or chairs (its name’s slug or its ISO code, as “vn”).",
    )
    year = YearFilter(
        label="Year",
        method="filter_year",
        help_text=f"The year the meeting starts, {FIRST_YEAR} to {LAST_YEAR}.",
    )

    class Meta:
        model = Meeting
        fields = ["when", "body", "member_state", "year"]

    def filter_when(self, queryset, name, value):
        # The view splits and orders the rows; this only narrows them.
        return queryset.filter(is_upcoming=(value == UPCOMING))

    def filter_member_state(self, queryset, name, state):
        return queryset.filter(Q(host_state=state.pk) | Q(chair=state.pk))

    def filter_year(self, queryset, name, year):
        return queryset.filter(starts__startswith=f"{year:04d}")
