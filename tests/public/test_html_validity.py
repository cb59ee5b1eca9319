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

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
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
    MilestoneFactory(initiative=initiative, done_on=datetime.date(2024, 1, 1))
    MilestoneFactory(initiative=initiative)
    FAQFactory(division=top, topics=[topic])
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
    "/initiatives/?division=nowhere&page=x",
    "/initiatives/single-window/",
    "/topics/trade/",
    "/faqs/",
    "/faqs/?topic=nowhere",
    "/no-such-page/",
    "/initiatives/overview/",
    "/data/",
    "/accessibility/",
]


@pytest.mark.parametrize("url", PAGES)
def test_page_is_well_formed_html5(client, site, url):
    response = client.get(url)
    assert response["Content-Type"].startswith("text/html")
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(response.content)  # raises ParseError on the first error
    assert response.content.count(b"<h1") == 1
    assert response.content.count(b"<main") == 1


def test_draft_preview_is_well_formed(staff_client):
    url = reverse("initiatives:detail", args=[InitiativeFactory(draft=True).slug])
    html5lib.HTMLParser(strict=True).parse(staff_client.get(url).content)
