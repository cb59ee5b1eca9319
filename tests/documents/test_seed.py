"""The library's seed: only what the ruling allows, each fact with its source."""

import pytest

from documents.models import Document, Participation
from partial_dates import PartialDate
from partners.models import Partner
from seed import data, library_data
from sources.references import citations_of
from tests.module_data import kept_for_the_module
from tests.seed.loading import load

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with kept_for_the_module(django_db_blocker):
        load()
        yield


def test_every_official_document_and_publication_source_is_a_document(seeded):
    kinds = library_data.DOCUMENT_SOURCE_KINDS
    keys = {s[0] for s in data.SOURCES if s[4] in kinds}
    documents = Document.objects.select_related("source")
    assert {d.source.key for d in documents} == keys
    for document in documents:
        assert document.state == "published"
        assert document.title == document.source.title
        assert document.date == document.source.published  # the source's precision
        assert citations_of([document])  # it cites its source


def test_the_charter_has_the_rulings_signatures_and_no_ratification(seeded, client):
    charter = Document.objects.get(slug="asean-charter")
    assert charter.doc_type == "agreement"
    assert charter.place == "Singapore"
    assert charter.entered_into_force == PartialDate(2008, 12, 15)
    rows = Participation.objects.filter(document=charter).select_related("member_state")
    assert sorted(r.member_state.slug for r in rows) == sorted(data.TEN)
    assert {(r.signed, r.consented, r.consent_kind, r.source.key) for r in rows} == {
        (PartialDate(2007, 11, 20), None, "", "asean-charter")
    }
    page = client.get("/documents/asean-charter/").content.decode()
    assert page.count('<th scope="row">') == 10
    assert page.count("Not recorded yet") >= 20  # consent and its date, for each state


def test_aadmer_has_its_dates_and_no_per_state_rows(seeded, client):
    aadmer = Document.objects.get(slug="aadmer")
    assert (aadmer.place, aadmer.date, aadmer.entered_into_force) == (
        "Vientiane",
        PartialDate(2005, 7, 26),
        PartialDate(2009, 12, 24),
    )
    assert not aadmer.participations.exists()
    page = client.get("/documents/aadmer/").content.decode()
    assert "24 December 2009" in page and "No signature or consent has been recorded yet." in page


def test_initiatives_citing_a_source_rest_on_its_document(seeded):
    for document in Document.objects.prefetch_related("initiatives"):
        citing = {
            c.object_id for c in document.source.citations.filter(content_type__model="initiative")
        }
        assert {i.pk for i in document.initiatives.all()} == citing


def test_nothing_else_is_seeded_on_documents(seeded):
    for document in Document.objects.all():
        assert not document.official_url and not document.languages and not document.file
        assert document.issuing_body_id is None
        if document.slug not in library_data.AGREEMENT_FACTS:
            assert not document.place and not document.entered_into_force


def test_the_eleven_dialogue_partners_only_the_uk_with_a_since(seeded, client):
    partners = {p.slug: p for p in Partner.objects.all()}
    assert len(partners) == 11
    assert {p.kind for p in partners.values()} == {"dialogue"}
    assert {slug for slug, p in partners.items() if p.since} == {"united-kingdom"}
    assert partners["united-kingdom"].since == PartialDate(2021)
    cited = citations_of(partners.values())
    for partner in partners.values():
        assert cited[("partners.partner", partner.pk)]
    page = client.get("/partners/").content.decode()
    assert page.count("Not recorded yet") == 10
    assert '<time datetime="2021">2021</time>' in page


def test_a_second_run_changes_nothing(seeded):
    before = list(Document.objects.order_by("pk").values_list("slug", "identifier", "updated_at"))
    load()
    after = list(Document.objects.order_by("pk").values_list("slug", "identifier", "updated_at"))
    assert before == after
