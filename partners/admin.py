from django.contrib import admin

from publishing.admin.content import ContentAdmin
from sources.admin import CitationInline

from .models import Partner


@admin.register(Partner)
class PartnerAdmin(ContentAdmin):
    list_display = ["name", "short_name", "kind", "since", "state"]
    list_filter = ["state", "kind"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["owning_division"]
    inlines = [CitationInline]
    fieldsets = [
        (
            None,
            {
                "fields": ["name", "slug", "short_name", "kind", "since", "description"],
                "description": "“Since”: as precisely as the source says (“2021”), or empty.",
            },
        ),
        ("Ownership", {"fields": ["owning_division"]}),
    ]
