"""Open data: any filtered list as CSV or JSON (``?format=csv`` / ``?format=json``).

Each app declares its dataset — stable column names, what each holds, how to read it from
a row — and the Data page documents the same declarations. Exports are streamed in chunks,
so a large one never sits in memory and the number of queries stays fixed per chunk.
"""

import csv
import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils import timezone

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
CHUNK_SIZE = 500
LICENCE = {
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
# In a CSV cell, several values (slugs, codes) are joined with this.
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Callable[[Any], Any]
    example: str = ""
    is_path: bool = False  # the value is a path on this site; exports give the full URL


@dataclass(frozen=True)
class Dataset:
    name: str  # file name stem, e.g. "initiatives"
    title: str
    columns: tuple[Column, ...]

    @property
    def column_names(self):
        return [column.name for column in self.columns]

    def row(self, obj, request):
        row = {}
        for column in self.columns:
            value = column.value(obj)
            row[column.name] = request.build_absolute_uri(value) if column.is_path else plain(value)
        return row


def plain(value):
    """Dates as ISO 8601 (times in UTC, to the second); lists stay lists."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def requested_format(request):
    """``(format, error)``: format is None for the web page, else "csv" or "json"; error is a
    sentence when ``?format=`` holds anything else."""
    value = request.GET.get("format", "").strip().lower()
    if value in ("", "html"):
        return None, ""
    if value in FORMATS:
        return value, ""
    return None, f"There is no format “{value[:20]}”: use csv or json, or leave it out."


def error_response(fmt, errors):
    """A bad filter on an export: 400 in the format asked for, never a broken file."""
    if fmt == "json":
        return JsonResponse(
            {"errors": errors}, status=400, json_dumps_params={"ensure_ascii": False}
        )
    text = "The data could not be exported:\n" + "".join(f"- {e}\n" for e in errors)
    return HttpResponse(text, status=400, content_type="text/plain; charset=utf-8")


def export_response(request, dataset, queryset, fmt):
    rows = (dataset.row(obj, request) for obj in queryset.iterator(chunk_size=CHUNK_SIZE))
    body = csv_lines(dataset, rows) if fmt == "csv" else json_chunks(request, dataset, rows)
    response = StreamingHttpResponse(body, content_type=FORMATS[fmt])
    disposition = "attachment" if fmt == "csv" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{dataset.name}.{fmt}"'
    response["Link"] = f'<{LICENCE["url"]}>; rel="license"'
    return response


class _Line:
    """csv.writer writes into this and gets the line back, for streaming."""

    def write(self, text):
        return text


def csv_lines(dataset, rows):
    writer = csv.writer(_Line())
    yield writer.writerow(dataset.column_names)
    for row in rows:
        yield writer.writerow(
            [
                LIST_SEPARATOR.join(value) if isinstance(value, list) else value
                for value in row.values()
            ]
        )


def json_chunks(request, dataset, rows):
    """One JSON object: what the data is, its licence and source, then its items."""
    head = {
        "dataset": dataset.name,
        "title": dataset.title,
        "licence": LICENCE,
        "source": request.build_absolute_uri(),
        "generated_at": plain(timezone.now()),
        "columns": dataset.column_names,
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "items": ['
    for position, row in enumerate(rows):
        yield ("," if position else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]}\n"
