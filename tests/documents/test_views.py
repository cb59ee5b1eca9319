import json
import re

import feedparser
import pytest
from django.core.cache import cache
from django.urls import reverse

from caching import after_commit
from caching.content_token import local_memory
from partial_dates import PartialDate
from tests.factories import (
    DocumentFactory,
    FAQFactory,
    InitiativeFactory,
    MemberStateFactory,
    MilestoneFactory,
    ParticipationFactory,
    PartnerFactory,
    SourceFactory,
    TopicFactory,
    cite,
)

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def titles(response):
    return re.findall(r'<h3><a href="/documents/[^"]+">([^<]+)</a>', text(response))


@pytest.fixture
def library(db):
    trade = TopicFactory(slug="trade", name="Trade")
    singapore = MemberStateFactory(slug="singapore", name="Singapore", iso_code="SG")
    charter = DocumentFactory(
        title="ASEAN Charter",
        slug="asean-charter",
        doc_type="agreement",
        date=PartialDate(2007, 11, 20),
    )
    ParticipationFactory(document=charter, member_state=singapore, signed=PartialDate(2007, 11, 20))
    blueprint = DocumentFactory(
        title="AEC Blueprint 2025",
        slug="aec-blueprint",
        doc_type="plan",
        date=PartialDate(2015, 11),
        topics=[trade],
    )
    DocumentFactory(title="Draft declaration", slug="draft-declaration", draft=True)
    return charter, blueprint


def test_the_list_shows_published_documents_newest_first(client, library):
    response = client.get("/documents/")
    assert response.status_code == 200
    assert titles(response) == ["AEC Blueprint 2025", "ASEAN Charter"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("type=agreement", ["ASEAN Charter"]),
        ("year=2015", ["AEC Blueprint 2025"]),
        ("topic=trade", ["AEC Blueprint 2025"]),
        ("member_state=singapore", ["ASEAN Charter"]),
        ("member_state=SG", ["ASEAN Charter"]),
        ("member_state=sg", ["ASEAN Charter"]),
        ("q=blueprint", ["AEC Blueprint 2025"]),
        ("q=charter&type=agreement", ["ASEAN Charter"]),
    ],
)
def test_the_filters(client, library, query, expected):
    response = client.get(f"/documents/?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.parametrize(
    "query, message",
    [
        ("type=treaty", "There is no type of document “treaty”."),
        ("year=20x5", "“20x5” is not a year"),
        ("year=1066", "“1066” is not a year"),
        ("member_state=atlantis", "There is no member state “atlantis”."),
        ("member_state=ZZ", "There is no member state “ZZ”."),
        ("topic=nothing", "There is no topic “nothing”."),
        ("body=nobody", "There is no issuing body “nobody”."),
        ("page=abc", "“abc” is not a page number"),
        ("format=xls", "There is no format “xls”"),
    ],
)
def test_bad_values_get_a_message_never_an_error(client, library, query, message):
    response = client.get(f"/documents/?{query}")
    assert response.status_code in (200, 400)
    assert message in text(response).replace("&#x27;", "'")


def test_the_page_shows_the_facts_at_their_precision(client, library):
    charter, blueprint = library
    page = text(client.get(blueprint.get_absolute_url()))
    assert '<time datetime="2015-11">November 2015</time>' in page
    assert blueprint.identifier in page
    assert f'href="/documents/id/{blueprint.identifier}/"' in page
    assert "Not recorded yet" in page  # place, languages, issuing body
    assert "Official text" not in page  # only where set


def test_a_draft_is_not_public(client, library):
    assert client.get("/documents/draft-declaration/").status_code == 404
    assert "Draft declaration" not in text(client.get("/documents/"))


def test_the_matrix_of_an_agreement(client, library):
    charter, _ = library
    charter.entered_into_force = PartialDate(2008, 12, 15)
    charter.save()
    MemberStateFactory(slug="brunei-darussalam", name="Brunei Darussalam", iso_code="BN")
    ParticipationFactory(
        document=charter,
        member_state=MemberStateFactory(slug="thailand", name="Thailand", iso_code="TH"),
        signed=PartialDate(2007, 11, 20),
        consent_kind="ratification",
        consented=PartialDate(2008, 2),
    )
    page = text(client.get(charter.get_absolute_url()))
    table = page[page.index('<table class="participation-matrix">') : page.index("</table>")]
    assert '<th scope="col">Member State</th>' in table
    assert '<th scope="col">Signed</th>' in table
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    assert [re.search(r'<th scope="row">([^<]+)', row).group(1).strip() for row in rows] == [
        "Singapore",
        "Thailand",
    ]
    singapore, thailand = rows
    assert '<time datetime="2007-11-20">20 November 2007</time>' in singapore
    assert singapore.count("Not recorded yet") == 2  # consent and its date
    assert (
        "Ratification" in thailand and '<time datetime="2008-02">February 2008</time>' in thailand
    )
    assert 'Entry into force: <strong><time datetime="2008-12-15">' in page
    assert "<caption>" in table


