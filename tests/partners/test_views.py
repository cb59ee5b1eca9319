import json
import re

import pytest
from django.core.cache import cache

from caching import after_commit
from caching.content_token import local_memory
from partial_dates import PartialDate
from tests.factories import DocumentFactory, PartnerFactory, SourceFactory, cite

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def test_the_list_groups_partners_by_kind_with_since_at_its_precision(client):
    PartnerFactory(name="United Kingdom", slug="united-kingdom", since=PartialDate(2021))
    PartnerFactory(name="Japan", slug="japan")
    PartnerFactory(name="World Bank", slug="world-bank", kind="international-organisation")
    PartnerFactory(name="Hidden", slug="hidden", draft=True)
    page = text(client.get("/partners/"))
    assert page.index("Dialogue Partners") < page.index("Japan") < page.index("United Kingdom")
    assert page.index("United Kingdom") < page.index("International organisations")
    assert page.index("International organisations") < page.index("World Bank")
    assert '<time datetime="2021">2021</time>' in page
    assert page.count("Not recorded yet") == 2
    assert "Hidden" not in page


def test_a_partners_page_lists_published_documents_and_says_when_there_are_none(client):
    japan = PartnerFactory(name="Japan", slug="japan")
    cite(japan, SourceFactory(title="External Relations"))
    DocumentFactory(title="ASEAN-Japan statement").partners.add(japan)
    DocumentFactory(title="Unreleased statement", draft=True).partners.add(japan)
    page = text(client.get("/partners/japan/"))
    assert "ASEAN-Japan statement" in page and "Unreleased statement" not in page
    assert "No meeting involving Japan has been recorded yet." in page
    assert "External Relations" in page  # its sources


def test_a_draft_partner_is_not_public(client):
    PartnerFactory(slug="secret", draft=True)
    assert client.get("/partners/secret/").status_code == 404


def test_json_ld_government_organisation_for_a_dialogue_partner(client):
    PartnerFactory(name="European Union", slug="european-union", short_name="EU")
    PartnerFactory(name="World Bank", slug="world-bank", kind="international-organisation")

    def types(url):
        blocks = re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', text(client.get(url)), re.S
        )
        return {json.loads(b)["@type"] for b in blocks}

    assert "GovernmentOrganization" in types("/partners/european-union/")
    assert "Organization" in types("/partners/world-bank/")


def test_the_dataset(client):
    PartnerFactory(name="United Kingdom", slug="united-kingdom", since=PartialDate(2021))
    items = json.loads(b"".join(client.get("/partners/?format=json").streaming_content))["items"]
    assert items[0]["slug"] == "united-kingdom" and items[0]["since"] == "2021"
    assert items[0]["kind"] == "dialogue"


def test_search_finds_a_partner(client):
    PartnerFactory(name="New Zealand", slug="new-zealand")
    page = text(client.get("/search/?q=zealand"))
    assert 'href="/partners/new-zealand/"' in page


@pytest.mark.parametrize("rows", [1, 30])
def test_partner_pages_run_a_fixed_number_of_queries(queries_for, settings, rows):
    settings.PAGE_CACHE_ENABLED = False
    for _ in range(rows):
        partner = PartnerFactory(since=PartialDate(2020))
        cite(partner, SourceFactory())
        DocumentFactory().partners.add(partner)
    after_commit.run_pending()  # the index follows the links: done before measuring
    counts = {}
    for url in ("/partners/", partner.get_absolute_url()):
        cache.clear()
        local_memory.clear()
        counts[url.count("/")] = (queries_for(url), queries_for(url))
    # list: the content token, the partners. A page: + it, its meetings, its documents,
    # its citations, its record of changes.
    assert counts == {2: (2, 2), 3: (6, 6)}
