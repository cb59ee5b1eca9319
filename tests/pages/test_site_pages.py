"""The site-wide pages of issue 6: open data, the accessibility statement, the footer's
links to them, and a filter error tied to its field for screen readers."""

import pytest
from django.urls import reverse

from faqs.opendata import FAQS
from initiatives.opendata import INITIATIVES
from tests.factories import DivisionFactory
from tests.responses import text_of

pytestmark = pytest.mark.django_db


def test_the_data_page_documents_every_column_and_the_licence(client):
    DivisionFactory(slug="economic")
    response = client.get(reverse("data"))
    html = response.content.decode()
    assert response.status_code == 200
    for dataset in (INITIATIVES, FAQS):
        for column in dataset.columns:
            assert f"<code>{column.name}</code>" in html, column.name
    assert 'rel="license"' in html and "CC BY 4.0" in html
    assert "/initiatives/?format=csv" in html
    assert "/initiatives/?division=economic&amp;format=csv" in html
    assert "/faqs/?format=json" in html
    assert "/initiatives/feed/" in html


def test_the_accessibility_statement(client):
    html = client.get(reverse("accessibility")).content.decode()
    assert "WCAG" in html and "2.2" in html and "AA" in html
    assert "How we test" in html and "Tell us about a problem" in html
    assert 'href="/about/#contact"' in html


def test_every_page_links_to_data_accessibility_and_the_feed(client):
    html = client.get(reverse("home")).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    for url in ("/data/", "/accessibility/", "/initiatives/overview/", "/initiatives/feed/"):
        assert f'href="{url}"' in footer, url


def test_a_filter_error_is_tied_to_its_field(client):
    html = text_of(client, "/initiatives/", status=400, division="nowhere")
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_division-error id_division-help"' in html
    assert 'id="id_division-error"' in html
    assert 'aria-invalid="true"' not in text_of(client, "/initiatives/")
