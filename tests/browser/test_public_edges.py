"""Issue 18's rough edges, in a real browser at a phone's width (390 px) and a desktop's
(1280 px): the filter form folds behind "Filter" on a phone and is open on a desktop, a
filter applied lands on a tidy address with focus on the results, and the pages touched
(lists, FAQs in either order, the overview, the home page, the sitemap for people) have no
WCAG 2.2 A/AA violation found by axe-core."""

import re

import pytest

from initiatives.models import Initiative
from tests.browser.checks import assert_no_axe_violations, horizontal_overflow
from tests.browser.conftest import DESKTOP, MOBILE

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = {"390px": MOBILE, "1280px": DESKTOP}


def focused_id(page):
    return page.evaluate("document.activeElement && document.activeElement.id")


def is_open(page):
    return page.locator("details.filter-disclosure").evaluate("d => d.open")


def apply_status(page, site, status="ongoing"):
    page.get_by_label("Status").select_option(status)
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(f"**/initiatives/?status={status}#results")


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_on_a_phone_the_filters_fold_and_applying_lands_on_the_results(new_page, site, javascript):
    page = new_page(viewport=MOBILE, java_script_enabled=javascript, bypass_csp=True)
    page.goto("/initiatives/")
    summary = page.locator("details.filter-disclosure > summary")
    assert summary.is_visible() and summary.inner_text() == "Filter"
    assert not is_open(page)
    assert not page.get_by_label("Division", exact=True).is_visible()
    # The result count is on the first screen, no longer pushed below it by the form.
    heading = page.locator("#results")
    assert heading.evaluate("h => h.getBoundingClientRect().bottom") < MOBILE["height"]
    if javascript:  # axe-core is a script
        assert_no_axe_violations(page, "the initiatives list on a phone, filters folded")

    summary.click()
    assert is_open(page)
    assert page.get_by_text("Initiatives the division leads or supports.").is_visible()
    assert page.get_by_text("Only the initiatives the division leads.").is_visible()
    if javascript:
        assert_no_axe_violations(page, "the initiatives list on a phone, filters open")

    apply_status(page, site)
    # Only the field that was set is in the address (the empty ones were redirected away).
    assert page.url.endswith("/initiatives/?status=ongoing#results")
    assert focused_id(page) == "results"
    expected = Initiative.objects.published().filter(status="ongoing").count()
    assert page.locator("#results").inner_text() == f"{expected} initiatives"
    assert page.locator("#results").evaluate("h => h.getBoundingClientRect().top") < 200
    # Folded again, naming what is active.
    assert not is_open(page)
    assert summary.inner_text() == "Filter (1 active)"
    assert horizontal_overflow(page) <= 0


def test_on_a_desktop_the_filters_are_open_and_applying_lands_on_the_results(new_page, site):
    page = new_page(viewport=DESKTOP, bypass_csp=True)
    page.goto("/initiatives/")
    assert not page.locator("details.filter-disclosure > summary").is_visible()
    division = page.get_by_label("Division", exact=True)
    assert division.is_visible()
    # Each field's help is read with it.
    assert division.get_attribute("aria-describedby") == "id_division-help"
    assert_no_axe_violations(page, "the initiatives list on a desktop")

    division.select_option(site.economic.slug)
    page.get_by_label("Status").select_option("ongoing")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"/initiatives/\?division=[\w-]+&status=ongoing#results$"))
    assert "q=" not in page.url and "pillar=" not in page.url
    assert focused_id(page) == "results"
    assert page.get_by_label("Division", exact=True).input_value() == site.economic.slug
    # Tab from the results goes on to what follows them, not back to the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('section[aria-labelledby=results]')")
    assert_no_axe_violations(page, "a filtered initiatives list on a desktop")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_bad_filter_opens_the_form_to_show_its_message(new_page, site, width):
    page = new_page(viewport=WIDTHS[width], bypass_csp=True)
    page.goto("/initiatives/?division=nowhere")
    assert is_open(page)
    assert page.get_by_text("There is no division “nowhere”.").first.is_visible()
    assert_no_axe_violations(page, f"a filter error at {width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_faqs_switch_between_the_sources_order_and_by_division(new_page, site, width):
    page = new_page(viewport=WIDTHS[width], bypass_csp=True)
    page.goto("/faqs/")
    order = page.get_by_role("navigation", name="Order of the questions")
    assert order.get_by_text("In the order of the source").get_attribute("aria-current")
    assert_no_axe_violations(page, f"the FAQs in the source's order at {width}")
    order.get_by_role("link", name="By division").click()
    page.wait_for_url("**/faqs/?order=division#results")
    assert focused_id(page) == "results"
    assert page.get_by_role("heading", level=3, name=site.economic.name).is_visible() or (
        page.locator("section[aria-labelledby^=group-] h3").count() > 0
    )
    assert_no_axe_violations(page, f"the FAQs by division at {width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_touched_pages_have_no_axe_violations(new_page, site, width):
    page = new_page(viewport=WIDTHS[width], bypass_csp=True)
    for url in ("/", "/sitemap/", "/initiatives/overview/", site.economic.get_absolute_url()):
        page.goto(url)
        assert_no_axe_violations(page, f"{url} at {width}")
        assert horizontal_overflow(page) <= 0, url
    page.goto("/")
    assert page.get_by_role("searchbox").count() == 1
    assert page.get_by_label("Search the portal").is_visible()
    if width == "1280px":  # four role cards: two rows of two
        tops = page.locator("#roles-title + ul > li").evaluate_all(
            "cards => cards.map(c => Math.round(c.getBoundingClientRect().top))"
        )
        assert len(set(tops)) == (len(tops) + 1) // 2


def test_the_footer_opens_the_sitemap_for_people(page, site):
    page.goto("/about/")
    page.get_by_role("contentinfo").get_by_role("link", name="Sitemap").click()
    page.wait_for_url("**/sitemap/")
    assert page.get_by_role("heading", level=1).inner_text() == "Sitemap"
    page.get_by_role("link", name=site.trade.name, exact=True).click()
    page.wait_for_url(f"**{site.trade.get_absolute_url()}")
