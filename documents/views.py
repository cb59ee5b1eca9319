from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.generic import DetailView

from public.listing import FilteredListView
from publishing.changes import RECORD_IN_CONTEXT, PageRecord
from publishing.preview import PreviewableDetailMixin, is_reachable
from search.filtering import in_relevance_order, word_notes
from sources.references import references_for

from . import reads
from .filters import DocumentFilter
from .matrix import agreement_matrix
from .models import Document
from .opendata import DOCUMENTS, PARTICIPATIONS

# A file is served under the document's identifier, never under the name it was uploaded
# with (which staff chose, and which may say more than the public page does).
FILE_CSP = "default-src 'none'; sandbox"


def for_cards(documents):
    return documents.select_related("issuing_body").only(
        "title",
        "slug",
        "identifier",
        "doc_type",
        "date",
        "place",
        "summary",
        "issuing_body__name",
        "issuing_body__slug",
        "issuing_body__state",
        "issuing_body__publish_at",
        "issuing_body__unpublish_at",
    )


class DocumentListView(FilteredListView):
    """Every published document, newest first, filtered and paged; by relevance when words
    are given (the site search's index, ``search.filtering``)."""

    filterset_class = DocumentFilter
    dataset = DOCUMENTS
    context_object_name = "documents"
    template_name = "documents/document_list.html"

    def get_queryset(self):
        # Newest first, then title and id: a total order, so pages never overlap.
        return for_cards(Document.objects.published()).order_by("-date", "title", "pk")

    def get_paginate_by(self, queryset):
        return getattr(settings, "DOCUMENTS_PER_PAGE", 20)

    def notes(self):
        return word_notes(self.filterset)

    def ordered_list(self):
        return in_relevance_order(self.filterset, rows_from=self.get_queryset())


class ParticipationDataView(DocumentListView):
    """``/documents/participations/?format=csv|json``: each Member State's signature and
    consent to the agreements the same filters give; without a format, the CSV."""

    dataset = PARTICIPATIONS

    def get(self, request, *args, **kwargs):
        if not request.GET.get("format"):
            request.GET = request.GET.copy()
            request.GET["format"] = "csv"
        return super().get(request, *args, **kwargs)


class DocumentDetailView(PreviewableDetailMixin, DetailView):
    model = Document
    template_name = "documents/document_detail.html"
    context_object_name = "document"

    page_reads = reads.PAGE  # it and its page's reads, by its slug: self.found

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document, found = self.object, self.found
        participations = found["participations"]
        context["topics"], context["partners"], context["initiatives"] = reads.LINKS.read(found)
        context["matrix"] = agreement_matrix(document, participations)
        context["references"] = references_for(
            document,
            *participations,
            citations=found["citations"],
        )
        context[RECORD_IN_CONTEXT] = PageRecord(found["record"])
        context["body_public"] = is_live(document.issuing_body)
        context["meeting_public"] = is_live(document.meeting)
        return context


def is_live(obj):
    return obj is not None and is_reachable(obj)


def by_identifier(request, identifier):
    """The permanent address: ``/documents/id/ASEC-DOC-000042/`` leads to the document's
    page under its current slug (a 302: the slug may change again, the identifier never)."""
    document = get_object_or_404(
        Document.objects.reachable().only("slug"), identifier=identifier.upper()
    )
    return redirect(document.get_absolute_url())


def document_file(request, slug):
    """The document's file, only while the document is public (staff may preview a
    draft's). Always a download (``attachment``), with its type as judged from its content,
    ``nosniff`` and a CSP that lets nothing in it run should a browser open it anyway."""
    document = get_object_or_404(Document.objects.only(*FILE_FIELDS), slug=slug)
    user = request.user
    staff = user.is_authenticated and user.is_staff
    if not (staff or is_reachable(document)) or not document.file:
        raise Http404("No file")
    kind = document.file_kind
    if kind is None:  # stored before the check, or changed behind the portal's back
        raise Http404("No file of an accepted type")
    try:
        handle = document.file.open("rb")
    except OSError:
        raise Http404("The file is missing") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{document.identifier}.{kind.extension}",
        content_type=kind.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if document.is_public:
        patch_cache_control(response, public=True, max_age=3600)
    else:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response


FILE_FIELDS = ("slug", "identifier", "file", "state", "publish_at", "unpublish_at")
