"""/member-states/ and /member-states/<slug>/: the facts with their sources, what involves
the state (every registered type, through the registry), ISO codes, drafts kept private."""

import json
import re

import pytest
from django.urls import reverse

from partial_dates import PartialDate
from publishing.content import State
from publishing.registry import registry
from tests.factories import InitiativeFactory, MemberStateFactory, SourceFactory, cite

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def jsonld(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


# --- the list ----------------------------------------------------------------------------


def test_the_list_shows_published_states_with_their_joining_date_at_its_precision(client, viet_nam):
    MemberStateFactory(name="Thailand", slug="thailand", iso_code="TH", joined_on=PartialDate(1967))
    MemberStateFactory(name="Atlantis", slug="atlantis", iso_code="AT", draft=True)
    html = text(client.get(reverse("member_states:list")))
    assert 'href="/member-states/viet-nam/"' in html
    assert '<time datetime="1995-07-28">28 July 1995</time>' in html
    assert '<time datetime="1967">1967</time>' in html
    assert ">VN</abbr>" in html
    assert "Atlantis" not in html


def test_the_list_downloads_codes_and_slugs(client, viet_nam):
    MemberStateFactory(name="Atlantis", slug="atlantis", iso_code="AT", draft=True)
    csv_text = b"".join(
        client.get(reverse("member_states:list"), {"format": "csv"}).streaming_content
    ).decode("utf-8-sig")
    header, row = csv_text.splitlines()
    assert header.startswith("slug,iso_code,name,url,joined_on")
    assert row.startswith(
        "viet-nam,VN,Viet Nam,http://testserver/member-states/viet-nam/,1995-07-28"
    )
    response = client.get(reverse("member_states:list"), {"format": "json"})
    data = json.loads(b"".join(response.streaming_content))
    assert data["complete"] and data["count"] == 1
    [item] = data["items"]
    assert (item["slug"], item["iso_code"], item["joined_on"]) == ("viet-nam", "VN", "1995-07-28")
    assert item["capital"] == ""


def test_a_bad_format_is_a_message_not_an_error(client, viet_nam):
    response = client.get(reverse("member_states:list"), {"format": "xml"})
    assert response.status_code == 400
    assert "There is no format “xml”" in text(response)


# --- one state ---------------------------------------------------------------------------


def test_facts_have_numbered_sources_or_say_not_recorded(client, viet_nam):
    html = text(client.get(viet_nam.get_absolute_url()))
    joined = html.index("Member of ASEAN since</dt>")
    date = '<time datetime="1995-07-28">28 July 1995</time>'
    assert (
        html[joined:]
        .split("</dd>")[0]
        .endswith(
            f'{date}<sup class="ref"><a href="#source-1">[1]'
            '<span class="visually-hidden"> source: Declaration on the Admission of Viet Nam</span>'
            "</a></sup>"
        )
    )
    assert html.count("Not recorded yet") == 3  # capital, languages, national office
    assert 'id="source-1"' in html and "Declaration on the Admission of Viet Nam" in html


def test_each_fact_shows_its_own_sources(client, viet_nam):
    viet_nam.capital = "Ha Noi"
    viet_nam.national_office = "ASEAN Department, Ministry of Foreign Affairs"
    viet_nam.national_office_url = "https://example.org/asean"
    viet_nam.save()
    cite(viet_nam, SourceFactory(title="Capital source"), supports="capital")  # any case
    html = text(client.get(viet_nam.get_absolute_url()))
    capital = html[html.index("Capital</dt>") : html.index("Official languages</dt>")]
    assert "Ha Noi" in capital and "[2]" in capital and "[1]" not in capital
    office = html[html.index("National ASEAN office</dt>") :]
    assert (
        '<a href="https://example.org/asean" rel="noopener noreferrer">ASEAN Department' in office
    )
    assert "[2]" not in office.split("</dd>")[0]  # recorded, but no source names it
    assert html.count("Not recorded yet") == 1  # official languages


def test_initiatives_involving_the_state_published_only_with_a_link_to_the_rest(client, viet_nam):
    other = MemberStateFactory(slug="thailand", iso_code="TH")
    for n in range(8):
        InitiativeFactory(title=f"Plan {n}", member_states=[viet_nam])
    InitiativeFactory(title="Draft plan", member_states=[viet_nam], state=State.DRAFT)
    InitiativeFactory(title="Elsewhere", member_states=[other])
    html = text(client.get(viet_nam.get_absolute_url()))
    assert "Initiatives involving Viet Nam</h2>" in html
    assert "Showing 6 of 8." in html
    assert "Plan 0" in html and "Plan 5" in html and "Plan 6" not in html
    assert "Draft plan" not in html and "Elsewhere" not in html
    assert 'href="/initiatives/?member_state=viet-nam"' in html


def test_a_state_nothing_involves_says_so(client, viet_nam):
    html = text(client.get(viet_nam.get_absolute_url()))
    assert "Nothing published on this portal names Viet Nam yet." in html


def test_every_type_that_declares_member_state_paths_is_listed(client, settings, viet_nam):
    """Types are found through the registry, never imported: a type registered with paths
    shows; one whose list cannot filter by Member State gets no link to it."""
    settings.PAGE_CACHE_ENABLED = False  # the registry changes, not the content
    InitiativeFactory(title="Plan", member_states=[viet_nam])
    initiatives = next(t for t in registry.types() if t.model._meta.model_name == "initiative")
    with registry.restoring():
        registry.unregister(initiatives.model)
        registry.register(
            initiatives.model,
            search=initiatives.search,
            # Two paths to the same states: still each item once.
            member_state_paths=("member_states", "member_states__initiatives__member_states"),
        )
        html = text(client.get(viet_nam.get_absolute_url()))
    assert html.count(">Plan</a>") == 1
    assert "1 in all." in html
    assert "?member_state=viet-nam" not in html  # no listing declared: no link
    with registry.restoring():
        registry.unregister(initiatives.model)
        html = text(client.get(viet_nam.get_absolute_url()))
    assert "Initiatives involving" not in html


def test_json_ld_country(client, viet_nam):
    html = text(client.get(viet_nam.get_absolute_url()))
    [country] = [d for d in jsonld(html) if d.get("@type") == "Country"]
    assert country["name"] == "Viet Nam"
    assert country["identifier"] == "VN"
    assert country["url"] == "http://testserver/member-states/viet-nam/"
    assert country["memberOf"]["alternateName"] == "ASEAN"
    webpage = [d for d in jsonld(html) if d.get("@type") == "WebPage"]
    assert webpage and webpage[0]["url"] == country["url"]  # {% record_for %}


def test_the_page_record_and_feed_link(client, viet_nam):
    html = text(client.get(viet_nam.get_absolute_url()))
    assert "Cite this page" in html
    assert 'href="/member-states/viet-nam/feed/"' in html


# --- ISO codes and unknown addresses ----------------------------------------------------


@pytest.mark.parametrize("code", ["vn", "VN", "Vn"])
def test_the_iso_code_redirects_permanently_to_the_slug(client, viet_nam, code):
    response = client.get(f"/member-states/{code}/")
    assert response.status_code == 301
    assert response["Location"] == "/member-states/viet-nam/"


@pytest.mark.parametrize("path", ["xx", "nope", "v", "viet-nam-x", "VIET-NAM"])
def test_unknown_addresses_are_the_404_page(client, viet_nam, path):
    response = client.get(f"/member-states/{path}/")
    assert response.status_code == 404
    assert "<html" in text(response)


def test_a_slug_of_two_letters_is_a_slug_first(client, viet_nam):
    MemberStateFactory(name="Vanuatu", slug="vn-old", iso_code="VU")
    two = MemberStateFactory(name="Short", slug="vu", iso_code="SH")
    assert client.get("/member-states/vu/").status_code == 200
    assert "Short" in text(client.get(two.get_absolute_url()))


# --- drafts --------------------------------------------------------------------------------


def test_a_draft_state_is_not_public(client, staff_client):
    draft = MemberStateFactory(name="Atlantis", slug="atlantis", iso_code="AT", draft=True)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get("/member-states/at/").status_code == 404  # its code does not leak
    assert client.get("/member-states/atlantis/feed/").status_code == 404
    assert "Atlantis" not in text(client.get(reverse("member_states:list")))
    assert "Atlantis" not in text(client.get(reverse("sitemap-page")))
    preview = staff_client.get(draft.get_absolute_url())
    assert preview.status_code == 200
    assert "Preview:" in text(preview)
    assert "no-cache" in preview["Cache-Control"]


def test_a_draft_state_is_left_off_initiative_pages(client):
    shown = MemberStateFactory(name="Shown", slug="shown", iso_code="SN")
    hidden = MemberStateFactory(name="Hidden", slug="hidden", iso_code="HD", draft=True)
    initiative = InitiativeFactory(member_states=[shown, hidden])
    html = text(client.get(initiative.get_absolute_url()))
    assert 'href="/member-states/shown/">Shown</a>' in html
    assert "Hidden" not in html


# --- sitemaps ------------------------------------------------------------------------------


def test_sitemaps_list_the_published_pages(client, viet_nam):
    MemberStateFactory(name="Atlantis", slug="atlantis", iso_code="AT", draft=True)
    xml = text(client.get("/sitemap-member-states.xml"))
    assert "/member-states/viet-nam/" in xml and "atlantis" not in xml
    assert "sitemap-member-states.xml" in text(client.get("/sitemap.xml"))
    html = text(client.get(reverse("sitemap-page")))
    assert 'href="/member-states/"' in html
    assert 'href="/member-states/viet-nam/"' in html
