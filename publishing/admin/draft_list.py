"""The read-only list of every draft of a live item, across content types: open to everyone
who may see some content type (Editors, Publishers), each row named by its item's title."""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import Truncator, capfirst

from publishing.models import Draft, DraftRevision, EditLock, EditPresence, WorkflowNote
from publishing.registry import registry


def _content_types_seen_by(request):
    """``{content type id: model}`` of the registered types ``request.user`` may view."""
    seen = {}
    for content_type in registry.types():
        model_admin = admin.site._registry.get(content_type.model)
        if model_admin is not None and model_admin.has_view_or_change_permission(request):
            ct = ContentType.objects.get_for_model(content_type.model, for_concrete_model=False)
            seen[ct.pk] = content_type.model
    return seen


class ContentTypeFilter(admin.SimpleListFilter):
    """The registered content types only (Django's own filter lists every table)."""

    title = "content type"
    parameter_name = "type"

    def lookups(self, request, model_admin):
        return [
            (str(pk), capfirst(model._meta.verbose_name_plural))
            for pk, model in _content_types_seen_by(request).items()
        ]

    def queryset(self, request, queryset):
        value = str(self.value() or "")  # "Show counts" sets it as an int
        if value.isdigit():
            return queryset.filter(content_type_id=int(value))
        return queryset


@admin.register(Draft)
class DraftListAdmin(admin.ModelAdmin):
    """Read-only: every draft of a live item the user may see, each linked to its page
    (compare, preview, publish, discard). Content lists show and filter them per type."""

    list_display = ["title", "draft_page", "author", "updated_at", "submitted_at"]
    list_display_links = None
    list_select_related = ["content_type", "author"]
    list_filter = [ContentTypeFilter]

    def get_queryset(self, request):
        types = _content_types_seen_by(request)
        # The items themselves: one query per content type on the page (GenericForeignKey).
        return (
            super()
            .get_queryset(request)
            .filter(content_type_id__in=list(types))
            .prefetch_related("item")
        )

    @admin.display(description="item")
    def title(self, obj):
        item = obj.item
        model = obj.content_type.model_class()
        if item is None or model is None:
            return f"(deleted) {obj}"
        return f"{capfirst(model._meta.verbose_name)}: {Truncator(str(item)).chars(90)}"

    @admin.display(description="review")
    def draft_page(self, obj):
        opts = obj.content_type.model_class()._meta
        try:
            link = reverse(f"admin:{opts.app_label}_{opts.model_name}_draft", args=[obj.object_id])
        except NoReverseMatch:
            return None
        return format_html('<a href="{}">Compare, preview, publish</a>', link)

    def _sees_content(self, request):
        return (
            request.user.is_active
            and request.user.is_staff
            and bool(_content_types_seen_by(request))
        )

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) or self._sees_content(request)

    def has_module_permission(self, request):
        return super().has_module_permission(request) or self._sees_content(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(WorkflowNote)
class WorkflowNoteAdmin(admin.ModelAdmin):
    """Read-only, for site administrators: every comment, request for changes and discarded
    draft (each item shows its own on its review page and history)."""

    list_display = ["__str__", "kind", "author", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["content_type", "author"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DraftRevision)
class DraftRevisionAdmin(WorkflowNoteAdmin):
    """Read-only, for site administrators: every save of a draft (each draft's page lists
    its own)."""

    list_display = ["__str__", "author", "saved_at"]
    list_filter = []
    list_select_related = ["author"]


@admin.register(EditLock)
class EditLockAdmin(WorkflowNoteAdmin):
    """Every lock (each item's form shows and lifts its own); site administrators may
    delete a forgotten one."""

    list_display = ["__str__", "locked_by", "locked_at", "note"]
    list_filter = []
    list_select_related = ["locked_by", "content_type"]


@admin.register(EditPresence)
class EditPresenceAdmin(WorkflowNoteAdmin):
    list_display = ["__str__", "opened_at", "seen_at"]
    list_filter = []
    list_select_related = ["user", "content_type"]
