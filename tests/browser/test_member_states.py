"""The Member State pages in Chromium: no WCAG 2.2 A/AA violation found by axe-core, no
sideways scrolling on a phone or at 400% zoom, and the facts, sources and lists readable
with JavaScript off."""

import pytest

from tests.browser.checks import assert_no_axe_violations, horizontal_overflow, require_axe
from tests.browser.conftest import DESKTOP, MOBILE, ZOOM_400
from tests.factories import SourceFactory, cite

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def state(site):
    """One of the sample site's states, its joining date cited; initiatives involve it."""
    chosen = site.states[0]
    chosen.joined_on = "1967-08-08"
    chosen.save()
    cite(chosen, SourceFactory(title="ASEAN Declaration"), supports="Date of joining ASEAN")
    return chosen


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE, ZOOM_400], ids=["desktop", "mobile", "zoom"])
def test_the_list_and_a_state_page_are_accessible(new_page, state, screenshot, viewport):
    require_axe()
    page = new_page(viewport=viewport, bypass_csp=True)
    for name, url in (
        ("member-states", "/member-states/"),
        ("member-state", state.get_absolute_url()),
    ):
        response = page.goto(url)
        assert response.status == 200, url
        assert_no_axe_violations(page, name)
        assert horizontal_overflow(page) <= 0, f"{url} scrolls sideways at {viewport}"
        if viewport is not ZOOM_400:
            screenshot(page, f"{name}-{'desktop' if viewport is DESKTOP else 'mobile'}")


def test_a_state_page_reads_without_javascript(new_page, state):
    page = new_page(java_script_enabled=False)
    page.goto("/member-states/")
    page.get_by_role("link", name=state.name).click()
    assert page.get_by_role("heading", level=1).inner_text() == state.name
    assert page.get_by_text("Not recorded yet").count() == 3
    page.get_by_role("link", name="[1]").first.click()
    assert page.url.endswith("#source-1")
    assert "ASEAN Declaration" in page.locator("#source-1").inner_text()
    assert page.get_by_role("heading", name=f"Initiatives involving {state.name}").is_visible()