def test_an_agreement_without_records_says_so(client):
    document = DocumentFactory(doc_type="agreement")
    page = text(client.get(document.get_absolute_url()))
    assert "Entry into force: Not recorded yet" in page
    assert "No signature or consent has been recorded yet." in page


def test_a_declaration_has_no_matrix(client, library):
    _, blueprint = library
    assert "participation-matrix" not in text(client.get(blueprint.get_absolute_url()))


def test_citation_meta_describe_the_document_itself(client, library):
    charter, _ = library
    charter.source = SourceFactory(key="asean-charter", publisher="ASEAN")
    charter.save()
    page = text(client.get(charter.get_absolute_url()))
    assert '<meta name="citation_title" content="ASEAN Charter">' in page
    assert '<meta name="citation_publication_date" content="2007/11/20">' in page
    assert '<meta name="citation_author" content="ASEAN">' in page  # the issuer, from its source
    assert page.count('name="citation_title"') == 1
    assert "citation_pdf_url" not in page  # no file


def test_citation_date_keeps_a_months_precision(client, library):
    _, blueprint = library
    page = text(client.get(blueprint.get_absolute_url()))
    assert '<meta name="citation_publication_date" content="2015/11">' in page


def jsonld(page):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    ]


def test_json_ld_legislation_for_an_agreement_creative_work_for_a_plan(client, library):
    charter, blueprint = library
    charter_types = {d["@type"] for d in jsonld(text(client.get(charter.get_absolute_url())))}
    blueprint_data = jsonld(text(client.get(blueprint.get_absolute_url())))
    assert "Legislation" in charter_types
    work = next(d for d in blueprint_data if d["@type"] == "CreativeWork")
    assert work["identifier"] == blueprint.identifier
    assert work["datePublished"] == "2015-11"


def test_initiatives_resting_on_it_and_back(client, library):
    _, blueprint = library
    initiative = InitiativeFactory(title="Single Window")
    draft_initiative = InitiativeFactory(title="Hidden work", draft=True)
    blueprint.initiatives.set([initiative, draft_initiative])
    page = text(client.get(blueprint.get_absolute_url()))
    assert "Initiatives resting on it" in page and "Single Window" in page
    assert "Hidden work" not in page
    initiative_page = text(client.get(initiative.get_absolute_url()))
    assert "Documents it rests on" in initiative_page
    assert f'href="{blueprint.get_absolute_url()}"' in initiative_page


def test_an_initiative_does_not_list_a_draft_document(client):
    initiative = InitiativeFactory()
    DocumentFactory(title="Unreleased plan", draft=True, initiatives=[initiative])
    assert "Unreleased plan" not in text(client.get(initiative.get_absolute_url()))


def test_faqs_list_the_published_documents_they_rest_on(client, library):
    charter, blueprint = library
    faq = FAQFactory(question="Who leads the Secretariat?")
    hidden = DocumentFactory(title="Secret annex", draft=True)
    faq.documents.set([charter, hidden, blueprint])
    FAQFactory(question="What is ASEAN?")  # rests on nothing
    rests_on = (
        f'Rests on: <a href="{blueprint.get_absolute_url()}">AEC Blueprint 2025</a> (<time '
        f'datetime="2015-11">November 2015</time>); <a href="{charter.get_absolute_url()}">'
        'ASEAN Charter</a> (<time datetime="2007-11-20">20 November 2007</time>)</p>'
    )
    # The list as most see it (read by prepared queries), grouped, and filtered (the ORM's
    # prefetch): the same line, newest document first, drafts left out.
    for address in ("/faqs/", "/faqs/?order=division", "/faqs/?q=secretariat"):
        page = text(client.get(address))
        assert page.count("Rests on:") == 1, address
        assert rests_on in page, address
        assert "Secret annex" not in page, address


