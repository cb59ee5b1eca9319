"""The read-only list of every draft of a live item, across content types."""

from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from publishing.models import Draft


@admin.register(Draft)
class DraftListAdmin(admin.ModelAdmin):
    """Read-only: every draft of a live item, across content types, each linked to its page
    (compare, preview, publish, discard). Content lists show and filter them per type."""

    list_display = ["__str__", "draft_page", "author", "updated_at", "submitted_at"]
    list_select_related = ["content_type", "author"]
    list_filter = ["content_type"]

    @admin.display(description="review")
    def draft_page(self, obj):
        opts = obj.content_type.model_class()._meta
        try:
            link = reverse(f"admin:{opts.app_label}_{opts.model_name}_draft", args=[obj.object_id])
        except NoReverseMatch:
            return None
        return format_html('<a href="{}">Compare, preview, publish</a>', link)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
