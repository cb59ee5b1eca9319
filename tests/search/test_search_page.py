"""The search page as people use it: the header box, a well-formed accessible page,
highlighting that cannot carry HTML, bad input that only ever gets a message, paging that
keeps the query, a fixed number of queries, and counted misses."""

import html5lib
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from search.models import MissedQuery
from tests.factories import DivisionFactory, FAQFactory, InitiativeFactory, TopicFactory

from .search_helpers import messages, search, titles, total

pytestmark = pytest.mark.django_db


def test_the_header_and_home_search_boxes_submit_to_search(client):
    for url in ("/", "/initiatives/", "/faqs/"):
        html = client.get(url).content.decode()
        assert '<form action="/search/" method="get">' in html
        assert ">Search the portal</label>" in html


@pytest.mark.parametrize(
    "url",
    [
        "/search/",
        "/search/?q=trade",
        "/search/?q=trade&topic=trade&page=2",
        "/search/?q=x&type=nope",
    ],
)
def test_search_pages_are_well_formed_and_labelled(client, url):
    topic = TopicFactory(name="Trade", slug="trade")
    for n in range(25):
        InitiativeFactory(title=f"Trade plan {n}", topics=[topic])
    response = client.get(url)
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(response.content)
    html = response.content.decode()
    assert html.count("<h1") == 1 and html.count("<main") == 1
    assert '<search class="search-page">' in html and '<label for="search-q">' in html
    assert 'aria-label="Breadcrumb"' in html and 'aria-current="page">Search</a>' in html


def test_the_title_says_what_was_searched(client):
    assert "<title>Search the portal ·" in client.get("/search/").content.decode()
    html = client.get("/search/?q=single+window").content.decode()
    assert "<title>Search results for “single window” ·" in html


def test_highlighting_cannot_inject_html(client):
    InitiativeFactory(
        title="<img src=x onerror=alert(1)> Trade & <b>Tariffs</b>",
        summary='"><script>alert("summary")</script> trade',
        body="`<script>alert(2)</script>` trade",
    )
    response = search(client, q="trade tariffs")
    html = response.content.decode()
    assert "<img src=x" not in html and "<script>alert" not in html and "<b>Tariffs" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; <mark>Trade</mark> &amp; &lt;b&gt;" in html
    assert "<mark>Tariffs</mark>&lt;/b&gt;" in html


def test_pages_keep_the_query_and_filters(client):
    topic = TopicFactory(name="Ports", slug="ports")
    for n in range(45):
        InitiativeFactory(title=f"Ports plan {n:02d}", topics=[topic])
    first = search(client, q="ports plan", topic="ports")
    assert total(first) == 45 and len(titles(first)) == 20
    html = first.content.decode()
    assert 'href="?q=ports+plan&amp;topic=ports&amp;page=2" rel="next"' in html
    third = search(client, q="ports plan", topic="ports", page="3")
    assert len(titles(third)) == 5
    assert set(titles(first)).isdisjoint(titles(third))


@pytest.mark.parametrize("page", ["-1", "0", "x", "1e3", "1" * 21, "\x00", "99"])
def test_a_bad_page_number_shows_a_real_page_with_a_message(client, page):
    for n in range(25):
        InitiativeFactory(title=f"Energy plan {n}")
    response = search(client, q="energy", page=page)
    assert titles(response)
    assert response.context["page_message"]


BAD_QUERIES = [
    "x" * 10_000,
    "word " * 2_000,
    '"unbalanced quote',
    'two "quotes" and "one more',
    "& | ! : * ( ) <-> <2>",
    "trade & finance | !customs",
    "NEAR(trade finance, 2)",
    "trade:* OR finance AND NOT customs",
    "title:trade",
    "{title body}: trade",
    "trade*",
    "^trade",
    "'; DROP TABLE asean_portal_searchdocument; --",
    "1' OR '1'='1",
    "\\x00 trade \x00 \x01\x02\x03 finance \x7f",
    "\u202etrade\u200b",
    "%s %% %(x)s {0}",
    "'':*",
    '""',
    "'",
    "🙂 trade ✓",
    "ʻōlelo 東南アジア諸国連合",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_queries_get_the_normal_page_never_an_error(client, query):
    InitiativeFactory(title="Trade finance for customs")
    response = client.get(reverse("search"), {"q": query, "topic": "trade", "type": "faq"})
    assert response.status_code == 400  # the unknown topic
    assert "There is no topic “trade”." in response.content.decode()
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    assert "<search" in response.content.decode()


def test_operators_are_explained_and_the_words_still_searched(client):
    InitiativeFactory(title="Trade finance for customs")
    response = search(client, q="trade & (finance | !customs)")
    assert titles(response) == ["Trade finance for customs"]
    assert any("operators" in m for m in messages(response))


def test_a_very_long_query_is_cut_with_a_message(client):
    response = search(client, q="trade " * 1_000)
    assert any("too long" in m for m in messages(response))
    assert len(response.context["q"]) <= 200


@pytest.mark.parametrize(
    "query_string",
    [
        "q=trade&q=finance",  # the last value counts, as everywhere in Django
        "type=faq&type=topic&type=initiative",
        "q=%E2%80%AE&page=%00",  # a bidi control to search for, and a page number that is not one
    ],
)
def test_raw_query_string_oddities_that_still_search(client, query_string):
    response = client.get(f"/search/?{query_string}")
    assert response.status_code == 200
    assert b"<search" in response.content


@pytest.mark.parametrize(
    "query_string",
    ["q=%00&division=%00&topic=%FF%FE", "division=" + "a" * 5000],  # filters no division has
)
def test_raw_query_string_oddities_that_are_bad_requests(client, query_string):
    response = client.get(f"/search/?{query_string}")
    assert response.status_code == 400
    assert b"<search" in response.content  # still the search page, with its message
    assert "There is no division" in response.content.decode()


def test_query_count_does_not_grow_with_results(client):
    def queries(n):
        division = DivisionFactory(slug=f"d{n}")
        topic = TopicFactory(slug=f"t{n}")
        for i in range(n):
            InitiativeFactory(title=f"Water plan {n} {i}", lead_division=division, topics=[topic])
            FAQFactory(question=f"Water question {n} {i}?", division=division, topics=[topic])
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(reverse("search"), {"q": "water", "topic": f"t{n}"})
        assert len(response.context["hits"]) == min(2 * n, 20)
        return len(ctx.captured_queries)

    assert queries(2) == queries(15)


@pytest.mark.usefixtures("any_hour")
def test_queries_that_find_nothing_are_counted_per_day_without_the_person(client):
    InitiativeFactory(title="Trade")
    for _ in range(3):
        search(client, q="Visa Requirements")
    search(client, q="visa requirements ")
    search(client, q="trade")  # found: not counted
    TopicFactory(slug="ports")
    search(client, q="zzz", topic="ports")  # narrowed by a filter: not counted
    miss = MissedQuery.objects.get()
    assert (miss.text, miss.count, miss.day) == ("visa requirements", 4, timezone.localdate())
    assert [f.name for f in MissedQuery._meta.get_fields()] == ["id", "text", "day", "count"]