def test_a_page_citing_a_documents_source_links_to_the_document(client, library):
    charter, _ = library
    source = SourceFactory(key="charter-source", title="Charter of ASEAN")
    initiative = InitiativeFactory()
    cite(initiative, source)
    page = text(client.get(initiative.get_absolute_url()))
    assert "its page on this portal" not in page
    charter.source = source
    charter.save()
    page = text(client.get(initiative.get_absolute_url()))
    assert f'<a href="{charter.get_absolute_url()}">its page on this portal</a>' in page
    charter.state = "draft"
    charter.save()
    assert "its page on this portal" not in text(client.get(initiative.get_absolute_url()))


def test_a_part_naming_a_documents_source_links_to_the_document(client, library):
    """A milestone's own source (not a citation) that a document *is*: its page is read for
    the list of sources (``attach_pages``), published or not, with no query per source."""
    charter, _ = library
    source = SourceFactory(key="charter-source", title="Charter of ASEAN")
    other = SourceFactory(key="other-source", title="A report with no page")
    charter.source = source
    charter.save()
    initiative = InitiativeFactory()
    MilestoneFactory(initiative=initiative, title="Charter signed", source=source)
    MilestoneFactory(initiative=initiative, title="Report out", source=other)
    page = text(client.get(initiative.get_absolute_url()))
    assert "Charter of ASEAN" in page and "A report with no page" in page
    assert page.count("its page on this portal") == 1
    assert f'<a href="{charter.get_absolute_url()}">its page on this portal</a>' in page
    charter.state = "draft"
    charter.save()
    assert "its page on this portal" not in text(client.get(initiative.get_absolute_url()))


def test_the_feed_parses_and_lists_published_documents(client, library):
    response = client.get(reverse("documents:feed"))
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert {e.title for e in feed.entries} == {"ASEAN Charter", "AEC Blueprint 2025"}
    assert {e.id for e in feed.entries} == {d.identifier for d in library}


def test_the_datasets(client, library):
    charter, blueprint = library
    items = json.loads(b"".join(client.get("/documents/?format=json").streaming_content))["items"]
    by_id = {item["identifier"]: item for item in items}
    assert set(by_id) == {charter.identifier, blueprint.identifier}
    assert by_id[blueprint.identifier]["date"] == "2015-11"
    assert by_id[blueprint.identifier]["topics"] == ["trade"]
    response = client.get("/documents/participations/")
    assert response["Content-Type"].startswith("text/csv")
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "document,document_slug,member_state,member_state_slug,signed,consent_kind,consented,source"
    )
    assert lines[1] == f"{charter.identifier},asean-charter,SG,singapore,2007-11-20,,,"
    json_rows = json.loads(
        b"".join(client.get("/documents/participations/?format=json&type=plan").streaming_content)
    )["items"]
    assert json_rows == []


def test_a_member_states_page_shows_its_agreements(client, library):
    html = text(client.get("/member-states/singapore/"))
    assert "Agreements: signature and consent" in html
    assert '<a href="/documents/asean-charter/">ASEAN Charter</a>' in html
    assert "20 November 2007" in html and "Not recorded yet" in html


def test_a_member_states_page_shows_its_newest_agreements_and_links_to_the_rest(client, library):
    """Past ``SHOWN_AGREEMENTS`` the table shows the newest and says how many there are;
    a scheduled or draft agreement is neither shown nor counted."""
    from django.utils import timezone

    from documents.parts import SHOWN_AGREEMENTS

    singapore = library[0].participations.get().member_state
    for n in range(SHOWN_AGREEMENTS + 2):
        agreement = DocumentFactory(
            title=f"Agreement {n:02}", doc_type="agreement", date=PartialDate(2010 + n, 1, 1)
        )
        ParticipationFactory(document=agreement, member_state=singapore)
    later = timezone.now() + timezone.timedelta(days=3)
    for hidden in (
        DocumentFactory(title="Scheduled pact", doc_type="agreement", publish_at=later),
        DocumentFactory(title="Draft pact", doc_type="agreement", draft=True),
    ):
        ParticipationFactory(document=hidden, member_state=singapore)
    html = text(client.get("/member-states/singapore/"))
    total = SHOWN_AGREEMENTS + 3  # and the Charter
    assert f"The newest {SHOWN_AGREEMENTS} of {total}" in html
    assert f"Agreement {SHOWN_AGREEMENTS + 1:02}" in html  # the newest
    assert "Agreement 01<" not in html and "ASEAN Charter</a></th>" not in html  # the oldest
    assert "Scheduled pact" not in html and "Draft pact" not in html
    assert 'href="/documents/?member_state=singapore">see every document' in html


