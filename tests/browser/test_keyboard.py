"""The whole journey by keyboard alone: the skip link first, a visible focus on every stop,
focus moving forward through the page in reading order, and every control reachable."""

import pytest

from initiatives.models import Initiative
from tests.browser.checks import focus_is_visible, focused_description

pytestmark = pytest.mark.django_db(transaction=True)

MAX_TABS = 80

IN_READING_ORDER = """() => {
    const el = document.activeElement, previous = window.__previousFocus;
    window.__previousFocus = el;
    return !previous || previous === el
        || !!(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
}"""


def tab_to(page, wanted, key="Tab"):
    """Press Tab until ``wanted(focused)`` holds; every stop must show its focus and come
    after the previous one in the document. Returns the stops passed on the way."""
    stops = []
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        focused = focused_description(page)
        stops.append(focused)
        assert focus_is_visible(page), f"no visible focus on {focused} at {page.url}"
        assert page.evaluate(IN_READING_ORDER), f"focus jumped backwards to {focused}"
        if wanted(focused):
            return stops
    raise AssertionError(f"never reached the wanted element on {page.url}; passed {stops}")


def named(text):
    return lambda focused: focused["text"].startswith(text)


def test_skip_link_comes_first_shows_itself_and_moves_focus_to_the_content(page, site):
    page.goto("/divisions/")
    page.keyboard.press("Tab")
    assert focused_description(page)["text"] == "Skip to main content"
    assert focus_is_visible(page)
    top = page.evaluate("document.activeElement.getBoundingClientRect().top")
    assert 0 <= top < 100, "the skip link is on screen when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    page.keyboard.press("Tab")
    assert focused_description(page)["text"] == "Home"  # the breadcrumb, inside main


def test_home_to_division_to_initiative_and_the_filters_by_keyboard(page, site):
    led = Initiative.objects.filter(lead_division=site.economic).order_by("title").first()
    page.goto("/")
    stops = tab_to(page, named("Divisions"))
    assert [s["text"] for s in stops[:3]] == [
        "Skip to main content",
        "ASEAN Secretariat Knowledge Portal",
        "About",
    ]
    page.keyboard.press("Enter")
    page.wait_for_url("**/divisions/")

    tab_to(page, named(site.economic.name))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{site.economic.get_absolute_url()}")

    tab_to(page, lambda f: f["text"] == led.title)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{led.get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text() == led.title

    # The filter form: choose a status from the keyboard and apply it.
    page.goto("/initiatives/")
    tab_to(page, lambda f: f["id"] == "id_status")
    page.keyboard.press("ArrowDown")  # "Any status" → "Planned"
    tab_to(page, named("Apply filters"))
    page.keyboard.press("Enter")
    page.wait_for_url("**status=planned**")
    assert "Planned" in page.locator(".card .status").first.inner_text()

    # The overview's bars are links in reading order, each with a visible focus.
    page.goto("/initiatives/overview/")
    tab_to(page, named("Economic Community"))
    page.keyboard.press("Enter")
    page.wait_for_url("**pillar=economic**")


def test_the_faqs_and_data_downloads_by_keyboard(page, site):
    page.goto("/")
    tab_to(page, named("FAQs"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/faqs/")
    tab_to(page, lambda f: f["id"] == "id_topic")
    tab_to(page, named("Apply filters"))
    stops = tab_to(page, named("JSON"))
    assert [s["text"] for s in stops][-2:] == ["CSV", "JSON"]
