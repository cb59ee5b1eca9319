"""JSON-LD that tells who is who (the portal is about the Secretariat, published by its
operator, never presented as the Secretariat), initiatives as Project, /data/ as a Dataset;
and "Cite this page" with Google Scholar's meta tags, its access date today in Jakarta even
on a cached page."""

import datetime
import json
from html.parser import HTMLParser

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from public.citation import formatted
from publishing import changes
from tests.factories import DivisionFactory, InitiativeFactory, TopicFactory

pytestmark = pytest.mark.django_db

JAKARTA = datetime.timezone(datetime.timedelta(hours=7))


class Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.jsonld, self._in = {}, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name"):
            self.meta.setdefault(attrs["name"], []).append(attrs.get("content"))
        self._in = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in:
            self.jsonld.append(json.loads(data))

    def handle_endtag(self, tag):
        self._in = False

    def of_type(self, kind):
        return [d for d in self.jsonld if d.get("@type") == kind]


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    reader = Reader()
    reader.feed(response.content.decode())
    return reader


# --- JSON-LD ---------------------------------------------------------------------------


@override_settings(PORTAL_OPERATOR=dict.fromkeys(("name", "url", "email", "address"), ""))
def test_the_website_is_about_the_secretariat_and_has_no_invented_publisher(client):
    home = read(client, "/")
    (site,) = home.of_type("WebSite")
    assert site["url"] == "http://testserver/"
    assert site["about"]["@id"] == "https://asean.org/"
    assert "publisher" not in site
    (secretariat,) = home.of_type("GovernmentOrganization")
    assert secretariat["@id"] == "https://asean.org/"
    assert secretariat["url"] == "https://asean.org/"
    assert secretariat["sameAs"] == "https://asean.org/"
    # The portal is never presented as the Secretariat.
    for node in home.jsonld:
        if node.get("name") == "ASEAN Secretariat":
            assert "testserver" not in node.get("url", "") + node.get("@id", "")


@override_settings(
    PORTAL_OPERATOR={
        "name": "Example Civic Media Foundation",
        "url": "https://civic.example.org/",
        "email": "",
        "address": "",
        "privacy_contact": "",
    }
)
def test_the_operator_is_the_publisher_when_known(client):
    (site,) = read(client, reverse("about-this-site")).of_type("WebSite")
    assert site["publisher"] == {
        "@type": "Organization",
        "name": "Example Civic Media Foundation",
        "url": "https://civic.example.org/",
    }
    (dataset,) = read(client, reverse("data")).of_type("Dataset")
    assert dataset["publisher"]["name"] == "Example Civic Media Foundation"


def test_an_initiative_is_a_project_on_a_dated_web_page(client):
    lead = DivisionFactory(name="Economic Community Department")
    item = InitiativeFactory(title="ASEAN Single Window", lead_division=lead)
    changes.record_major_change(item, "Added the roll-out.")
    page = read(client, item.get_absolute_url())
    (project,) = page.of_type("Project")
    url = f"http://testserver{item.get_absolute_url()}"
    assert project["@id"] == url + "#initiative"
    assert project["name"] == "ASEAN Single Window"
    assert project["mainEntityOfPage"] == url
    assert project["parentOrganization"]["name"] == "Economic Community Department"
    (web_page,) = page.of_type("WebPage")
    assert web_page["about"]["@id"] == project["@id"]
    record = changes.record_of(item)
    assert web_page["datePublished"] == record.first_published.isoformat()
    assert web_page["dateModified"] == record.last_updated.isoformat()


def test_the_data_page_is_a_dataset_with_its_downloads(client):
    (dataset,) = read(client, reverse("data")).of_type("Dataset")
    assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert dataset["about"]["@id"] == "https://asean.org/"
    downloads = {(d["encodingFormat"], d["contentUrl"]) for d in dataset["distribution"]}
    assert ("text/csv", "http://testserver/initiatives/?format=csv") in downloads
    assert ("application/json", "http://testserver/initiatives/?format=json") in downloads
    assert all(d["@type"] == "DataDownload" for d in dataset["distribution"])
    assert len(downloads) == len(dataset["distribution"]) >= 4
    # Every download it names answers.
    for _, content_url in downloads:
        assert client.get(content_url.removeprefix("http://testserver")).status_code == 200


# --- Cite this page --------------------------------------------------------------------


def test_every_item_page_offers_a_citation_and_scholar_meta(client):
    item = InitiativeFactory(title="ASEAN Single Window & Co")
    for obj, title in (
        (item, "ASEAN Single Window & Co"),
        (item.lead_division, item.lead_division.name),
        (TopicFactory(name="Trade"), "Trade"),
    ):
        response = client.get(obj.get_absolute_url())
        html = response.content.decode()
        assert "<summary>Cite this page</summary>" in html
        reader = read(client, obj.get_absolute_url())
        assert reader.meta["citation_title"] == [title]
        published = changes.record_of(obj).first_published
        day = timezone.localdate(published)
        assert reader.meta["citation_publication_date"] == [day.strftime("%Y/%m/%d")]
        assert "citation_author" not in reader.meta  # no person to name


@pytest.mark.usefixtures("any_hour")
def test_the_apa_line_and_bibtex_name_the_last_update_and_todays_jakarta_date(client):
    first = datetime.datetime(2026, 3, 3, 2, tzinfo=datetime.UTC)
    with time_machine.travel(first, tick=False):
        item = InitiativeFactory(title="ASEAN Single Window", slug="asean-single-window")
    with time_machine.travel(datetime.datetime(2026, 5, 4, 20, tzinfo=datetime.UTC), tick=False):
        changes.record_major_change(item, "Added the roll-out.")  # 5 May in Jakarta
    html = client.get(item.get_absolute_url()).content.decode()
    today = timezone.localdate()
    accessed = f"{today:%B} {today.day}, {today.year}"
    url = "http://testserver/initiatives/asean-single-window/"
    assert (
        "ASEAN Secretariat Knowledge Portal. (2026, May 5). <i>ASEAN Single Window</i>. "
        f"Retrieved {accessed}, from {url}"
    ) in html
    assert "@misc{initiative-asean-single-window," in html
    assert "title = {ASEAN Single Window}," in html
    assert "year = {2026}," in html and "month = may," in html
    assert f"urldate = {{{today.isoformat()}}}" in html
    assert "Published <time" in html and "3 March 2026" in html and "5 May 2026" in html


