"""The staff side's identity, and the admin of what the wings keep (the content apps
register their own in their ``admin.py``)."""

from django.conf import settings
from django.contrib import admin

# Imported for their ``@admin.register``: the wings never register themselves.
from caching import admin as caching_admin  # noqa: F401
from publishing.admin import draft_list, public_changes  # noqa: F401
from search import admin as search_admin  # noqa: F401

admin.site.site_header = f"{settings.PORTAL_NAME} — staff"
admin.site.site_title = f"{settings.PORTAL_NAME} staff"
admin.site.index_title = "Portal content"
admin.site.site_url = "/"
admin.site.index_template = "admin/portal/index.html"  # adds "content due for review"
