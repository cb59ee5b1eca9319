"""The admin as staff see it on an ordinary screen and away from Jakarta: the State column
of every content list is in view at 1280 px without scrolling sideways, and the date fields
say they are Jakarta time instead of warning "You are N hours behind server time"."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.staff import sign_in
from tests.factories import (
    DivisionFactory,
    FAQFactory,
    InitiativeFactory,
    RoleUserFactory,
    SiteSectionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

CONTENT_LISTS = [
    "admin:initiatives_initiative_changelist",
    "admin:faqs_faq_changelist",
    "admin:divisions_division_changelist",
    "admin:initiatives_topic_changelist",
    "admin:asean_portal_sitesection_changelist",
]


@pytest.fixture
def long_rows(transactional_db):
    """Rows with long names, as the seed content has."""
    division = DivisionFactory(
        name="Connectivity and Sustainable Development Directorate, Infrastructure Division"
    )
    topic = TopicFactory(name="Disaster management and humanitarian assistance")
    InitiativeFactory(
        title="ASEAN Agreement on Disaster Management and Emergency Response Work Programme",
        lead_division=division,
        topics=[topic],
    )
    FAQFactory(
        question="How does the Secretariat coordinate the work of the sectoral bodies?",
        division=division,
        topics=[topic],
    )
    SiteSectionFactory(title="Coordinating the ASEAN Community's many sectoral bodies")
    RoleUserFactory(username="publisher", role="Publisher")


@pytest.mark.parametrize("width", [1280, 1400])
def test_the_state_column_is_in_view_without_scrolling(new_page, long_rows, width):
    page = new_page(viewport={"width": width, "height": 900})
    sign_in(page, "publisher")
    for name in CONTENT_LISTS:
        page.goto(reverse(name))
        header = page.locator("#result_list thead th.column-publication_badge")
        expect(header).to_be_visible()
        edges = page.evaluate(
            """() => {
                const th = document.querySelector('#result_list th.column-publication_badge');
                const results = document.querySelector('.results');
                return {
                    right: th.getBoundingClientRect().right,
                    visible: results.getBoundingClientRect().right,
                    viewport: document.documentElement.clientWidth,
                    scrolled: results.scrollLeft,
                };
            }"""
        )
        assert edges["scrolled"] == 0
        assert edges["right"] <= min(edges["visible"], edges["viewport"]), (name, edges)


def test_no_server_time_warning_away_from_jakarta(new_page, long_rows):
    page = new_page(timezone_id="Europe/London")
    sign_in(page, "publisher")
    page.goto(reverse("admin:initiatives_initiative_add"))
    page.wait_for_load_state("load")
    expect(page.locator("#id_publish_at_0 ~ .datetimeshortcuts").first).to_be_attached()
    assert page.locator(".timezonewarning").count() == 0
    assert "server time" not in page.inner_text("#content")
    help_text = page.locator("div:has(> .fieldBox.field-publish_at) > .help").inner_text()
    assert "Jakarta time (UTC+7)" in help_text
    # "Now" still fills in Jakarta's time, not London's.
    page.locator(".fieldBox.field-publish_at .datetimeshortcuts a", has_text="Now").click()
    jakarta_hour = page.evaluate(
        """() => new Intl.DateTimeFormat('en-GB', {
            hour: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Jakarta'
        }).format(new Date())"""
    )
    assert page.input_value("#id_publish_at_1").startswith(f"{jakarta_hour}:")
