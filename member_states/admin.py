from django.contrib import admin
from django.urls import reverse

from publishing.admin.history import HistoryAdminMixin
from sources.admin import CitationInline

from .models import MemberState


@admin.register(MemberState)
class MemberStateAdmin(HistoryAdminMixin, admin.ModelAdmin):
    list_display = ["name", "iso_code", "joined_on"]
    search_fields = ["name", "slug", "iso_code"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CitationInline]

    def view_on_site(self, obj):
        return f"{reverse('initiatives:list')}?member_state={obj.slug}"
