from django.views.generic import DetailView, ListView

from asean_portal.preview import PreviewableDetailMixin

from .models import Division
from .tree import build_tree


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

    def get_queryset(self):
        return super().get_queryset().select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        division = self.object
        parent = division.parent
        context["parent"] = parent if parent is not None and parent.is_public else None
        context["children"] = division.children.published()
        context["led_initiatives"] = division.led_initiatives.published().for_listing()
        context["supported_initiatives"] = division.supported_initiatives.published().for_listing()
        context["faqs"] = division.faqs.published()
        return context
