"""Stored and reflected XSS: the corpus in xss_payloads.txt goes through every text field
staff can edit and every query parameter of every public page; the rendered HTML must stay
inert (see tests/publishing/xss.py for what that means). The real-browser test is in
tests/browser/test_security.py."""

import pytest
from django.urls import reverse

from faqs.models import FAQ
from initiatives.models import Topic
from publishing.markdown import render_markdown
from tests.factories import DivisionFactory
from tests.public.public_urls import html_pages, publish_a_little_of_everything
from tests.publishing.xss import (
    CONTENT_MODELS,
    PAYLOADS,
    check,
    inert_problems,
    report,
    staff_text_fields,
)

pytestmark = pytest.mark.django_db


def test_the_corpus_is_large_and_varied():
    assert len(PAYLOADS) >= 100
    assert len(set(PAYLOADS)) == len(PAYLOADS), "duplicate payloads"
    for family in ("<script", "onerror=", "javascript:", "data:", "<svg", "&#", "\t", "\0"):
        assert any(family in p.lower() for p in PAYLOADS), family


def test_every_content_model_has_text_fields_in_the_run():
    for model in CONTENT_MODELS:
        assert staff_text_fields(model), model


# --- the sanitiser on its own ----------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_rendered_markdown_is_inert(payload):
    assert inert_problems(render_markdown(payload)) == []


def test_markdown_keeps_what_staff_need():
    html = render_markdown(
        '## Heading\n\n**bold** *em* [link](https://asean.org "ASEAN") '
        "[mail](mailto:info@asean.org) [here](/initiatives/)\n\n- one\n- two\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |"
    )
    assert "<h2>Heading</h2>" in html
    assert "<strong>bold</strong>" in html and "<em>em</em>" in html
    assert '<a href="https://asean.org" title="ASEAN" rel="noopener noreferrer">link</a>' in html
    assert 'href="mailto:info@asean.org"' in html and 'href="/initiatives/"' in html
    assert "<li>one</li>" in html and "<td>1</td>" in html


@pytest.mark.parametrize(
    ("markdown", "not_expected"),
    [
        ("[x](javascript:alert(1))", "javascript"),
        ("[x](jav&#x61;script:alert(1))", "script:"),
        ("<script>alert(1)</script>", "<script"),
        ("<img src=x onerror=alert(1)>", "<img"),
        ('<a href="https://x.example" onclick="alert(1)">x</a>', "onclick"),
        ("<iframe src=https://x.example></iframe>", "<iframe"),
        ('<p style="color:red">x</p>', "style="),
    ],
)
def test_markdown_drops_what_could_run(markdown, not_expected):
    assert not_expected not in render_markdown(markdown)


def test_external_links_open_without_handing_over_the_page():
    html = render_markdown("[ASEAN](https://asean.org/)")
    assert 'rel="noopener noreferrer"' in html


# --- a payload typed into the admin (the whole corpus stored: test_stored_payloads.py) ---


def test_a_payload_typed_into_the_admin_is_stored_as_text_and_rendered_inert(staff_client):
    payload = "<img src=x onerror=alert(1)>[x](javascript:alert(1))<script>alert(1)</script>"
    division = DivisionFactory()
    data = {
        "question": payload,
        "slug": "xss-through-the-admin",
        "answer": payload,
        "division": division.pk,
        "order": "0",
        "state": "published",
        "publish_at_0": "",
        "publish_at_1": "",
        "unpublish_at_0": "",
        "unpublish_at_1": "",
        "sources-citation-content_type-object_id-TOTAL_FORMS": "0",  # the "Sources" inline
        "sources-citation-content_type-object_id-INITIAL_FORMS": "0",
    }
    response = staff_client.post(reverse("admin:faqs_faq_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    faq = FAQ.objects.get(slug="xss-through-the-admin")
    assert faq.question == payload  # kept as the editor typed it, escaped on output
    assert inert_problems(faq.answer_html) == []
    html = staff_client.get(reverse("faqs:list")).content.decode()
    assert inert_problems(html) == []
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_a_nul_character_in_an_admin_form_is_a_form_error(staff_client):
    data = {"name": "Trade\0", "slug": "trade", "description": "x", "state": "draft"}
    data.update({f"{f}_{i}": "" for f in ("publish_at", "unpublish_at") for i in (0, 1)})
    response = staff_client.post(reverse("admin:initiatives_topic_add"), data)
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()
    assert not Topic.objects.exists()


# --- reflected payloads: every query parameter of every public page --------------------

LIST_PARAMETERS = {
    "/initiatives/": ["q", "division", "topic", "status", "pillar", "member_state", "page"],
    "/faqs/": ["q", "topic", "division"],
    "/search/": ["q", "division", "topic", "type", "page"],
}


def test_every_parameter_of_the_lists_is_reflected_inert(client):
    pages = publish_a_little_of_everything()
    findings = []
    for url, names in LIST_PARAMETERS.items():
        if url not in pages:
            continue  # /search/ arrives with its own issue
        for number, payload in enumerate(PAYLOADS):
            # Every parameter at once: each is echoed in the form or named in an error.
            response = client.get(url, dict.fromkeys(names, payload))
            check(response, f"{url}?{'&'.join(names)}", number, findings)
    assert not findings, report(findings)


def test_unknown_parameters_are_reflected_inert_on_every_page(client):
    """Pages ignore parameters they do not know, but pagination links repeat the whole
    query string: the corpus goes in at once, one unknown key per payload, with enough
    initiatives for the list to have a second page."""
    query = {f"x{number}": payload for number, payload in enumerate(PAYLOADS)}
    findings = []
    for url in html_pages(publish_a_little_of_everything(initiatives=21)):
        check(client.get(url, query), url, 0, findings)
    response = client.get(reverse("initiatives:list"), query)
    assert 'rel="next"' in response.content.decode()  # the links were there to check
    assert not findings, report(findings)
