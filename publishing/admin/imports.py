"""Import and export in the admin (django-import-export), with the portal's rules.

- Formats: CSV and JSON.
- Importing needs the add and change permissions; exporting needs view.
- The first step is always a dry run: the admin shows what each row would change, or every
  row's errors by row number and field, and changes nothing. The confirmed import runs in
  one transaction that is rolled back if any row fails (all or nothing). A confirmation
  naming an upload that is gone (expired, or made by hand) gets a message, not an error.
- Who may publish through an import is decided by the resource (publishing.resources).
- Exports stream: rows are read in chunks of EXPORT_CHUNK items (with their related rows
  fetched once per chunk) and sent as they are written, so an export of any size starts at
  once, never sits whole in memory, and no single write waits on the whole table (the
  library builds the whole file first: 20,000 initiatives took 34 s before the first byte,
  past gunicorn's 30 s timeout).
- CSV cells that a spreadsheet would run as formulas start with ``'``
  (``publishing.spreadsheets``); importing a CSV takes that apostrophe off again, so an
  export imports back unchanged. JSON keeps the exact text. A complete CSV starts with a
  byte-order mark; a complete JSON file ends with ``]``; an export that fails part-way is
  logged and ends with an ERROR line (CSV) or unclosed (JSON).
"""

import csv
import json
import logging

import tablib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.urls import reverse
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, JSON
from import_export.signals import post_export
from tablib.formats._json import serialize_objects_handler

from publishing.spreadsheets import as_written, spreadsheet_safe

logger = logging.getLogger(__name__)

EXPORT_CHUNK = 500
BYTE_ORDER_MARK = "\ufeff"
INCOMPLETE = "ERROR: the export failed part-way and this file is incomplete. Export it again."


class SpreadsheetSafeCSV(CSV):
    """CSV whose cells never run as formulas in a spreadsheet, and which reads its own
    neutralised cells back as they were written."""

    def export_data(self, dataset, **kwargs):
        safe = tablib.Dataset(headers=dataset.headers)
        for row in dataset:
            safe.append([spreadsheet_safe(cell) for cell in row])
        return super().export_data(safe, **kwargs)

    def create_dataset(self, in_stream, **kwargs):
        dataset = super().create_dataset(in_stream, **kwargs)
        plain = tablib.Dataset(headers=dataset.headers)
        for row in dataset:
            plain.append([as_written(cell) for cell in row])
        return plain


class _Line:
    def write(self, text):
        return text


def csv_export(headers, rows):
    writer = csv.writer(_Line())
    yield BYTE_ORDER_MARK + writer.writerow(headers)
    for row in rows:
        yield writer.writerow([spreadsheet_safe(cell) for cell in row])


def json_export(headers, rows):
    yield "["
    for position, row in enumerate(rows):
        item = json.dumps(
            dict(zip(headers, row, strict=True)),
            default=serialize_objects_handler,
            ensure_ascii=False,
        )
        yield ("," if position else "") + "\n" + item
    yield "\n]\n"


class ContentImportExportMixin(ImportExportMixin):
    formats = [SpreadsheetSafeCSV, JSON]
    import_template_name = "admin/portal/import.html"

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_or_change_permission(request)

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True  # one bad row: nothing changes
        return kwargs

    def import_page(self):
        opts = self.opts
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_import"))

    def process_import(self, request, **kwargs):
        try:
            return super().process_import(request, **kwargs)
        except FileNotFoundError:
            messages.error(
                request,
                "Nothing was imported: the uploaded file is no longer here (it is kept only "
                "between the dry run and its confirmation). Upload the file again.",
            )
            return self.import_page()

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
            return self.import_page()
        return super().process_result(result, request)

    # --- export, streamed -----------------------------------------------------------------

    def _do_file_export(self, file_format, request, queryset, export_form=None):
        if not self.has_export_permission(request):
            raise PermissionDenied
        resource_class = self.choose_export_resource_class(export_form, request)
        resource = resource_class(
            **self.get_export_resource_kwargs(request, export_form=export_form)
        )
        selected = self.get_export_resource_fields_from_form(export_form)
        headers = resource.get_export_headers(selected_fields=selected)
        rows = self.export_rows(resource, queryset, selected)
        write = csv_export if isinstance(file_format, CSV) else json_export
        body = self.ended_if_failed(write(headers, rows), file_format, request)
        response = StreamingHttpResponse(body, content_type=file_format.get_content_type())
        name = self.get_export_filename(request, queryset, file_format)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        post_export.send(sender=None, model=self.model)
        return response

    def export_rows(self, resource, queryset, selected):
        """Each item's exported values, in the list's order, a chunk of items at a time: the
        ids first (one query), then each chunk's values and related rows (a fixed number of
        queries per chunk, whatever its place in the list)."""
        ids = list(queryset.values_list("pk", flat=True))
        for start in range(0, len(ids), EXPORT_CHUNK):
            yield from resource.export_chunk(ids[start : start + EXPORT_CHUNK], selected)

    def ended_if_failed(self, body, file_format, request):
        try:
            yield from body
        except Exception:
            logger.exception("Admin export %s failed part-way", request.get_full_path())
            yield f"{INCOMPLETE}\r\n" if isinstance(file_format, CSV) else f"\n{INCOMPLETE}\n"
