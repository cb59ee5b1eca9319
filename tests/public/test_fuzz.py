"""Hypothesis writes query strings no person would (unknown keys, huge values, any
Unicode, NUL and control characters, bytes that are not UTF-8, keys repeated) for every
public URL; no page may answer with a server error. Runs on SQLite and PostgreSQL."""

import os
from urllib.parse import quote_from_bytes

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.factories import FAQFactory, InitiativeFactory, MemberStateFactory, TopicFactory
from tests.module_data import kept_for_the_module
from tests.public.public_urls import public_urls

pytestmark = pytest.mark.django_db

SLUGS = {"divisions": "fuzz-division", "initiatives": "fuzz-initiative", "topics": "fuzz-topic"}
URLS = public_urls(SLUGS)
# Per URL. Modest, so the whole suite stays quick; raise it locally to search harder.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))
KNOWN_KEYS = [
    "q",
    "page",
    "division",
    "topic",
    "status",
    "pillar",
    "member_state",
    "type",
    "format",
    "sort",
]
ODD_VALUES = [
    "",
    " ",
    "0",
    "-1",
    "1.5",
    "1e9",
    "NaN",
    "0x10",
    "9" * 30,
    "fuzz-division",
    "ongoing",
    "economic",
    "%",
    "'",
    '"',
    "\\",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "*",
    '"unbalanced',
    "a & b | !c : * ( )",
]


def encoded(part):
    """Percent-encode text as UTF-8, or raw bytes as they are (which may not be UTF-8)."""
    raw = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
    return quote_from_bytes(raw, safe="")


keys = st.one_of(st.sampled_from(KNOWN_KEYS), st.text(max_size=20), st.binary(max_size=10))
values = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.text(max_size=60),  # any Unicode, NUL and control characters included
    st.text(st.characters(max_codepoint=0x1F), max_size=20),  # control characters only
    st.binary(max_size=30),  # bytes that are often not UTF-8
    st.integers(1_000, 20_000).map(lambda n: "9" * n),  # a huge number
    st.integers(1_000, 20_000).map(lambda n: "ẞ" * n),  # a huge word
)
query_strings = st.lists(st.tuples(keys, values), max_size=8).map(
    lambda pairs: "&".join(f"{encoded(k)}={encoded(v)}" for k, v in pairs)
)
# What a WSGI server hands over for bytes sent unencoded: each byte as one latin-1 char.
raw = st.binary(max_size=200).map(lambda b: b.decode("latin-1"))
repeated = st.tuples(st.sampled_from(KNOWN_KEYS), st.lists(values, min_size=2, max_size=5)).map(
    lambda kv: "&".join(f"{kv[0]}={encoded(v)}" for v in kv[1])
)


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    """A little published content, so list pages have rows and filters real slugs; made
    once for the module's pages."""
    with kept_for_the_module(django_db_blocker):
        build_content()
        yield


def build_content():
    topic = TopicFactory(slug=SLUGS["topics"])
    initiative = InitiativeFactory(
        slug=SLUGS["initiatives"],
        lead_division__slug=SLUGS["divisions"],
        topics=[topic],
        member_states=[MemberStateFactory(slug="indonesia")],
    )
    FAQFactory(division=initiative.lead_division, topics=[topic])


def test_every_public_url_is_fuzzed():
    assert {"/", "/initiatives/", "/faqs/", "/divisions/fuzz-division/"} <= set(URLS)


@pytest.mark.parametrize("url", URLS)
def test_no_query_string_breaks_a_public_page(client, content, url):
    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(query=st.one_of(query_strings, repeated, raw))
    def request(query):
        # The test client re-raises any exception a view lets through.
        response = client.get(url, QUERY_STRING=query)
        assert response.status_code < 500, (url, query, response.status_code)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"Traceback" not in body

    request()
