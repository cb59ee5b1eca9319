"""Uploaded files: type judged by content, size limited, stored through the storage API in
MEDIA_ROOT under an unguessable name, and served only for public documents, safely."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.files import validate_document_file
from documents.models import Document
from tests.documents.conftest import PDF_BYTES, docx_bytes, odt_bytes
from tests.factories import DocumentFactory, StaffFactory

pytestmark = pytest.mark.django_db


class FileForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["file"]


def upload(name, content, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.parametrize(
    "name, content",
    [("charter.pdf", PDF_BYTES), ("annex.docx", docx_bytes()), ("annex.odt", odt_bytes())],
)
def test_pdf_docx_and_odt_are_accepted_by_their_content(name, content):
    validate_document_file(upload(name, content))


@pytest.mark.parametrize(
    "name, content",
    [
        ("evil.pdf", b"<html><script>alert(1)</script></html>"),  # a PDF by name only
        ("image.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 100),
        ("archive.docx", b"PK\x03\x04not really a zip"),
        ("empty.pdf", b""),
    ],
)
def test_anything_else_is_refused_whatever_its_name_says(name, content):
    with pytest.raises(ValidationError, match="not a PDF, DOCX or ODT"):
        validate_document_file(upload(name, content))


def test_a_zip_that_is_no_word_document_is_refused():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.html", "<script>alert(1)</script>")
    with pytest.raises(ValidationError):
        validate_document_file(upload("x.docx", buffer.getvalue()))


def test_a_file_over_the_limit_is_refused_with_the_limit(settings):
    settings.DOCUMENT_FILE_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="the limit is 100"):
        validate_document_file(upload("big.pdf", PDF_BYTES + b"0" * 200))


def test_the_form_says_why_and_saves_nothing(media):
    document = DocumentFactory()
    form = FileForm(
        data={}, files={"file": upload("x.pdf", b"MZ\x90\x00 an executable")}, instance=document
    )
    assert not form.is_valid()
    assert "not a PDF" in form.errors["file"][0]
    assert not media.exists() or not any(media.rglob("*.pdf"))


def test_an_upload_is_stored_under_media_root_with_an_unguessable_name(media):
    document = DocumentFactory()
    form = FileForm(
        data={}, files={"file": upload("ASEAN Charter.pdf", PDF_BYTES)}, instance=document
    )
    assert form.is_valid(), form.errors
    form.save()
    document.refresh_from_db()
    assert document.file_type == "pdf"
    stored = media / document.file.name
    assert stored.read_bytes() == PDF_BYTES
    parts = document.file.name.split("/")
    assert parts[0] == "documents" and len(parts[1]) >= 30  # a random directory
    assert parts[2] == "asean-charter.pdf"


def with_file(media, content=PDF_BYTES, name="charter.pdf", **kwargs):
    document = DocumentFactory(**kwargs)
    document.file.save(name, ContentFile(content), save=True)
    return document


def test_a_published_documents_pdf_is_served_as_a_safe_download(client, media):
    document = with_file(media)
    response = client.get(f"/documents/{document.slug}/file/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{document.identifier}.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_a_docx_is_served_with_its_own_type(client, media):
    document = with_file(media, docx_bytes(), "annex.docx")
    response = client.get(f"/documents/{document.slug}/file/")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].endswith('.docx"')


def test_a_drafts_file_is_not_public_but_staff_may_preview_it(client, media):
    document = with_file(media, draft=True)
    assert client.get(f"/documents/{document.slug}/file/").status_code == 404
    client.force_login(StaffFactory())
    response = client.get(f"/documents/{document.slug}/file/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]


def test_an_unpublished_documents_file_goes_with_it(client, media):
    document = with_file(media)
    assert client.get(f"/documents/{document.slug}/file/").status_code == 200
    document.state = "draft"
    document.save()
    assert client.get(f"/documents/{document.slug}/file/").status_code == 404


def test_no_file_no_download(client, media):
    document = DocumentFactory()
    assert client.get(f"/documents/{document.slug}/file/").status_code == 404
    assert client.get("/documents/nothing-here/file/").status_code == 404


def test_the_page_links_the_file_and_never_its_storage_path(client, media):
    document = with_file(media)
    page = client.get(document.get_absolute_url()).content.decode()
    assert f'href="/documents/{document.slug}/file/"' in page
    assert document.file.name not in page
    assert (
        f'<meta name="citation_pdf_url" content="http://testserver/documents/{document.slug}/file/">'
        in page
    )
