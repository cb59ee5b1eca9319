from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.text import slugify

from publishing.admin.content import ContentAdmin
from publishing.admin.history import HistoryAdminMixin
from publishing.admin.imports import ContentImportExportMixin
from sources.admin import CitationInline
from sources.models import Citation, Source

from .models import Document, DocumentType, Participation
from .resources import DocumentResource

# Autocomplete needs the other model's admin (with search fields); bodies and meetings are
# registered by their own app, so each is offered as soon as its admin exists.
AUTOCOMPLETE = ["issuing_body", "meeting", "initiatives", "topics", "partners", "source"]


class ParticipationInline(admin.TabularInline):
    """An agreement's signatures and consents, one row per Member State. Leave a date empty
    when no source gives it: the page then says "Not recorded yet"."""

    model = Participation
    fields = ["member_state", "signed", "consent_kind", "consented", "source"]
    autocomplete_fields = ["member_state", "source"]
    extra = 0
    verbose_name = "Member State's signature and consent"
    verbose_name_plural = "Signatures and consents (agreements)"


@admin.register(Document)
class DocumentAdmin(ContentImportExportMixin, ContentAdmin):
    resource_classes = [DocumentResource]
    list_display = ["title", "identifier", "doc_type", "date", "issuing_body", "state"]
    list_filter = ["state", "doc_type"]
    list_select_related = ["issuing_body"]
    search_fields = ["title", "slug", "identifier"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ParticipationInline, CitationInline]
    actions = [*ContentAdmin.actions, "use_as_source"]
    show_full_result_count = False  # 50,000 rows at scale
    fieldsets = [
        (None, {"fields": ["title", "slug", "identifier", "doc_type", "summary"]}),
        (
            "Where it comes from",
            {
                "fields": [
                    "issuing_body",
                    "meeting",
                    ("date", "place"),
                    "languages",
                    "official_url",
                    "file",
                    "entered_into_force",
                ],
                "description": "Dates as precisely as the document gives them: “2007”, "
                "“2007-11” or “2007-11-20”. “Entered into force” is for agreements.",
            },
        ),
        (
            "What it links to",
            {
                "fields": ["initiatives", "topics", "partners", "source", "owning_division"],
                "description": "Initiatives resting on it are linked here. “Source”: the same "
                "document as a source that other pages cite (or use the list's action "
                "“Use as a source” to make one from it).",
            },
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "identifier"]

    def get_autocomplete_fields(self, request):
        return [
            name
            for name in [*AUTOCOMPLETE, "owning_division"]
            if self.admin_site.is_registered(Document._meta.get_field(name).related_model)
        ]

    @admin.action(description="Use as a source (pages citing it then link to its page)")
    def use_as_source(self, request, queryset):
        made = linked = 0
        for document in queryset.select_related("issuing_body", "source"):
            if document.source_id:
                linked += 1
                continue
            with transaction.atomic():
                source = source_from(document)
                Document.objects.filter(pk=document.pk).update(source=source)
                document.source = source
                cite_itself(document, source)
            made += 1
        if made:
            self.message_user(
                request,
                f"{made} source{'s' if made != 1 else ''} made from documents.",
                messages.SUCCESS,
            )
        if linked:
            self.message_user(
                request,
                f"{linked} document{'s' if linked != 1 else ''} already had a source: left as "
                "they were.",
                messages.WARNING,
            )


def source_from(document):
    """A Source for ``document``: its title, issuer, date and checked address, as given."""
    key = slugify(f"doc-{document.identifier}")
    body = document.issuing_body
    kind = (
        Source.Kind.PUBLICATION
        if document.doc_type in (DocumentType.PUBLICATION, DocumentType.REPORT)
        else Source.Kind.OFFICIAL_DOCUMENT
    )
    source, _ = Source.objects.get_or_create(
        key=key,
        defaults={
            "title": document.title,
            "publisher": body.name if body is not None else "",
            "published": document.date,
            "url": document.official_url,
            "kind": kind,
        },
    )
    return source


def cite_itself(document, source):
    """The document's own facts (title, date) rest on the document: it cites its source."""
    content_type = ContentType.objects.get_for_model(Document)
    Citation.objects.get_or_create(
        content_type=content_type,
        object_id=document.pk,
        source=source,
        defaults={"supports": "Title and date"},
    )


@admin.register(Participation)
class ParticipationAdmin(HistoryAdminMixin, admin.ModelAdmin):
    """Every Member State's signature and consent across agreements, to find and read; they
    are changed in their agreement's form (its inline), where a live agreement's changes go
    through a draft like the rest of it."""

    list_display = ["document", "member_state", "signed", "consent_kind", "consented", "source"]
    list_filter = ["consent_kind", "member_state"]
    list_select_related = ["document", "member_state", "source"]
    search_fields = ["document__title", "member_state__name"]

    def view_on_site(self, obj):
        return obj.document.get_absolute_url()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
