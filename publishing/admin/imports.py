"""Import and export in the admin (django-import-export), with the portal's rules.

- Formats: CSV and JSON.
- Importing needs the add and change permissions; exporting needs view.
- The first step is always a dry run: the admin shows what each row would change, or every
  row's errors by row number and field, and changes nothing. The confirmed import runs in
  one transaction that is rolled back if any row fails (all or nothing).
- Who may publish through an import is decided by the resource (publishing.resources).
"""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, JSON


class ContentImportExportMixin(ImportExportMixin):
    formats = [CSV, JSON]
    import_template_name = "admin/portal/import.html"

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_or_change_permission(request)

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True  # one bad row: nothing changes
        return kwargs

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The file changed between the dry run and the import, or the data did: the
            # transaction was rolled back.
            rows = sorted(
                {row.number for row in result.invalid_rows}
                | {number for number, _ in result.row_errors()}
            )
            messages.error(
                request,
                "Nothing was imported: row(s) "
                + ", ".join(str(n) for n in rows)
                + " failed when the import ran. Upload the file again to see why.",
            )
            opts = self.opts
            return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_import"))
        return super().process_result(result, request)
