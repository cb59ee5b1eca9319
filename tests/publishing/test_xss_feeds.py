"""Stored XSS through the Atom feeds: the whole corpus in every text field, read from every
feed as a feed reader reads it. A reader renders a text construct of ``type="html"`` (or
``xhtml``) as HTML, so none may have one; each text must come back exactly as stored."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from publishing import registry
from tests.module_data import kept_for_the_module
from tests.publishing.xss import PAYLOADS, store_payload

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def stored(django_db_setup, django_db_blocker):
    with kept_for_the_module(django_db_blocker):
        yield [store_payload(number, payload) for number, payload in enumerate(PAYLOADS)]


def registered_feeds():
    return [reverse(name) for entry in registry.registry.types() for name in entry.feeds]


def html_constructs(root):
    """Elements a reader would render as HTML."""
    return [
        f"<{element.tag.removeprefix(ATOM)} type={element.get('type')}>"
        for element in root.iter()
        if element.get("type") in ("html", "xhtml")
    ]


def as_xml_reads(text):
    """XML parsers turn a raw CR (alone or before LF) into LF: the one change allowed."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def entry_problems(root, initiative):
    """Whether ``initiative``'s entry holds its texts exactly, as text."""
    for entry in root.iter(f"{ATOM}entry"):
        if entry.findtext(f"{ATOM}title") == as_xml_reads(initiative.title):
            summary = entry.find(f"{ATOM}summary")
            if summary.get("type") != "text" or summary.text != as_xml_reads(initiative.summary):
                return [f"summary type={summary.get('type')} {summary.text[:40]!r}"]
            return []
    return ["the entry is missing"]


def test_every_feed_sends_stored_payloads_as_plain_text(client, stored):
    findings = []
    for url in registered_feeds():
        response = client.get(url)
        assert response.status_code == 200, url
        findings += [(0, url, p) for p in html_constructs(ET.fromstring(response.content))]
    for number, objects in enumerate(stored):
        for url in (
            reverse("initiatives:division-feed", args=[objects["division"].slug]),
            reverse("initiatives:topic-feed", args=[objects["topic"].slug]),
        ):
            response = client.get(url)
            assert response.status_code == 200, url
            root = ET.fromstring(response.content)
            problems = html_constructs(root) + entry_problems(root, objects["initiative"])
            findings += [(number, url, p) for p in problems]
    lines = [f"payload {n} {PAYLOADS[n][:50]!r} at {u}: {p}" for n, u, p in findings]
    assert not findings, f"{len(findings)} problem(s):\n" + "\n".join(lines[:40])
