from itertools import groupby

from django.views.generic import DetailView

from public.listing import FilteredListView, PublicFilterSet
from publishing.content import State
from publishing.preview import PreviewableDetailMixin
from sources.references import references_for

from .models import Partner, PartnerKind
from .opendata import PARTNERS

KIND_ORDER = {value: n for n, value in enumerate(PartnerKind.values)}


class PartnerFilter(PublicFilterSet):
    """No filters yet: the list is short. The class gives the list its open data."""

    class Meta:
        model = Partner
        fields = []


class PartnerListView(FilteredListView):
    """Every published partner, grouped by the kind of relationship, by name in each."""

    filterset_class = PartnerFilter
    dataset = PARTNERS
    context_object_name = "partners"
    template_name = "partners/partner_list.html"

    def get_queryset(self):
        return Partner.objects.published().only("name", "slug", "short_name", "kind", "since")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partners = sorted(context["partners"], key=lambda p: (KIND_ORDER[p.kind], p.name))
        labels = dict(PartnerKind.choices)
        context["groups"] = [
            (kind, labels[kind], list(rows))
            for kind, rows in groupby(partners, key=lambda p: p.kind)
        ]
        return context


SHOWN = 50  # meetings and documents on a partner's page; the rest through the lists


class PartnerDetailView(PreviewableDetailMixin, DetailView):
    model = Partner
    template_name = "partners/partner_detail.html"
    context_object_name = "partner"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partner = self.object
        # The reverse relations, by name (meetings and documents sit above partners).
        meetings = (
            partner.meetings.filter(state=State.PUBLISHED)
            .only("title", "slug", "starts", "ends", "city", "state", "publish_at", "unpublish_at")
            .order_by("-starts", "title")
        )
        documents = (
            partner.documents.filter(state=State.PUBLISHED)
            .only(
                "title",
                "slug",
                "doc_type",
                "date",
                "identifier",
                "state",
                "publish_at",
                "unpublish_at",
            )
            .order_by("-date", "title")
        )
        context["meetings"] = [m for m in meetings[:SHOWN] if m.is_public]
        context["documents"] = [d for d in documents[:SHOWN] if d.is_public]
        context["references"] = references_for(partner)
        return context
