"""The content token, read-only, with one action: make every cached page afresh."""

from datetime import UTC, datetime

from django.contrib import admin, messages

from caching import content_token
from caching.models import ContentVersion


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
        content_token.reschedule()
        self.message_user(request, "Every page will be made afresh.", messages.SUCCESS)