def test_bibtex_special_characters_are_escaped(client):
    item = InitiativeFactory(title="R&D 100% {fun}_#1 $ \\ ~ ^")
    html = client.get(item.get_absolute_url()).content.decode()
    assert r"title = {R\&amp;D 100\% \{fun\}\_\#1 \$ \textbackslash{} \textasciitilde{} " in html


def test_a_cached_page_rolls_over_at_midnight_in_jakarta(client):
    item = InitiativeFactory()
    # 16:30 UTC is 23:30 in Jakarta; an hour later it is the next day there.
    evening = datetime.datetime(2026, 6, 1, 16, 30, tzinfo=datetime.UTC)
    with time_machine.travel(evening, tick=False):
        before = client.get(item.get_absolute_url()).content.decode()
        again = client.get(item.get_absolute_url())
        assert again.content.decode() == before  # served from the page cache
    assert "urldate = {2026-06-01}" in before
    with time_machine.travel(evening + datetime.timedelta(hours=1), tick=False):
        after = client.get(item.get_absolute_url()).content.decode()
    assert "urldate = {2026-06-02}" in after and "June 2, 2026" in after


@pytest.mark.usefixtures("any_hour")
def test_the_access_date_is_today_in_jakarta_at_both_ends_of_the_utc_day(client):
    item = InitiativeFactory()
    html = client.get(item.get_absolute_url()).content.decode()
    jakarta_today = timezone.now().astimezone(JAKARTA).date()
    assert f"urldate = {{{jakarta_today.isoformat()}}}" in html


def test_a_remembered_date_follows_the_active_language():
    day = datetime.date(2026, 5, 4)
    with translation.override("en"):
        assert formatted(day, "F j, Y") == "May 4, 2026"
    with translation.override("fr"):
        assert formatted(day, "F j, Y") == "mai 4, 2026"
    with translation.override("en"):
        assert formatted(day, "F j, Y") == "May 4, 2026"


@pytest.mark.usefixtures("any_hour")
def test_the_record_under_an_item_page_is_exactly_this_markup_every_value_escaped(client):
    """The page record (``{% page_record %}``, written in Python): its dates in Jakarta time
    as the ``date`` filter writes them, its history newest first, and "Cite this page";
    a hostile note and title escaped."""
    first = datetime.datetime(2024, 3, 5, 20, 15, tzinfo=datetime.UTC)  # 6 March in Jakarta
    with time_machine.travel(first, tick=False):
        item = InitiativeFactory(title='Ports <b>"&', slug="ports")
    later = datetime.datetime(2025, 1, 9, 3, 0, tzinfo=datetime.UTC)
    with time_machine.travel(later, tick=False):
        changes.record_major_change(item, "Fixed <script>alert(1)</script> & dates.")
    html = client.get(item.get_absolute_url()).content.decode()
    record = html[html.index('<div class="wrap page-record">') :]
    record = record[: record.index("</div>") + len("</div>\n")]
    today = timezone.localdate()
    accessed = f"{formatted(today, 'F')} {today.day}, {today.year}"
    assert record == (
        '<div class="wrap page-record">\n'
        '  <p class="page-dates">Published <time datetime="2024-03-06T03:15:00+07:00">'
        "6 March 2024</time> · Last updated "
        '<time datetime="2025-01-09T10:00:00+07:00">9 January 2025</time></p>\n'
        '  <section class="page-history" aria-labelledby="page-history-title">\n'
        '    <h2 id="page-history-title">Page history</h2>\n'
        "    <ol>\n"
        '      <li><time datetime="2025-01-09T10:00:00+07:00">9 January 2025</time> '
        '<span class="change-note">Fixed &lt;script&gt;alert(1)&lt;/script&gt; &amp; dates.'
        "</span></li>\n"
        '      <li><time datetime="2024-03-06T03:15:00+07:00">6 March 2024</time> '
        '<span class="change-note">First published.</span></li>\n'
        "      \n"
        "    </ol>\n"
        "  </section>\n"
        '  <details class="cite">\n'
        "    <summary>Cite this page</summary>\n"
        '    <h3 class="cite-heading">APA</h3>\n'
        '    <p class="cite-apa">ASEAN Secretariat Knowledge Portal. (2025, January 9). '
        "<i>Ports &lt;b&gt;&quot;&amp;</i>. Retrieved "
        f"{accessed}, from http://testserver/initiatives/ports/</p>\n"
        '    <h3 class="cite-heading">BibTeX</h3>\n'
        '    <pre class="cite-bibtex"><code>@misc{initiative-ports,\n'
        "  title = {Ports &lt;b&gt;&quot;\\&amp;},\n"
        "  author = {{ASEAN Secretariat Knowledge Portal}},\n"
        "  howpublished = {\\url{http://testserver/initiatives/ports/}},\n"
        "  url = {http://testserver/initiatives/ports/},\n"
        "  year = {2025},\n"
        "  month = jan,\n"
        f"  urldate = {{{today.isoformat()}}},\n"
        f"  note = {{Accessed {today.isoformat()}}}\n"
        "}</code></pre>\n"
        "  </details>\n"
        "</div>\n"
    )
