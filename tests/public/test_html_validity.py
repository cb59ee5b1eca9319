"""Every public page parses as HTML5 without a single parse error (html5lib, strict)."""

import datetime

import html5lib
import pytest
from django.urls import reverse

from pages.models import SiteSection
from tests.factories import (
    DivisionFactory,
    FAQFactory,
    InitiativeFactory,
    MemberStateFactory,
    MilestoneFactory,
    SiteSectionFactory,
    TopicFactory,
)
from tests.module_data import kept_for_the_module

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """Made once for the module's pages."""
    with kept_for_the_module(django_db_blocker):
        yield build_site()


def build_site():
    top = DivisionFactory(slug="top", email="info@example.org", address="Jakarta")
    child = DivisionFactory(slug="child", parent=top)
    topic = TopicFactory(slug="trade")
    initiative = InitiativeFactory(
        slug="single-window",
        lead_division=child,
        supporting_divisions=[top],
        topics=[topic],
        member_states=[MemberStateFactory()],
        featured=True,
        body="## Heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- item",
    )
    MilestoneFactory(initiative=initiative, reached=datetime.date(2024, 1, 1))
    MilestoneFactory(initiative=initiative)
    FAQFactory(division=top, topics=[topic])
    InitiativeFactory(slug="old-plan", lead_division=child, state="archived")
    for kind in SiteSection.Kind.values:
        SiteSectionFactory(kind=kind)


PAGES = [
    "/",
    "/about/",
    "/divisions/",
    "/divisions/top/",
    "/divisions/child/",
    "/initiatives/",
    "/initiatives/?division=top&topic=trade&status=ongoing",
    "/initiatives/single-window/",
    "/topics/trade/",
    "/faqs/",
    "/faqs/?order=division",
    "/initiatives/?status=archived",
    "/initiatives/overview/",
    "/data/",
    "/accessibility/",
    "/glossary/",
    "/search/?q=how+is+trade+with+zzqx+handled",  # the items matching most of the words
    "/search/?q=zzqxv",  # nothing found: similar words, topics, browse links
    "/search/?q=trde&current=1",  # a correction, archived items left out
    "/sitemap/",
]
# Pages that answer an error, each with the one status it must have.
ERROR_PAGES = {
    "/initiatives/?division=nowhere&page=x": 400,  # a filter value no division has
    "/faqs/?topic=nowhere": 400,
    "/no-such-page/": 404,
}


def assert_well_formed(content):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(content)  # raises ParseError on the first error


@pytest.mark.parametrize("url, status", [(url, 200) for url in PAGES] + list(ERROR_PAGES.items()))
def test_page_is_well_formed_html5(client, site, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert_well_formed(response.content)
    assert response.content.count(b"<h1") == 1
    assert response.content.count(b"<main") == 1


def test_draft_preview_is_well_formed(staff_client):
    url = reverse("initiatives:detail", args=[InitiativeFactory(draft=True).slug])
    response = staff_client.get(url)
    assert response.status_code == 200
    assert_well_formed(response.content)
