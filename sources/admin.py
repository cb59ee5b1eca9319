from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.db import models

from publishing.admin.history import HistoryAdminMixin

from .models import Citation, Source


@admin.register(Source)
class SourceAdmin(HistoryAdminMixin, admin.ModelAdmin):
    list_display = ["title", "publisher", "published", "kind", "key"]
    list_filter = ["kind", "publisher"]
    search_fields = ["title", "publisher", "key", "notes"]
    prepopulated_fields = {"key": ["title"]}
    # An address typed without its scheme is https (Django 6's default, said now).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["title", "key", "kind", "publisher", "published"]}),
        ("Where to find it", {"fields": ["url", "accessed_on", "archived_url"]}),
        (None, {"fields": ["notes"]}),
    ]


class CitationInline(GenericTabularInline):
    """ "Sources" on any content item's form: what the item (or one of its facts) rests on."""

    model = Citation
    verbose_name = "source"
    verbose_name_plural = "Sources"
    fields = ["source", "supports", "locator", "order"]
    autocomplete_fields = ["source"]
    extra = 0


@admin.register(Citation)
class CitationAdmin(HistoryAdminMixin, admin.ModelAdmin):
    """Every citation across the portal: which item rests on which source."""

    list_display = ["source", "content_type", "object_id", "supports", "locator"]
    list_filter = ["content_type"]
    list_select_related = ["source", "content_type"]
    search_fields = ["source__title", "supports"]
    autocomplete_fields = ["source"]
