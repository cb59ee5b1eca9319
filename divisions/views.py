from django.views.generic import DetailView, ListView

from public.listing import first_of
from publishing.preview import PreviewableDetailMixin

from .models import Division
from .tree import build_tree, published_units

# A division's or topic's page shows this many of its initiatives and questions and links to
# the rest; the home page features as many initiatives (one row of cards).
SHOWN_INITIATIVES = 6
SHOWN_FAQS = 20


class DivisionListView(ListView):
    template_name = "divisions/division_list.html"
    context_object_name = "divisions"

    def get_queryset(self):
        return Division.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tree"] = build_tree(context["divisions"])
        return context


class DivisionDetailView(PreviewableDetailMixin, DetailView):
    """One division. Its initiatives and FAQs come through reverse relations, so this app
    imports nothing from the apps that depend on it."""

    model = Division
    template_name = "divisions/division_detail.html"
    context_object_name = "division"

    prepared_lookup = True

    def get_queryset(self):
        return super().get_queryset().select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        division = self.object
        parent = division.parent
        context["parent"] = parent if parent is not None and parent.is_public else None
        context["children"] = [d for d in published_units() if d.parent_id == division.pk]
        # Each list: its first rows, and how many it has ("6 of 8") once per content token.
        for name, related in (
            ("led", division.led_initiatives),
            ("supported", division.supported_initiatives),
        ):
            rows = related.published().for_cards().order_by("title", "pk")
            context[name] = first_of(rows, SHOWN_INITIATIVES, f"division-{name}:{division.pk}")
        # The topics of both lists' cards, in one query.
        division.led_initiatives.attach_card_topics(context["led"].rows + context["supported"].rows)
        faqs = division.faqs.published().only("question", "slug", "division")
        context["faqs"] = first_of(faqs, SHOWN_FAQS, f"division-faqs:{division.pk}")
        return context
