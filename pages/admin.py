"""The site-wide text editors keep in the database."""

from django.contrib import admin

from pages.models import SiteSection
from publishing.admin.content import ContentAdmin
from sources.admin import CitationInline


@admin.register(SiteSection)
class SiteSectionAdmin(ContentAdmin):
    list_display = ["title", "kind", "order", "state", "updated_at"]
    list_filter = ["state", "kind"]
    search_fields = ["title", "slug", "body"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["owning_division"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "kind",
                    "title",
                    "slug",
                    "order",
                    "body",
                    "editorial_note",
                    "owning_division",
                ]
            },
        )
    ]
    inlines = [CitationInline]
