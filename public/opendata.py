"""Open data: any filtered list as CSV or JSON (``?format=csv`` / ``?format=json``).

Each app declares its dataset — stable column names and what each holds — and how to read
its rows; the Data page documents the same declarations. Rows are read as plain values in
chunks, with their related lists fetched once per chunk, and streamed: a large download
never sits in memory, and the number of queries is fixed per chunk. A download holds at
most EXPORT_PAGE_SIZE rows, so it finishes well within a worker's timeout; a bigger list
comes in pages (``&page=2``), each pointing to the next.

Hostile text and broken streams (documented on the Data page):
- CSV is UTF-8 with a byte-order mark, so spreadsheets on Windows read "2021–2025" and "’"
  as written; a cell a spreadsheet would run as a formula (it starts with ``=``, ``+``,
  ``-``, ``@``, a tab or a carriage return: OWASP's list) starts with ``'`` instead, which
  spreadsheets show as text. JSON keeps the exact text.
- The status line is sent before the rows are read, so a failure part-way (the database
  gone) cannot become an error status: it is logged, and the file ends with a line saying it
  is incomplete. A complete JSON file always ends with ``"complete": true``; a failed one
  ends inside its list of items, so no JSON parser accepts it.
"""

import csv
import datetime
import itertools
import json
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.paginator import InvalidPage, Paginator
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils import timezone

from publishing.spreadsheets import spreadsheet_safe

logger = logging.getLogger(__name__)

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
CHUNK_SIZE = 1000
EXPORT_PAGE_SIZE = 10_000
LICENCE = {
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
# In a CSV cell, several values (slugs, codes) are joined with this.
LIST_SEPARATOR = ";"
BYTE_ORDER_MARK = "\ufeff"
INCOMPLETE = "ERROR: the download failed part-way and this file is incomplete. Download it again."


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    example: str = ""
    is_path: bool = False  # the value is a path on this site; exports give the full URL
    formats: tuple[str, ...] = ("csv", "json")  # a nested list goes in the JSON only


@dataclass(frozen=True)
class Dataset:
    """``values(queryset)`` gives the rows as dicts (a values() queryset, unsliced);
    ``complete(chunk)`` turns a list of them into records keyed by the column names."""

    name: str  # file name stem, e.g. "initiatives"
    title: str
    columns: tuple[Column, ...]
    values: Callable
    complete: Callable[[list[dict]], Iterable[dict]]

    @property
    def column_names(self):
        return [column.name for column in self.columns]

    def columns_for(self, fmt):
        return [column for column in self.columns if fmt in column.formats]

    def row(self, record, request, fmt="json"):
        return {
            column.name: request.build_absolute_uri(record[column.name])
            if column.is_path
            else plain(record[column.name])
            for column in self.columns_for(fmt)
        }


def chunks(iterable, size=None):
    iterator = iter(iterable)
    while chunk := list(itertools.islice(iterator, size or CHUNK_SIZE)):
        yield chunk


def grouped(pairs):
    """``[(key, value), ...]`` → ``{key: [value, ...]}``, keeping the order given."""
    groups = defaultdict(list)
    for key, value in pairs:
        groups[key].append(value)
    return groups


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
    paginator = Paginator(dataset.values(queryset), EXPORT_PAGE_SIZE)
    raw_page = request.GET.get("page", "1").strip() or "1"
    try:
        page = paginator.page(raw_page)
    except InvalidPage:
        return error_response(
            fmt,
            [
                f"There is no page “{raw_page[:20]}” of this download: it has "
                f"{paginator.num_pages} page{'s' if paginator.num_pages != 1 else ''} of up "
                f"to {EXPORT_PAGE_SIZE:,} rows."
            ],
        )
    next_url = page_url(request, page.next_page_number()) if page.has_next() else None
    records = (
        record
        for chunk in chunks(page.object_list.iterator(chunk_size=CHUNK_SIZE))
        for record in dataset.complete(chunk)
    )
    rows = (dataset.row(record, request, fmt) for record in records)
    if fmt == "csv":
        body = csv_lines(dataset, rows)
    else:
        body = json_chunks(request, dataset, rows, page, next_url)
    body = ended_if_failed(body, fmt, request)
    response = StreamingHttpResponse(body, content_type=FORMATS[fmt])
    disposition = "attachment" if fmt == "csv" else "inline"
    suffix = f"-page-{page.number}" if paginator.num_pages > 1 else ""
    response["Content-Disposition"] = f'{disposition}; filename="{dataset.name}{suffix}.{fmt}"'
    links = [f'<{LICENCE["url"]}>; rel="license"']
    if next_url:
        links.append(f'<{next_url}>; rel="next"')
    response["Link"] = ", ".join(links)
    return response


def page_url(request, number):
    query = request.GET.copy()
    query["page"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


class _Line:
    """csv.writer writes into this and gets the line back, for streaming."""

    def write(self, text):
        return text


def csv_lines(dataset, rows):
    writer = csv.writer(_Line())
    yield BYTE_ORDER_MARK + writer.writerow([column.name for column in dataset.columns_for("csv")])
    for row in rows:
        yield writer.writerow(
            [
                spreadsheet_safe(LIST_SEPARATOR.join(value) if isinstance(value, list) else value)
                for value in row.values()
            ]
        )


def ended_if_failed(body, fmt, request):
    """``body``, and if reading it fails part-way, a log entry and a last line that makes the
    file unmistakably incomplete (the 200 status has already gone out)."""
    try:
        yield from body
    except Exception:
        logger.exception("Open-data download %s failed part-way", request.get_full_path())
        yield f"\n{json.dumps(INCOMPLETE)}\n" if fmt == "json" else f"{INCOMPLETE}\r\n"


def json_chunks(request, dataset, rows, page, next_url):
    """One JSON object: what the data is, its licence and source, then its items."""
    head = {
        "dataset": dataset.name,
        "title": dataset.title,
        "licence": LICENCE,
        "source": request.build_absolute_uri(),
        "generated_at": plain(timezone.now()),
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "next": next_url,
        "columns": dataset.column_names,
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "items": ['
    for position, row in enumerate(rows):
        yield ("," if position else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield '\n], "complete": true}\n'
