from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.generic import DetailView, ListView

from public import opendata
from public.listing import first_of
from publishing.preview import PreviewableDetailMixin
from sources.references import references_for

from .models import Body
from .opendata import BODIES
from .structured_data import body_jsonld
from .tree import build_tree

# A body's page shows this many of its upcoming and past meetings, and of its documents,
# and links to the full lists.
SHOWN_MEETINGS = 5
SHOWN_DOCUMENTS = 10


def optional_url(name):
    """The address of a list another app serves, or None when it serves none (yet)."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


class BodyListView(ListView):
    """The structure, as nested lists; ``?format=csv|json`` downloads every published body."""

    template_name = "bodies/body_list.html"
    context_object_name = "bodies"

    def get_queryset(self):
        return Body.objects.published().select_related("chair").order_by("order", "name", "pk")

    def get(self, request, *args, **kwargs):
        fmt, error = opendata.requested_format(request)
        if error:
            return opendata.error_response("csv", [error])
        if fmt:
            return opendata.export_response(request, BODIES, Body.objects.published(), fmt)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tree"] = build_tree(context["bodies"])
        return context


class BodyDetailView(PreviewableDetailMixin, DetailView):
    """One body. Its meetings and documents come through reverse relations, so this app
    imports nothing from the apps above it."""

    model = Body
    template_name = "bodies/body_detail.html"
    context_object_name = "body"

    prepared_lookup = True

    def get_queryset(self):
        return super().get_queryset().select_related("parent", "chair", "supporting_division")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        body = self.object
        parent = body.parent
        context["parent"] = parent if parent is not None and parent.is_public else None
        division = body.supporting_division
        context["division"] = division if division is not None and division.is_public else None
        context["children"] = list(body.children.published().only("name", "slug", "parent"))
        meetings = body.meetings.published().select_related("host_state")
        # Each list: its first rows, and how many it has ("5 of 12") once per content token
        # (and day: which meetings are upcoming changes at midnight in Jakarta).
        today = timezone.localdate()
        key = f"body:{body.pk}:{today.isoformat()}"
        context["upcoming"] = first_of(meetings.upcoming(today), SHOWN_MEETINGS, f"{key}:up")
        context["past"] = first_of(meetings.past(today), SHOWN_MEETINGS, f"{key}:past")
        documents = body.documents.published().only("title", "slug", "doc_type", "date")
        context["documents"] = first_of(
            documents.order_by("-date", "title", "pk"), SHOWN_DOCUMENTS, f"body-docs:{body.pk}"
        )
        context["documents_url"] = optional_url("documents:list")
        context["references"] = references_for(body)
        context["jsonld"] = body_jsonld(self.request, body, context["parent"], context["children"])
        return context
