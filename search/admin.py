"""The staff side of search: the acronym glossary, what people looked for in vain, and a
read-only look at the index."""

from django.contrib import admin
from django.utils.html import format_html

from search.models import GlossaryEntry, MissedQuery, SearchDocument, SearchTerm, Synonym


@admin.register(GlossaryEntry)
class GlossaryEntryAdmin(admin.ModelAdmin):
    list_display = ["acronym", "expansion", "note", "updated_at"]
    search_fields = ["acronym", "expansion", "note"]
    fields = ["acronym", "expansion", "note"]


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    """Everyday words and the portal's words: each finds the other in search."""

    list_display = ["words", "also_finds", "note", "updated_at"]
    search_fields = ["words", "also_finds", "note"]
    fields = ["words", "also_finds", "note"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Written by the index itself: staff may look, never change."""

    show_full_result_count = False  # 100,000 rows and more

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SearchDocument)
class SearchDocumentAdmin(ReadOnlyAdmin):
    """What the index holds for a page: for staff asking why something is (not) found."""

    list_display = ["title", "kind", "publish_at", "unpublish_at", "indexed_at"]
    list_filter = ["kind"]
    search_fields = ["title"]


@admin.register(SearchTerm)
class SearchTermAdmin(ReadOnlyAdmin):
    """The indexed words typo suggestions come from, and how many pages use each."""

    list_display = ["word", "documents"]
    search_fields = ["word"]
    ordering = ["-documents", "word"]


@admin.register(MissedQuery)
class MissedQueryAdmin(ReadOnlyAdmin):
    """Rows are written by the search page. Staff read them, write the missing FAQ or add
    a glossary entry, and delete the rows they have dealt with."""

    list_display = ["text", "day", "count", "searched_again"]
    list_filter = ["day"]
    search_fields = ["text"]
    date_hierarchy = "day"
    list_per_page = 100

    def has_delete_permission(self, request, obj=None):
        return admin.ModelAdmin.has_delete_permission(self, request, obj)

    @admin.display(description="search now")
    def searched_again(self, obj):
        return format_html('<a href="{}">try it</a>', obj.get_absolute_url())
