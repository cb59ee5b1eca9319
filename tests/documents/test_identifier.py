import pytest

from documents.models import Document
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def test_a_new_document_gets_the_next_identifier():
    first, second = DocumentFactory(), DocumentFactory()
    number = int(first.identifier.removeprefix("ASEC-DOC-"))
    assert first.identifier == f"ASEC-DOC-{number:06d}"
    assert second.identifier == f"ASEC-DOC-{number + 1:06d}"


def test_the_identifier_survives_every_other_change():
    document = DocumentFactory(slug="old-slug", title="Old title")
    identifier = document.identifier
    document.slug, document.title = "new-slug", "New title"
    document.save()
    assert Document.objects.get(pk=document.pk).identifier == identifier


def test_the_identifier_cannot_be_changed():
    document = Document.objects.get(pk=DocumentFactory().pk)
    document.identifier = "ASEC-DOC-999999"
    with pytest.raises(ValueError, match="permanent"):
        document.save()


def test_a_deleted_documents_number_is_not_given_to_the_next_one_while_later_ones_exist():
    first, second = DocumentFactory(), DocumentFactory()
    first.delete()
    assert DocumentFactory().identifier > second.identifier


def test_the_permanent_address_leads_to_the_current_slug(client):
    document = DocumentFactory(slug="first-slug")
    permanent = f"/documents/id/{document.identifier}/"
    assert client.get(permanent)["Location"] == "/documents/first-slug/"
    document.slug = "second-slug"
    document.save()
    assert client.get(permanent)["Location"] == "/documents/second-slug/"
    assert client.get(permanent.lower())["Location"] == "/documents/second-slug/"


def test_the_permanent_address_of_a_draft_or_of_nothing_is_not_found(client):
    draft = DocumentFactory(draft=True)
    assert client.get(f"/documents/id/{draft.identifier}/").status_code == 404
    assert client.get("/documents/id/ASEC-DOC-000000/").status_code == 404
    assert client.get("/documents/id/<script>/").status_code == 404


@pytest.mark.parametrize("slug", ["feed", "id", "participations"])
def test_a_slug_cannot_take_a_fixed_address(slug):
    from django.core.exceptions import ValidationError

    document = DocumentFactory.build(slug=slug)
    with pytest.raises(ValidationError, match="taken by an address"):
        document.full_clean()
