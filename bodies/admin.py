from django.contrib import admin

from publishing.admin.content import ContentAdmin
from publishing.admin.imports import ContentImportExportMixin
from sources.admin import CitationInline

from .models import Body
from .resources import BodyResource


@admin.register(Body)
class BodyAdmin(ContentImportExportMixin, ContentAdmin):
    resource_classes = [BodyResource]
    list_display = ["name", "short_name", "kind", "pillar", "parent", "chair", "state"]
    list_filter = ["state", "kind", "pillar"]
    list_select_related = ["parent", "chair"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent", "supporting_division", "chair", "owning_division"]
    inlines = [CitationInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "short_name", "kind", "parent", "pillar", "order"]}),
        (
            "Who and how",
            {"fields": ["supporting_division", "chair", "chair_from", "chair_until", "meets"]},
        ),
        ("About it", {"fields": ["description", "owning_division"]}),
    ]
