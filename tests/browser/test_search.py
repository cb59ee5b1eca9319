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
    marked = [text.lower() for text in page.locator("mark").all_inner_texts()]
    assert "customs" in marked  # and "single window", a synonym of it

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


@pytest.mark.parametrize("viewport", ["MOBILE", "DESKTOP"])
def test_answers_corrections_help_and_the_glossary_fit_and_pass_axe(new_page, content, viewport):
    """A question no item matches word for word, a typo, a search that finds nothing, an
    archived item left out, and the glossary: at 390 px and 1280 px, axe finds nothing."""
    from publishing.content import State
    from tests.browser import conftest
    from tests.browser.checks import assert_no_axe_violations

    InitiativeFactory(title="Customs Code 2001", body="Old customs rules.", state=State.ARCHIVED)
    page = new_page(viewport=getattr(conftest, viewport), bypass_csp=True)  # for axe
    checks = [
        ("/search/?q=how+are+customs+declarations+and+tariffs+handled", "No item has every word"),
        ("/search/?q=custms", "search instead for"),
        ("/search/?q=zzqxv", "Browse instead"),
        ("/glossary/", "Acronyms"),
    ]
    for url, text in checks:
        page.goto(url)
        assert text in page.content(), url
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, url
        assert_no_axe_violations(page, url)

    page.goto("/search/?q=customs")
    assert page.get_by_text("Archived", exact=True).count() == 1
    page.get_by_label("Leave out archived items").check()
    page.get_by_role("button", name="Search").last.click()
    page.wait_for_url("**/search/?q=customs&current=1")
    assert page.get_by_text("Archived", exact=True).count() == 0
    assert_no_axe_violations(page, "search without archived items")


@pytest.mark.parametrize("viewport", ["MOBILE", "DESKTOP"])
def test_a_country_in_the_words_narrows_says_so_and_passes_axe(new_page, viewport):
    """ "vietnam customs": the items involving Viet Nam, the page says so and links to the
    search across every Member State; the facets (Member State, status, year) fit and pass axe."""
    from django.core.cache import cache

    from caching.content_token import local_memory
    from tests.browser import conftest
    from tests.browser.checks import assert_no_axe_violations
    from tests.factories import MemberStateFactory

    # Each run starts from an empty database whose content token starts again: what the
    # previous run kept under the same token (the names search recognises) goes first.
    cache.clear()
    local_memory.clear()
    viet_nam = MemberStateFactory(
        name="Viet Nam", slug="viet-nam", iso_code="VN", other_names="Vietnam\nVietnamese"
    )
    lao = MemberStateFactory(name="Lao PDR", slug="lao-pdr", iso_code="LA", other_names="Laos")
    InitiativeFactory(
        title="ASEAN Single Window", body="Customs online.", member_states=[viet_nam, lao]
    )
    InitiativeFactory(title="Customs Transit", member_states=[lao], status="planned")
    page = new_page(viewport=getattr(conftest, viewport), bypass_csp=True)  # for axe
    page.goto("/search/?q=vietnam+customs")
    assert page.get_by_text("Showing results involving Viet Nam").is_visible(), page.inner_text(
        "main"
    )[:1500]
    assert page.get_by_role("heading", name="1 result for “vietnam customs”").is_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert_no_axe_violations(page, "search narrowed to a Member State")
    page.get_by_role("link", name="search all Member States instead").click()
    page.wait_for_url("**everywhere=1")
    facets = page.get_by_role("navigation", name="Refine the search")
    assert facets.get_by_role("heading", name="Member state").is_visible()
    assert facets.get_by_role("heading", name="Status").is_visible()
    assert_no_axe_violations(page, "search with Member State, status and year facets")
