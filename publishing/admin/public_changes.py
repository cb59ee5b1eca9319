"""The public record of changes, for staff: every note readers see, across content types.

Entries are made by publishing (``publishing.changes``), never by hand; staff may correct a
note's wording (a typo in what readers are told) but not its date or item."""

from django.contrib import admin
from django.utils.html import format_html

from publishing.models import PublicChange


@admin.register(PublicChange)
class PublicChangeAdmin(admin.ModelAdmin):
    list_display = ["note", "content_type", "object_id", "published_at", "first", "author"]
    list_select_related = ["content_type", "author"]
    list_filter = ["first", "content_type"]
    search_fields = ["note"]
    date_hierarchy = "published_at"
    fields = ["item", "published_at", "first", "author", "note"]
    readonly_fields = ["item", "published_at", "first", "author"]

    @admin.display(description="item")
    def item(self, obj):
        model = obj.content_type.model_class()
        found = model._default_manager.filter(pk=obj.object_id).first() if model else None
        if found is None:
            return f"{obj.content_type.name} #{obj.object_id} (deleted)"
        return format_html('<a href="{}">{}</a>', found.get_absolute_url(), found)

    def has_add_permission(self, request):
        return False
