"""What the public and staff see of items in each state, on the real public pages."""

import datetime

import pytest
from django.utils import timezone

from publishing.content import State
from tests.factories import DivisionFactory, InitiativeFactory, TopicFactory
from tests.responses import text_of

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def not_live(**kwargs):
    return {
        "draft": {"state": State.DRAFT},
        "in review": {"state": State.REVIEW},
        "scheduled": {"publish_at": timezone.now() + HOUR},
        "expired": {"unpublish_at": timezone.now() - HOUR},
    }


@pytest.mark.parametrize("case", ["draft", "in review", "scheduled", "expired"])
def test_the_public_never_sees_an_item_that_is_not_live(client, case):
    initiative = InitiativeFactory(**not_live()[case])
    assert client.get(initiative.get_absolute_url()).status_code == 404
    assert initiative.title not in text_of(client, "/initiatives/")


@pytest.mark.parametrize(
    ("case", "banner"),
    [
        ("draft", "is <strong>draft</strong>"),
        ("in review", "is <strong>in review</strong>"),
        ("scheduled", "is <strong>scheduled</strong> to be published on"),
        ("expired", "<strong>expired</strong> on"),
    ],
)
def test_staff_preview_it_on_the_real_page_with_a_banner_never_cached(staff_client, case, banner):
    initiative = InitiativeFactory(**not_live()[case])
    response = staff_client.get(initiative.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert "Preview:" in content
    assert banner in content
    assert "The public cannot see it." in content
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "private"} <= cache_control


def test_a_live_page_has_no_banner(client):
    initiative = InitiativeFactory()
    response = client.get(initiative.get_absolute_url())
    assert "Preview:" not in response.content.decode()
    assert "Archived:" not in response.content.decode()


def test_an_archived_item_stays_reachable_with_a_notice_but_leaves_lists(client):
    division = DivisionFactory(slug="economic")
    topic = TopicFactory(slug="trade")
    archived = InitiativeFactory(
        title="Old Work Plan", state=State.ARCHIVED, lead_division=division, topics=[topic]
    )
    InitiativeFactory(title="Current Work Plan", lead_division=division, topics=[topic])

    page = client.get(archived.get_absolute_url())
    assert page.status_code == 200
    assert "Archived:" in page.content.decode()
    assert "no longer updated" in page.content.decode()

    for url in [
        "/initiatives/",
        "/initiatives/?q=work",
        division.get_absolute_url(),
        topic.get_absolute_url(),
        "/",
    ]:
        assert "Old Work Plan" not in text_of(client, url), url
    assert "Old Work Plan" not in text_of(client, "/sitemap.xml")


def test_archived_divisions_and_topics_keep_their_pages_too(client):
    for item in [DivisionFactory(state=State.ARCHIVED), TopicFactory(state=State.ARCHIVED)]:
        response = client.get(item.get_absolute_url())
        assert response.status_code == 200
        assert "Archived:" in response.content.decode()
