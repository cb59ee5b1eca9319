from django.contrib import admin

from publishing.admin.content import ContentAdmin
from publishing.admin.imports import ContentImportExportMixin
from sources.admin import CitationInline

from .models import Division
from .resources import DivisionResource


@admin.register(Division)
class DivisionAdmin(ContentImportExportMixin, ContentAdmin):
    resource_classes = [DivisionResource]
    list_display = ["name", "short_name", "kind", "pillar", "parent", "order", "state"]
    list_filter = ["state", "kind", "pillar"]
    list_select_related = ["parent"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    inlines = [CitationInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "short_name", "kind", "pillar", "parent", "order"]}),
        ("What it does", {"fields": ["head_title", "summary", "mandate"]}),
        ("Contact", {"fields": ["email", "phone", "address"]}),
        ("Keeping it current", {"fields": ["owner"]}),
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "owner":  # a member of staff, named
            kwargs["queryset"] = db_field.related_model.objects.filter(
                is_staff=True, is_active=True
            ).order_by("first_name", "last_name", "username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
