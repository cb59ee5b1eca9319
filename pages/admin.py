"""The site-wide text editors keep in the database."""

from django.contrib import admin

from pages.models import ContactMessage, SiteSection
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


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """Messages from the contact form, read-only: what someone sent is kept as they sent
    it. Site administrators may delete one (a sender's request; older ones are deleted by
    ``purge_contact_messages``)."""

    list_display = ["received_at", "topic", "name", "email", "short_message"]
    list_filter = ["topic"]
    search_fields = ["name", "email", "message", "page"]
    date_hierarchy = "received_at"
    fields = ["received_at", "topic", "name", "email", "page", "message"]
    readonly_fields = fields

    @admin.display(description="message")
    def short_message(self, obj):
        return obj.message if len(obj.message) <= 80 else obj.message[:79] + "…"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
