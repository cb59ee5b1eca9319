from django.contrib import admin

from publishing.admin.content import ContentAdmin
from publishing.admin.imports import ContentImportExportMixin
from sources.admin import CitationInline

from .models import MemberState
from .resources import MemberStateResource


@admin.register(MemberState)
class MemberStateAdmin(ContentImportExportMixin, ContentAdmin):
    """A Member State's page: its facts (each cited under “Sources”, with the fact's name
    in “supports”) and the names search recognises. "View on site" opens its page."""

    resource_classes = [MemberStateResource]
    list_display = ["name", "iso_code", "joined_on", "state", "updated_at"]
    list_filter = ["state"]
    search_fields = ["name", "slug", "iso_code", "other_names"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["owning_division"]
    list_select_related = ["owning_division"]
    inlines = [CitationInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "iso_code", "owning_division"]}),
        (
            "Facts (each cited under “Sources”)",
            {
                "fields": [
                    "joined_on",
                    "capital",
                    "official_languages",
                    "national_office",
                    "national_office_url",
                ]
            },
        ),
        ("Search", {"fields": ["other_names"]}),
    ]
