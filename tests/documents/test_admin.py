"""Staff keep documents in the admin: the form, its inlines, uploads and "Use as a source"."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Document
from publishing.content import State
from sources.models import Citation
from tests.documents.conftest import PDF_BYTES
from tests.factories import DocumentFactory, MemberStateFactory, SourceFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:documents_document_changelist")
ADD = reverse("admin:documents_document_add")
PARTICIPATIONS = "participations"
CITATIONS = "sources-citation-content_type-object_id"


def form_data(**fields):
    return {
        "title": "ASEAN Agreement on Something",
        "slug": "asean-agreement-on-something",
        "doc_type": "agreement",
        "summary": "",
        "date": "2005-07",
        "place": "",
        "languages": "",
        "official_url": "",
        "entered_into_force": "",
        "state": State.DRAFT,
        "publish_at_0": "",
        "publish_at_1": "",
        "unpublish_at_0": "",
        "unpublish_at_1": "",
        f"{PARTICIPATIONS}-TOTAL_FORMS": "0",
        f"{PARTICIPATIONS}-INITIAL_FORMS": "0",
        f"{CITATIONS}-TOTAL_FORMS": "0",
        f"{CITATIONS}-INITIAL_FORMS": "0",
        **fields,
    }


def test_the_changelist_and_the_add_form_answer(staff_client):
    DocumentFactory(title="Bangkok Declaration")
    assert "Bangkok Declaration" in staff_client.get(CHANGELIST).content.decode()
    page = staff_client.get(ADD).content.decode()
    assert "Signatures and consents" in page and 'name="file"' in page


def test_a_document_with_a_signature_is_saved_and_gets_its_identifier(staff_client):
    state = MemberStateFactory(name="Singapore")
    response = staff_client.post(
        ADD,
        form_data(
            **{
                f"{PARTICIPATIONS}-TOTAL_FORMS": "1",
                f"{PARTICIPATIONS}-0-member_state": str(state.pk),
                f"{PARTICIPATIONS}-0-signed": "2005-07-26",
                f"{PARTICIPATIONS}-0-consent_kind": "",
                f"{PARTICIPATIONS}-0-consented": "",
            }
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    document = Document.objects.get(slug="asean-agreement-on-something")
    assert document.identifier.startswith("ASEC-DOC-")
    assert document.participations.get().signed.isoformat() == "2005-07-26"


def test_an_upload_that_is_not_a_document_is_refused_with_a_message(staff_client, media):
    bad = SimpleUploadedFile("agreement.pdf", b"<svg onload=alert(1)>", "application/pdf")
    response = staff_client.post(ADD, {**form_data(), "file": bad})
    assert response.status_code == 200
    assert "not a PDF, DOCX or ODT" in response.content.decode()
    assert not Document.objects.exists()


def test_a_pdf_upload_is_kept(staff_client, media):
    good = SimpleUploadedFile("agreement.pdf", PDF_BYTES, "application/pdf")
    response = staff_client.post(ADD, {**form_data(), "file": good})
    assert response.status_code == 302
    assert Document.objects.get().file_type == "pdf"


def test_publishing_needs_a_source(staff_client):
    response = staff_client.post(ADD, form_data(state=State.PUBLISHED))
    assert response.status_code == 200
    assert "cannot be published without a source" in response.content.decode()


def test_use_as_a_source_makes_links_and_cites_it(staff_client):
    document = DocumentFactory(title="ASEAN Charter", date="2007-11-20")
    other = DocumentFactory(source=SourceFactory(key="already"))
    response = staff_client.post(
        CHANGELIST,
        {"action": "use_as_source", "_selected_action": [document.pk, other.pk]},
        follow=True,
    )
    assert response.status_code == 200
    document.refresh_from_db()
    source = document.source
    assert (source.title, source.published.isoformat(), source.kind) == (
        "ASEAN Charter",
        "2007-11-20",
        "official-document",
    )
    assert Citation.objects.filter(object_id=document.pk, source=source).exists()
    page = response.content.decode()
    assert "1 source made" in page and "1 document already had a source" in page
    assert Document.objects.get(pk=other.pk).source.key == "already"


def test_the_identifier_is_not_editable_in_the_admin(staff_client):
    document = DocumentFactory()
    page = staff_client.get(reverse("admin:documents_document_change", args=[document.pk]))
    assert 'name="identifier"' not in page.content.decode()
    assert document.identifier in page.content.decode()


def import_csv(client, text):
    from django.core.files.uploadedfile import SimpleUploadedFile

    dry_run = client.post(
        reverse("admin:documents_document_import"),
        {
            "format": "0",
            "import_file": SimpleUploadedFile("documents.csv", text.encode(), "text/plain"),
            "resource": "0",
        },
    )
    return dry_run


def test_import_makes_documents_with_new_identifiers_and_ignores_a_given_one(
    staff_client, settings
):
    settings.PUBLISH_REQUIRES_SOURCE = False
    existing = DocumentFactory(slug="kept", title="Kept")
    text = (
        "slug,identifier,title,doc_type,date,state\n"
        "kept,ASEC-DOC-999999,Kept (renamed),declaration,2019-06,draft\n"
        "new-one,ASEC-DOC-999998,A new plan,plan,2015,draft\n"
    )
    dry_run = import_csv(staff_client, text)
    assert dry_run.status_code == 200, dry_run.content.decode()[:500]
    form = dry_run.context["confirm_form"]
    staff_client.post(
        reverse("admin:documents_document_process_import"),
        {name: form[name].value() for name in form.fields},
    )
    existing.refresh_from_db()
    assert existing.title == "Kept (renamed)"
    assert existing.identifier != "ASEC-DOC-999999"
    new = Document.objects.get(slug="new-one")
    assert new.identifier.startswith("ASEC-DOC-") and new.identifier != "ASEC-DOC-999998"
    assert new.date.isoformat() == "2015"


def test_a_bad_date_in_an_import_is_named_and_nothing_changes(staff_client):
    text = "slug,title,doc_type,date,state\nbad,Bad,plan,20155,draft\n"
    response = import_csv(staff_client, text)
    assert "20155" in response.content.decode()
    assert not Document.objects.filter(slug="bad").exists()


def test_export_writes_the_identifier(staff_client):
    document = DocumentFactory(title="Exported")
    export = reverse("admin:documents_document_export")
    page = staff_client.get(export)
    data = {"format": "0", "resource": "0"}
    data.update({name: "on" for name in page.context["form"].fields if "resource_" in name})
    response = staff_client.post(export, data)
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert document.identifier in body and "Exported" in body
