"""The documents list's filters: slugs in (or a Member State's ISO code), so a URL reads as
what it shows; a bad value gets the form's message and an empty list, never an error."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef

from bodies.models import Body
from caching import content_token
from initiatives.models import Topic
from member_states.models import MemberState
from public.listing import PublicFilterSet, slug_choice_filter
from search.filtering import WordFilter
from search.models import DocumentKind

from .models import Document, DocumentType, Participation

FIRST_YEAR, LAST_YEAR = 1967, 2100  # ASEAN was founded in 1967


def unknown(thing):
    return {"invalid_choice": f"There is no {thing} “%(value)s”."}


class YearField(forms.CharField):
    """A four-digit year, said plainly when it is not one."""

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        if not (value.isdigit() and len(value) == 4 and FIRST_YEAR <= int(value) <= LAST_YEAR):
            raise forms.ValidationError(
                f"“{value[:20]}” is not a year: give four digits, {FIRST_YEAR} or later.",
                code="invalid",
            )
        return value


class YearFilter(django_filters.CharFilter):
    field_class = YearField

    def filter(self, queryset, value):
        return queryset.filter(date__startswith=value) if value else queryset


class DocumentFilter(PublicFilterSet):
    q = WordFilter(
        DocumentKind.DOCUMENT, help_text="Words in the title, summary, topics or issuing body."
    )
    type = django_filters.ChoiceFilter(
        field_name="doc_type",
        label="Type",
        choices=DocumentType.choices,
        empty_label="Any type",
        error_messages=unknown("type of document"),
        help_text="Declaration, agreement, plan, statement, report or publication.",
    )
    body = slug_choice_filter(
        "issuing body",
        Body,
        field_name="issuing_body",
        help_text="The ASEAN body that issued or adopted it.",
    )
    year = YearFilter(label="Year", help_text="The year of its date, e.g. 2007.")
    member_state = slug_choice_filter(
        "member state",
        MemberState,
        method="filter_member_state",
        help_text="Agreements the Member State signed or consented to (name or ISO code).",
    )
    topic = slug_choice_filter(
        "topic",
        Topic,
        method="filter_topic",
        help_text="Documents on the subject.",
    )

    class Meta:
        model = Document
        fields = ["q", "type", "body", "year", "member_state", "topic"]

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(_state_code_as_slug(data), *args, **kwargs)

    # Subqueries on the link tables rather than joins: no duplicate rows, no DISTINCT.
    def filter_member_state(self, queryset, name, state):
        taking_part = Participation.objects.filter(member_state=state.pk, document=OuterRef("pk"))
        return queryset.filter(Exists(taking_part))

    def filter_topic(self, queryset, name, topic):
        tagged = Document.topics.through.objects.filter(topic=topic.pk, document=OuterRef("pk"))
        return queryset.filter(Exists(tagged))


def _state_code_as_slug(data):
    """``?member_state=SG`` reads as Singapore's slug: the ISO code is what data people
    have. Two letters that are no code are left as they are (and told there is no such
    state)."""
    if data is None:
        return None
    raw = data.get("member_state", "").strip()
    if len(raw) != 2 or not raw.isalpha():
        return data
    slug = state_slugs_by_code().get(raw.upper())
    if slug is None:
        return data
    data = data.copy()
    data["member_state"] = slug
    return data


def state_slugs_by_code():
    return content_token.remember(
        "member-states:slug-by-code",
        lambda: dict(MemberState.objects.published().values_list("iso_code", "slug")),
    )
