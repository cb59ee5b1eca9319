from django.contrib import admin

from initiatives.admin import TopicListFilter
from publishing.admin.content import ContentAdmin
from publishing.admin.imports import ContentImportExportMixin
from sources.admin import CitationInline

from .models import FAQ
from .resources import FAQResource


@admin.register(FAQ)
class FAQAdmin(ContentImportExportMixin, ContentAdmin):
    resource_classes = [FAQResource]
    list_display = ["question", "division", "order", "state", "updated_at"]
    list_filter = ["state", "division", TopicListFilter]
    list_select_related = ["division"]
    search_fields = ["question", "slug", "answer"]
    prepopulated_fields = {"slug": ["question"]}
    autocomplete_fields = ["division", "topics", "roles", "documents"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "question",
                    "slug",
                    "answer",
                    "division",
                    "topics",
                    "roles",
                    "documents",
                    "order",
                ]
            },
        )
    ]
    inlines = [CitationInline]
