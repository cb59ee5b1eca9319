"""The header and footer are drawn once per process and variant (``{% fixed %}``): what
they show still follows the page (home or not) and the site's settings."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_header_search_box_everywhere_but_home(client, settings):
    settings.DEBUG = False  # drawn copies are kept (never with DEBUG on)
    for _ in range(2):  # the second time from the kept copies
        assert 'id="site-search-q"' not in client.get(reverse("home")).content.decode()
        assert 'id="site-search-q"' in client.get(reverse("about")).content.decode()


def test_footer_follows_the_operator_setting(client, settings):
    settings.DEBUG = False
    settings.PORTAL_OPERATOR = {**settings.PORTAL_OPERATOR, "name": "", "url": ""}
    assert "have not been published yet" in client.get(reverse("about")).content.decode()
    settings.PORTAL_OPERATOR = {
        **settings.PORTAL_OPERATOR,
        "name": "Example Foundation",
        "url": "https://example.org/",
    }
    html = client.get(reverse("privacy")).content.decode()  # another page: none cached
    assert 'Run by <a href="https://example.org/">Example Foundation</a>' in html
    assert "have not been published yet" not in html
