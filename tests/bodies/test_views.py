"""/bodies/ draws the structure, /bodies/<slug>/ one body: published only, no script, a fixed
number of queries, its sources, meetings and documents, and JSON-LD."""

import json
import re

import pytest
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse

from bodies.models import Body, BodyKind
from caching.content_token import local_memory
from divisions.models import Pillar
from partial_dates import PartialDate
from tests.factories import (
    BodyFactory,
    DivisionFactory,
    MeetingFactory,
    MemberStateFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("bodies:list")


def text(response):
    return response.content.decode()


def jsonld_of(html, kind):
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data.get("@type") == kind:
            return data
    raise AssertionError(f"no {kind} JSON-LD")


@pytest.fixture
def structure():
    summit = BodyFactory(
        name="ASEAN Summit", slug="asean-summit", kind=BodyKind.SUMMIT, meets="Twice a year"
    )
    council = BodyFactory(
        name="ASEAN Economic Community Council",
        slug="aec-council",
        kind=BodyKind.COMMUNITY_COUNCIL,
        parent=summit,
        pillar=Pillar.ECONOMIC,
    )
    aem = BodyFactory(
        name="ASEAN Economic Ministers",
        slug="aem",
        short_name="AEM",
        parent=council,
        pillar=Pillar.ECONOMIC,
        chair=MemberStateFactory(name="Malaysia", slug="malaysia", iso_code="MY"),
    )
    hidden = BodyFactory(name="A draft body", slug="draft-body", parent=council, draft=True)
    return summit, council, aem, hidden


def test_the_list_nests_the_structure_with_headings_and_no_script(client, structure):
    html = text(client.get(LIST))
    summit, council, aem, hidden = structure
    # The Summit heads the tree; the council is a list item inside it, the AEM inside that.
    assert re.search(
        r'<h2 id="body-asean-summit"><a href="/bodies/asean-summit/">ASEAN Summit', html
    )
    assert '<h3 id="body-aec-council">' in html and '<h4 id="body-aem">' in html
    assert (
        html.index("ASEAN Summit")
        < html.index("Economic Community Council")
        < html.index("ASEAN Economic Ministers")
    )
    assert html.count('<ul class="body-tree">') == 3
    assert "Summit · Meets: twice a year · Chair: not recorded yet" in html
    assert (
        "Sectoral ministerial body · Economic Community · Meets: not recorded yet · Chair: Malaysia"
        in html
    )
    assert hidden.name not in html
    assert "<script src" not in html


def test_a_body_page_shows_its_facts_parent_children_and_sources(client, structure):
    summit, council, aem, hidden = structure
    source = SourceFactory(title="Charter of the Association of Southeast Asian Nations")
    cited = BodyFactory(name="Cited body", slug="cited", parent=council, sources=[source])
    html = text(client.get(council.get_absolute_url()))
    assert 'Reports to</dt><dd><a href="/bodies/asean-summit/">ASEAN Summit</a>' in html
    assert '<a href="/bodies/aem/">ASEAN Economic Ministers</a>' in html
    assert hidden.name not in html  # a draft child is not named
    assert "<dt>Chair</dt><dd>Not recorded yet</dd>" in html
    assert "<dt>Supported by</dt><dd>Not recorded yet</dd>" in html
    html = text(client.get(cited.get_absolute_url()))
    assert 'href="#source-1"' in html and '<li id="source-1">' in html
    assert "Charter of the Association of Southeast Asian Nations</cite>" in html


def test_a_body_page_names_its_supporting_division(client):
    division = DivisionFactory(name="ASEAN Economic Community Department", slug="aec-dept")
    body = BodyFactory(supporting_division=division)
    html = text(client.get(body.get_absolute_url()))
    assert '<a href="/divisions/aec-dept/">ASEAN Economic Community Department</a>' in html


def test_the_top_body_says_it_reports_to_no_other(client, structure):
    html = text(client.get(structure[0].get_absolute_url()))
    assert "No other body: it is at the top of the structure" in html


def test_the_body_page_is_a_government_organization_with_its_parent(client, structure):
    summit, council, aem, _ = structure
    data = jsonld_of(text(client.get(aem.get_absolute_url())), "GovernmentOrganization")
    assert data["name"] == "ASEAN Economic Ministers"
    assert data["alternateName"] == "AEM"
    assert data["parentOrganization"]["name"] == council.name
    assert data["parentOrganization"]["url"] == "http://testserver/bodies/aec-council/"
    data = jsonld_of(text(client.get(summit.get_absolute_url())), "GovernmentOrganization")
    assert "parentOrganization" not in data
    assert [o["name"] for o in data["subOrganization"]] == [council.name]


def test_a_body_page_lists_its_upcoming_and_recent_meetings_first_n_and_a_link(
    client, any_hour, structure
):
    summit = structure[0]
    for n in range(7):
        MeetingFactory(
            title=f"Past summit {n}", body=summit, starts=PartialDate(2020, 1, 10 + n), ends=None
        )
    MeetingFactory(
        title="Next summit",
        body=summit,
        starts=PartialDate(2099, 5, 26),
        ends=None,
        status="upcoming",
    )
    MeetingFactory(title="Draft summit", body=summit, draft=True)
    html = text(client.get(summit.get_absolute_url()))
    assert "Next summit" in html and "Draft summit" not in html
    assert "Showing the latest 5 of 7." in html
    assert "Past summit 6" in html and "Past summit 1" not in html
    assert html.index("Past summit 6") < html.index("Past summit 2")
    assert f'href="/meetings/?body={summit.slug}">See all its meetings' in html
    assert f'href="/meetings/calendar/{summit.slug}.ics"' in html


def documents_served():
    try:
        reverse("documents:detail", args=["x"])
    except NoReverseMatch:
        return False
    return True


@pytest.mark.skipif(not documents_served(), reason="documents' pages come with helper library")
def test_a_body_page_lists_the_published_documents_it_issued(client, structure):
    from documents.models import Document

    summit = structure[0]
    for n, state in enumerate(("published", "draft")):
        Document.objects.create(
            title=f"Declaration {state}",
            slug=f"declaration-{state}",
            identifier=f"test-{n}",
            doc_type="declaration",
            issuing_body=summit,
            state=state,
        )
    html = text(client.get(summit.get_absolute_url()))
    assert "Declaration published" in html and "Declaration draft" not in html


def test_drafts_are_not_public_but_staff_preview_them(client, admin_client, structure):
    hidden = structure[3]
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert admin_client.get(hidden.get_absolute_url()).status_code == 200


def test_the_open_data_lists_published_bodies_with_their_parent(client, structure):
    response = client.get(f"{LIST}?format=json")
    items = json.loads(b"".join(response.streaming_content))["items"]
    by_slug = {item["slug"]: item for item in items}
    assert set(by_slug) == {"asean-summit", "aec-council", "aem"}
    assert by_slug["aem"]["parent"] == "aec-council"
    assert by_slug["aem"]["chair"] == "MY"
    assert by_slug["asean-summit"]["parent"] is None
    assert client.get(f"{LIST}?format=xls").status_code == 400


# The list: the content token and the bodies (with their chairs). A body's page: the content
# token, it (with parent, chair, division), its children, upcoming and past meetings (one
# query each, with their counts), documents, citations, its record of changes.
EXPECTED = {"list": 2, "body": 8}


@pytest.mark.parametrize("rows", [1, 30])
def test_the_pages_run_a_fixed_number_of_queries(queries_for, settings, rows):
    settings.PAGE_CACHE_ENABLED = False
    summit = BodyFactory(slug="top", kind=BodyKind.SUMMIT)
    for n in range(rows):
        child = BodyFactory(parent=summit, chair=MemberStateFactory())
        BodyFactory(parent=child)
        MeetingFactory(body=summit, starts=PartialDate(2020, 1, 1 + n % 28))
        MeetingFactory(body=summit, starts=PartialDate(2099, 1, 1 + n % 28), status="upcoming")
    counts = {}
    for name, url in (("list", LIST), ("body", summit.get_absolute_url())):
        cache.clear()
        local_memory.clear()
        queries_for(url)
        counts[name] = queries_for(url)
    assert counts == EXPECTED


def test_the_structure_is_indexed_for_search(client, structure):
    response = client.get(reverse("search") + "?q=AEM")
    assert 'href="/bodies/aem/"' in text(response)
    assert Body.objects.published().count() == 3
