from django.contrib import admin

from publishing.admin.content import ContentAdmin
from publishing.admin.imports import ContentImportExportMixin
from sources.admin import CitationInline

from .models import Meeting
from .resources import MeetingResource


@admin.register(Meeting)
class MeetingAdmin(ContentImportExportMixin, ContentAdmin):
    """Dates are checked by the model (``Meeting.clean``): the end not before the start, and
    "held" not for a meeting that starts after today in Jakarta."""

    resource_classes = [MeetingResource]
    list_display = ["title", "body", "starts", "ends", "host_state", "city", "status", "state"]
    list_filter = ["state", "status", "body"]
    list_select_related = ["body", "host_state"]
    search_fields = ["title", "slug", "city", "body__name", "body__short_name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["body", "host_state", "chair", "partners", "owning_division"]
    inlines = [CitationInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "body", "ordinal"]}),
        ("When and where", {"fields": ["starts", "ends", "host_state", "city", "chair", "status"]}),
        ("Who and what", {"fields": ["partners", "description", "owning_division"]}),
    ]
