"""Issue 18 point 4 on the site pages: an HTML sitemap for people, one labelled search box
on the home page, the role cards in pairs, a key to the organisation chart's colours."""

import pytest
from django.urls import reverse

from pages.models import SiteSection
from tests.factories import (
    DivisionFactory,
    InitiativeFactory,
    MemberStateFactory,
    SiteSectionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def test_the_html_sitemap_lists_every_section_and_list_grouped(client):
    top = DivisionFactory(name="Office of the Secretary-General", slug="osg")
    DivisionFactory(name="Economic Community Department", slug="econ", parent=top)
    DivisionFactory(name="Secret Unit", draft=True)
    TopicFactory(name="Trade", slug="trade")
    TopicFactory(name="Hidden topic", draft=True)
    MemberStateFactory(name="Viet Nam", slug="viet-nam")
    InitiativeFactory()

    response = client.get("/sitemap/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Sitemap</h1>" in html
    for heading in ("The Secretariat", "Initiatives", "Initiatives by topic", "Questions"):
        assert f">{heading}</h2>" in html
    for href in (
        "/about/",
        "/divisions/",
        "/divisions/osg/",
        "/initiatives/",
        "/initiatives/overview/",
        "/initiatives/?status=archived",
        "/topics/trade/",
        "/member-states/viet-nam/",
        "/faqs/",
        "/faqs/?order=division",
        "/search/",
        "/data/",
        "/sitemap.xml",
        "/accessibility/",
    ):
        assert f'href="{href}"' in html, href
    # A unit is listed under its parent, indented.
    assert '<li class="sitemap-depth-1"><a href="/divisions/econ/">' in html
    assert "Secret Unit" not in html and "Hidden topic" not in html


def test_the_footer_sitemap_link_opens_the_page_for_people(client):
    html = client.get(reverse("home")).content.decode()
    assert '<a href="/sitemap/">Sitemap</a>' in html
    assert client.get("/sitemap.xml").status_code == 200  # the machines' one stays


def test_the_home_page_has_one_labelled_search_box(client):
    html = client.get(reverse("home")).content.decode()
    assert html.count('<search class="search-box">') == 1
    assert '<label for="home-search-q">Search the portal</label>' in html
    assert "site-search-q" not in html
    # Every other page keeps the header's box.
    assert 'id="site-search-q"' in client.get(reverse("about")).content.decode()


def test_the_role_cards_sit_in_pairs_and_the_org_chart_has_a_key(client):
    for _ in range(4):
        SiteSectionFactory(kind=SiteSection.Kind.ROLE)
    DivisionFactory(kind="office")
    html = client.get(reverse("home")).content.decode()
    assert '<ul class="grid grid-pairs">' in html
    assert "Key: the colour at the left of each box gives the kind of unit." in html
    for kind in ("office", "department", "directorate"):
        assert f'<li class="org-key-{kind}">' in html
