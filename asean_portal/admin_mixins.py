"""What every content admin shares: authorship, the publication fieldsets, publish actions."""

from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.utils import model_ngettext
from django.utils import timezone

from .publishing import State, rows_updated

PUBLICATION_FIELDS = ("state", "publish_at", "unpublish_at")
HISTORY_FIELDS = ("created_at", "created_by", "updated_at", "updated_by")

MARKDOWN_HELP = (
    "Markdown: **bold**, *italic*, [a link](https://example.org), “- ” starts a list item, "
    "“## ” a heading. Raw HTML is removed."
)


class ContentAdmin(admin.ModelAdmin):
    """Base admin for ``ContentModel`` subclasses.

    Subclasses declare ``fieldsets`` for their own content only; the "Publication" and
    "History" fieldsets are added after them. Saving through the admin records who did it.
    """

    list_filter = ["state"]
    readonly_fields = HISTORY_FIELDS
    actions = ["publish", "unpublish"]
    list_per_page = 50

    def get_fieldsets(self, request, obj=None):
        if self.fieldsets:
            content = list(self.fieldsets)
        else:
            managed = PUBLICATION_FIELDS + HISTORY_FIELDS
            fields = [f for f in self.get_fields(request, obj) if f not in managed]
            content = [(None, {"fields": fields})]
        return [
            *content,
            ("Publication", {"fields": [PUBLICATION_FIELDS]}),
            (
                "History",
                {
                    "classes": ["collapse"],
                    "fields": [("created_by", "created_at"), ("updated_by", "updated_at")],
                },
            ),
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and db_field.name in self.model.markdown_fields:
            formfield.help_text = MARKDOWN_HELP
        return formfield

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def set_state(self, request, queryset, state, done):
        """Move the selected rows that are not already in ``state`` there, in one UPDATE,
        and record the change in each object's admin history."""
        to_change = queryset.exclude(state=state)
        changed = list(to_change)  # for the history entries, read before the update
        count = to_change.update(state=state, updated_by=request.user, updated_at=timezone.now())
        rows_updated.send(sender=self.model, pks=[obj.pk for obj in changed])
        if changed:
            LogEntry.objects.log_actions(
                request.user.pk,
                changed,
                CHANGE,
                change_message=[{"changed": {"fields": ["publication state"]}}],
            )
        self.message_user(
            request, f"{count} {model_ngettext(self.opts, count)} {done}.", messages.SUCCESS
        )

    @admin.action(description="Publish selected %(verbose_name_plural)s", permissions=["change"])
    def publish(self, request, queryset):
        self.set_state(request, queryset, State.PUBLISHED, "published")

    @admin.action(
        description="Unpublish selected %(verbose_name_plural)s (back to draft)",
        permissions=["change"],
    )
    def unpublish(self, request, queryset):
        self.set_state(request, queryset.filter(state=State.PUBLISHED), State.DRAFT, "unpublished")
