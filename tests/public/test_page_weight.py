"""Light pages, checked without a browser: each page type's HTML plus every stylesheet,
icon, image, script and font it loads stays under the budget, all from this site, with
a system font stack and a print stylesheet."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.module_data import kept_for_the_module
from tests.sample_site import PAGE_BUDGET, build_sample_site, page_types

pytestmark = pytest.mark.django_db

CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


class Resources(HTMLParser):
    """Addresses the browser would fetch to show the page."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "preload"}:
            self.urls.append(attrs["href"])
        elif tag in {"img", "script", "iframe", "source", "video", "audio"} and attrs.get("src"):
            self.urls.append(attrs["src"])


def static_file(url):
    assert url.startswith(settings.STATIC_URL), f"{url} is not one of this site's files"
    path = finders.find(url.removeprefix(settings.STATIC_URL))
    assert path, f"{url} does not exist"
    return Path(path)


def page_weight(client, url, status):
    response = client.get(url)
    assert response.status_code == status, url
    total = len(response.content)
    parser = Resources()
    parser.feed(response.content.decode())
    for resource in parser.urls:
        path = static_file(resource)
        total += path.stat().st_size
        if path.suffix == ".css":  # fonts and images a stylesheet pulls in
            for inner in CSS_URL.findall(path.read_text()):
                if not inner.startswith("data:"):
                    total += static_file(inner).stat().st_size
    return total


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The sample site, made once for the module's two readers."""
    with kept_for_the_module(django_db_blocker):
        yield build_sample_site()


def test_every_page_type_is_under_budget_and_loads_only_its_own_files(client, site):
    weights = {kind.name: page_weight(client, kind.url, kind.status) for kind in page_types(site)}
    heavy = {name: size for name, size in weights.items() if size >= PAGE_BUDGET}
    assert not heavy, f"over {PAGE_BUDGET:,} bytes: {heavy}"


def test_no_page_needs_inline_styles_or_scripts(client, site):
    """What a strict Content-Security-Policy allows: JSON-LD data blocks, nothing to run."""
    for kind in page_types(site):
        response = client.get(kind.url)
        assert response.status_code == kind.status, kind.url
        html = response.content.decode()
        assert " style=" not in html and "<style" not in html, kind.name
        scripts = re.findall(r"<script[^>]*>", html)
        assert all('type="application/ld+json"' in tag for tag in scripts), (kind.name, scripts)


def test_the_stylesheet_uses_system_fonts_and_has_a_print_style():
    css = static_file(settings.STATIC_URL + "css/portal.css").read_text()
    assert "@font-face" not in css  # no web fonts to download
    assert "system-ui" in css
    assert "@media print" in css
