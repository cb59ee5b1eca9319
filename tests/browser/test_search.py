"""Searching in a real browser, with JavaScript off: the header box, facets, removal."""

import pytest

from tests.browser.conftest import MOBILE
from tests.factories import FAQFactory, InitiativeFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def content():
    customs = TopicFactory(name="Customs", slug="customs")
    InitiativeFactory(title="ASEAN Single Window", body="Electronic customs documents.")
    InitiativeFactory(title="Trade Repository", topics=[customs], body="Customs rules, one place.")
    FAQFactory(question="How do customs declarations work?", answer="Online.", topics=[customs])


def test_a_visitor_searches_narrows_by_topic_and_removes_the_filter(new_page, content, screenshot):
    page = new_page(java_script_enabled=False)
    page.goto("/")
    page.get_by_label("Search the portal").first.fill("customs")
    page.get_by_role("button", name="Search").first.click()
    page.wait_for_url("**/search/?q=customs")
    assert page.title().startswith("Search results for “customs”")
    assert page.get_by_role("heading", name="4 results for “customs”").is_visible()
    assert page.locator("mark").first.inner_text().lower() == "customs"

    facets = page.get_by_role("navigation", name="Refine the search")
    facets.get_by_role("link", name="Customs").click()
    page.wait_for_url("**/search/?q=customs&topic=customs")
    assert page.get_by_role("heading", name="3 results for “customs”").is_visible()
    screenshot(page, "search-narrowed-desktop")

    page.get_by_role("link", name="Topic: Customs").click()
    page.wait_for_url("**/search/?q=customs")
    assert page.get_by_role("heading", name="4 results for “customs”").is_visible()


def test_the_search_page_fits_a_phone(new_page, content, screenshot):
    page = new_page(viewport=MOBILE)
    page.goto("/search/?q=customs+declarations&type=faq")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    screenshot(page, "search-mobile")