def test_partners_involved_are_listed(client, library):
    charter, _ = library
    charter.partners.set([PartnerFactory(name="Japan", slug="japan")])
    page = text(client.get(charter.get_absolute_url()))
    assert '<a href="/partners/japan/">Japan</a>' in page
    assert "ASEAN Charter" in text(client.get("/partners/japan/"))


# page: (empty cache, warm data cache), with 1 and with 30 documents.
EXPECTED = {
    # The content token, the rows (with their issuing bodies); cold: the count, the body,
    # member state and topic choices
    "list": (6, 2),
    # + the index's ranking of the page; cold: the glossary, the ISO codes (?member_state=SG)
    "filtered": (9, 3),
    # + it, its topics, partners and initiatives, participations, the citations of it and
    # of them, and its record of changes, in one statement (caching.folded_queries);
    # whether a participation's own source is a published document (its page is linked)
    "document": (3, 3),
    "partners": (2, 2),
}


@pytest.mark.parametrize("rows", [1, 30])
def test_pages_run_a_fixed_number_of_queries(client, queries_for, settings, rows):
    settings.PAGE_CACHE_ENABLED = False
    topic = TopicFactory(slug="trade")
    state = MemberStateFactory(slug="singapore", iso_code="SG")
    for _ in range(rows):
        document = DocumentFactory(doc_type="agreement", topics=[topic, TopicFactory()])
        document.initiatives.set([InitiativeFactory()])
        document.partners.set([PartnerFactory()])
        ParticipationFactory(document=document, member_state=state, source=SourceFactory())
        ParticipationFactory(document=document, member_state=MemberStateFactory())
        cite(document, SourceFactory())
    after_commit.run_pending()  # the index follows the links: done before measuring
    urls = {
        "list": "/documents/",
        "filtered": (
            "/documents/?type=agreement&topic=trade&member_state=SG&year=2019&q=declaration"
        ),
        "document": document.get_absolute_url(),
        "partners": "/partners/",
    }
    counts = {}
    for name, url in urls.items():
        cache.clear()
        local_memory.clear()
        cold = queries_for(url)
        counts[name] = (cold, queries_for(url))
    assert counts == EXPECTED


def test_each_row_of_the_matrix_is_exactly_this_markup_every_value_escaped(client):
    """The matrix's rows (``{% participation_rows %}``, written in Python): the Member
    State's name escaped and its source marks, each date at its precision, the consent's
    label, "Not recorded yet" for what is not."""
    agreement = DocumentFactory(doc_type="agreement", slug="pact")
    recorded = ParticipationFactory(
        document=agreement,
        member_state=MemberStateFactory(name="Land <b>&", slug="land", iso_code="LA"),
        signed=PartialDate(2007, 11, 20),
        consent_kind="ratification",
        consented=PartialDate(2008, 2),
    )
    ParticipationFactory(
        document=agreement,
        member_state=MemberStateFactory(name="Zed", slug="zed", iso_code="ZD"),
    )
    cite(recorded, SourceFactory(title="Treaty <series>"))
    page = text(client.get(agreement.get_absolute_url()))
    body = page[page.index("<tbody>") : page.index("</tbody>") + len("</tbody>")]
    assert body == (
        "<tbody>\n    \n"
        "      <tr>\n"
        '        <th scope="row">Land &lt;b&gt;&amp;<sup class="ref"><a href="#source-1">[1]'
        '<span class="visually-hidden"> source: Treaty &lt;series&gt;</span></a></sup></th>\n'
        '        <td><time datetime="2007-11-20">20 November 2007</time></td>\n'
        "        <td>Ratification</td>\n"
        '        <td><time datetime="2008-02">February 2008</time></td>\n'
        "      </tr>\n    \n"
        "      <tr>\n"
        '        <th scope="row">Zed</th>\n'
        '        <td><span class="not-recorded">Not recorded yet</span></td>\n'
        '        <td><span class="not-recorded">Not recorded yet</span></td>\n'
        '        <td><span class="not-recorded">Not recorded yet</span></td>\n'
        "      </tr>\n    \n"
        "    </tbody>"
    )
