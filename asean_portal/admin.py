"""The staff side's identity, and the site-wide text editors keep in the database."""

from django.contrib import admin

from .admin_mixins import ContentAdmin
from .models import SiteSection
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
