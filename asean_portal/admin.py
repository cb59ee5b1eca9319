"""The staff side's identity, and the site-wide text editors keep in the database."""

from datetime import UTC, datetime

from django.contrib import admin, messages
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from . import content_version
from .admin_mixins import ContentAdmin
from .models import ContentVersion, PendingChange, SiteSection
from .search import admin as search_admin  # noqa: F401  (registers the glossary and the misses)

admin.site.site_header = "ASEAN Secretariat Knowledge Portal — staff"
admin.site.site_title = "ASEAN Secretariat Knowledge Portal staff"
admin.site.index_title = "Portal content"
admin.site.site_url = "/"
admin.site.index_template = "admin/portal/index.html"  # adds "content due for review"


@admin.register(SiteSection)
class SiteSectionAdmin(ContentAdmin):
    list_display = ["title", "kind", "order", "state", "updated_at"]
    list_filter = ["state", "kind"]
    search_fields = ["title", "slug", "body"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["owning_division"]
    fieldsets = [(None, {"fields": ["kind", "title", "slug", "order", "body", "owning_division"]})]


def _moment(microseconds):
    return datetime.fromtimestamp(microseconds / 1e6, UTC) if microseconds else "—"


@admin.register(ContentVersion)
class ContentVersionAdmin(admin.ModelAdmin):
    """Read-only: when the public content last changed and when a schedule next changes it.
    The one action makes every cached page be made afresh (after a change made outside
    Django, say a hand-written SQL fix)."""

    list_display = ["__str__", "changed_at", "next_scheduled_change"]
    actions = ["refresh_pages"]

    @admin.display(description="content last changed")
    def changed_at(self, obj):
        return _moment(obj.changed_at_us)

    @admin.display(description="next scheduled change")
    def next_scheduled_change(self, obj):
        return _moment(obj.next_change_us)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Refresh every cached page", permissions=["view"])
    def refresh_pages(self, request, queryset):
        content_version.reschedule()
        self.message_user(request, "Every page will be made afresh.", messages.SUCCESS)


@admin.register(PendingChange)
class PendingChangeAdmin(admin.ModelAdmin):
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
