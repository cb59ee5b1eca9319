"""Sharing and finding: canonical URLs, Open Graph and Twitter card tags, JSON-LD, the
sitemap and robots.txt — parsed the way crawlers read them."""

import datetime
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.urls import get_resolver, reverse
from django.utils import timezone

from pages.views import ACCESSIBILITY_REVIEWED
from public.listing import PublicFilterSet
from tests.factories import (
    DivisionFactory,
    FAQFactory,
    InitiativeFactory,
    SiteSectionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class HeadReader(HTMLParser):
    """Collects <meta>, <link> and JSON-LD blocks from a page."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.jsonld = {}, [], []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta[key] = attrs.get("content", "")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_jsonld = True

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(json.loads(data))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_jsonld = False

    def link(self, rel):
        return [link for link in self.links if link.get("rel") == rel]

    def of_type(self, schema_type):
        return [item for item in self.jsonld if item.get("@type") == schema_type]


def read(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    reader = HeadReader()
    reader.feed(response.content.decode())
    return reader


@pytest.fixture
def content():
    top = DivisionFactory(name="Office of the Secretary-General", slug="office")
    econ = DivisionFactory(
        name="Economic Community Department",
        slug="economic",
        short_name="AEC",
        parent=top,
        email="aec@example.org",
    )
    trade = TopicFactory(slug="trade", name="Trade")
    initiative = InitiativeFactory(
        title="ASEAN Single Window", slug="single-window", lead_division=econ, topics=[trade]
    )
    FAQFactory(question="Where is it?", answer="In **Jakarta**.", division=top, topics=[trade])
    FAQFactory(question="Hidden?", division=top, draft=True)
    SiteSectionFactory()
    return {"top": top, "econ": econ, "trade": trade, "initiative": initiative}


def public_pages(content):
    return [
        reverse("home"),
        reverse("about"),
        reverse("divisions:list"),
        content["econ"].get_absolute_url(),
        reverse("initiatives:list"),
        reverse("initiatives:overview"),
        content["initiative"].get_absolute_url(),
        content["trade"].get_absolute_url(),
        reverse("faqs:list"),
        reverse("data"),
        reverse("accessibility"),
        reverse("about-this-site"),
        reverse("privacy"),
        reverse("contact"),
        reverse("updates"),
    ]


def test_every_page_has_a_canonical_url_and_share_preview_tags(client, content):
    for url in public_pages(content):
        head = read(client, url)
        canonical = head.link("canonical")
        assert len(canonical) == 1, url
        assert canonical[0]["href"] == f"http://testserver{url}"
        assert head.meta["og:url"] == canonical[0]["href"]
        for key in ("og:title", "og:description", "og:type", "og:site_name", "og:image"):
            assert head.meta[key], (url, key)
        assert head.meta["og:image"].startswith("http://testserver/static/")
        assert head.meta["twitter:card"] == "summary_large_image"
        assert head.meta["twitter:title"] and head.meta["twitter:description"]
        assert head.meta["og:description"] == head.meta["description"]


def test_share_tags_say_what_the_page_is(client, content):
    initiative = read(client, content["initiative"].get_absolute_url())
    assert initiative.meta["og:title"] == "ASEAN Single Window"
    assert initiative.meta["og:type"] == "article"
    assert initiative.meta["og:description"] == "A regional initiative."
    assert read(client, "/").meta["og:title"] == "ASEAN Secretariat Knowledge Portal"


def test_a_filtered_list_is_its_own_canonical_page_without_noise(client, content):
    # (Empty parameters are redirected away first: tests/initiatives/test_list_edges.py.)
    head = read(client, "/initiatives/?utm_source=x&topic=trade&division=economic&page=1")
    assert head.link("canonical")[0]["href"] == (
        "http://testserver/initiatives/?division=economic&topic=trade"
    )
    assert read(client, "/initiatives/?page=1").link("canonical")[0]["href"] == (
        "http://testserver/initiatives/"
    )
    detail = read(client, "/initiatives/single-window/?utm_campaign=y")
    assert detail.link("canonical")[0]["href"] == "http://testserver/initiatives/single-window/"


def every_public_filterset():
    get_resolver().url_patterns  # noqa: B018 - loads every list's views and filters
    found, waiting = [], [PublicFilterSet]
    while waiting:
        for subclass in waiting.pop().__subclasses__():
            found.append(subclass)
            waiting.append(subclass)
    return found


def test_the_canonical_url_names_the_filters_in_the_forms_order(rf):
    # canonical_url reads the filters' names, not the form (which it would have to build).
    filtersets = every_public_filterset()
    assert len(filtersets) >= 4
    for filterset_class in filtersets:
        filterset = filterset_class(data={}, queryset=filterset_class._meta.model.objects.none())
        assert list(filterset.filters) == list(filterset.form.fields), filterset_class


def test_the_404_page_has_no_canonical_and_asks_not_to_be_indexed(client, content):
    head = read(client, "/no/such/page/", status=404)
    assert head.link("canonical") == []
    assert head.meta["robots"] == "noindex"


def test_home_and_division_pages_describe_government_organisations(client, content):
    home = read(client, "/").of_type("GovernmentOrganization")
    assert len(home) == 1
    assert home[0]["@context"] == "https://schema.org"
    assert home[0]["name"] == "ASEAN Secretariat"
    assert home[0]["address"]["addressLocality"] == "Jakarta"
    assert {unit["name"] for unit in home[0]["subOrganization"]} == {
        "Office of the Secretary-General",
        "Economic Community Department",
    }

    division = read(client, "/divisions/economic/").of_type("GovernmentOrganization")
    assert len(division) == 1
    assert division[0]["name"] == "Economic Community Department"
    assert division[0]["alternateName"] == "AEC"
    assert division[0]["url"] == "http://testserver/divisions/economic/"
    assert division[0]["email"] == "aec@example.org"
    assert division[0]["parentOrganization"]["name"] == "Office of the Secretary-General"
    office = read(client, "/divisions/office/").of_type("GovernmentOrganization")[0]
    assert office["parentOrganization"]["name"] == "ASEAN Secretariat"
    assert [unit["name"] for unit in office["subOrganization"]] == ["Economic Community Department"]


def test_the_faq_page_is_an_faqpage_of_published_questions(client, content):
    (faq_page,) = read(client, "/faqs/").of_type("FAQPage")
    (question,) = faq_page["mainEntity"]
    assert question["@type"] == "Question"
    assert question["name"] == "Where is it?"
    assert question["acceptedAnswer"] == {
        "@type": "Answer",
        "text": "<p>In <strong>Jakarta</strong>.</p>",
    }
    assert read(client, "/faqs/?q=nothing-matches").of_type("FAQPage") == []


def test_every_page_but_home_has_a_breadcrumb_list_matching_its_trail(client, content):
    for url in public_pages(content)[1:]:
        (trail,) = read(client, url).of_type("BreadcrumbList")
        items = trail["itemListElement"]
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        assert items[0] == {
            "@type": "ListItem",
            "position": 1,
            "name": "Home",
            "item": "http://testserver/",
        }
        assert items[-1]["item"] == f"http://testserver{url}", url
    (trail,) = read(client, content["initiative"].get_absolute_url()).of_type("BreadcrumbList")
    assert [item["name"] for item in trail["itemListElement"]] == [
        "Home",
        "Initiatives",
        "ASEAN Single Window",
    ]


def test_json_ld_cannot_break_out_of_its_script_element(client):
    DivisionFactory(slug="sneaky", name="</script><script>alert(1)</script> & Co")
    html = client.get("/divisions/sneaky/").content.decode()
    assert "</script><script>alert(1)" not in html
    (division,) = read(client, "/divisions/sneaky/").of_type("GovernmentOrganization")
    assert division["name"] == "</script><script>alert(1)</script> & Co"


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return ET.fromstring(response.content)


def sitemap_entries(client):
    """``{path: lastmod}`` of every page, following the index to each section's pages."""
    entries = {}
    index = xml(client, "/sitemap.xml")
    assert index.tag == f"{{{SITEMAP_NS['sm']}}}sitemapindex"
    for section in index.findall("sm:sitemap", SITEMAP_NS):
        for url in xml(client, section.find("sm:loc", SITEMAP_NS).text).findall(
            "sm:url", SITEMAP_NS
        ):
            path = url.find("sm:loc", SITEMAP_NS).text.removeprefix("http://testserver")
            entries[path] = url.find("sm:lastmod", SITEMAP_NS).text
    return entries


@pytest.mark.usefixtures("any_hour")
def test_the_sitemap_lists_every_published_page_with_its_last_change(client, content):
    DivisionFactory(slug="hidden-division", draft=True)
    InitiativeFactory(slug="hidden-initiative", lead_division=content["econ"], draft=True)
    TopicFactory(slug="hidden-topic", draft=True)
    entries = sitemap_entries(client)
    top = content["top"].get_absolute_url()
    assert set(entries) == {*public_pages(content), top, reverse("glossary")}
    for url, lastmod in entries.items():
        assert datetime.date.fromisoformat(lastmod[:10]), url
    assert entries[reverse("accessibility")] == ACCESSIBILITY_REVIEWED.isoformat()
    initiative = content["initiative"]
    # The date of the last change in the portal's time zone (Asia/Jakarta), as crawlers read it.
    last_change = timezone.localdate(initiative.updated_at)
    assert entries[initiative.get_absolute_url()] == last_change.isoformat()


def test_a_list_pages_last_change_follows_its_content(client, content):
    later = datetime.datetime(2031, 5, 17, 12, tzinfo=datetime.UTC)
    faq = FAQFactory(question="New?")
    type(faq).objects.filter(pk=faq.pk).update(updated_at=later)  # auto_now ignores a value
    assert sitemap_entries(client)["/faqs/"] == "2031-05-17"


def test_a_large_section_is_split_into_pages_the_index_lists(client, content, monkeypatch):
    from public.sitemaps import sitemaps

    monkeypatch.setattr(sitemaps["initiatives"], "limit", 1)
    InitiativeFactory(slug="second-one", lead_division=content["econ"])
    locations = [
        loc.text for loc in xml(client, "/sitemap.xml").iterfind("sm:sitemap/sm:loc", SITEMAP_NS)
    ]
    assert "http://testserver/sitemap-initiatives.xml?p=2" in locations
    entries = sitemap_entries(client)
    assert {"/initiatives/single-window/", "/initiatives/second-one/"} <= set(entries)


def test_robots_txt_allows_the_public_pages_and_points_to_the_sitemap(client):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines


@pytest.mark.parametrize("rows", [1, 20])
def test_the_sitemap_index_query_count_does_not_grow(queries_for, rows):
    for _ in range(rows):
        InitiativeFactory()
    # The fixed pages' nine latest-change lookups and /updates/' latest entry; a count and
    # a latest change per section (divisions, member states, people, initiatives, topics,
    # bodies, meetings, documents, partners); the glossary's two (its acronyms and synonyms);
    # leadership's two (its posts' and people's).
    assert queries_for("/sitemap.xml") == 1 + 9 + 1 + 9 * 2 + 2 + 2  # 1: the content token
