"""``/member-states/`` and ``/member-states/<slug>/``: the eleven, and one with its facts,
their sources, and everything published that involves it (found through the registry)."""

from dataclasses import dataclass

from django.http import Http404, HttpResponsePermanentRedirect
from django.views.generic import DetailView

from public.listing import FilteredListView, PublicFilterSet
from public.structured_data import to_json
from publishing.preview import PreviewableDetailMixin, is_reachable
from sources.references import references_for

from . import structured_data
from .involving import sections
from .models import (
    CAPITAL_SUPPORTS,
    JOINED_ON_SUPPORTS,
    LANGUAGES_SUPPORTS,
    NATIONAL_OFFICE_SUPPORTS,
    MemberState,
)
from .opendata import MEMBER_STATES

# A Member State's page shows this many items of each type and links to the rest.
SHOWN_PER_TYPE = 6


class MemberStateFilter(PublicFilterSet):
    """No filters (eleven rows): the list's downloads and bad-input handling only."""

    class Meta:
        model = MemberState
        fields = []


class MemberStateListView(FilteredListView):
    filterset_class = MemberStateFilter
    dataset = MEMBER_STATES
    context_object_name = "member_states"
    template_name = "member_states/member_state_list.html"

    def get_queryset(self):
        return MemberState.objects.published().order_by("name", "pk")


# The page's facts: (field, label, the "supports" text of the citations behind it).
FACTS = (
    ("joined_on", "Member of ASEAN since", JOINED_ON_SUPPORTS),
    ("capital", "Capital", CAPITAL_SUPPORTS),
    ("official_languages", "Official languages", LANGUAGES_SUPPORTS),
    ("national_office", "National ASEAN office", NATIONAL_OFFICE_SUPPORTS),
)


@dataclass
class Fact:
    """One fact of the page: its value (empty: "Not recorded yet") and the references
    whose citations name it."""

    key: str
    label: str
    value: object
    references: list


def facts_of(state, references):
    found = []
    for key, label, supports in FACTS:
        wanted = supports.casefold()
        refs = [
            ref for ref in references.of(state) if any(s.casefold() == wanted for s in ref.supports)
        ]
        found.append(Fact(key, label, getattr(state, key), refs))
    return found


class MemberStateDetailView(PreviewableDetailMixin, DetailView):
    model = MemberState
    template_name = "member_states/member_state_detail.html"
    context_object_name = "state"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            redirect = self.iso_code_redirect(kwargs["slug"])
            if redirect is None:
                raise
            return redirect

    def iso_code_redirect(self, key):
        """``/member-states/vn/`` (any case) → the state's page, for a state the visitor may
        see; None for anything else."""
        if len(key) != 2:
            return None
        fields = ("slug", "state", "publish_at", "unpublish_at")
        state = MemberState.objects.filter(iso_code=key.upper()).only(*fields).first()
        user = self.request.user
        if state is None or not (is_reachable(state) or (user.is_authenticated and user.is_staff)):
            return None
        return HttpResponsePermanentRedirect(state.get_absolute_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        state = self.object
        references = references_for(state)
        context["references"] = references
        context["facts"] = facts_of(state, references)
        context["sections"] = sections(state, SHOWN_PER_TYPE)
        context["has_items"] = any(s.shown.total for s in context["sections"])
        context["country_jsonld"] = to_json(structured_data.country(self.request, state))
        return context
