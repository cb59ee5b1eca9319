"""Every type of public page, in a real browser: no WCAG 2.2 A/AA violations found by
axe-core, no sideways scrolling on a phone or at 400% zoom, light, no third-party
requests, and a screenshot of each at desktop and mobile widths in test-artifacts/."""

import pytest

from tests.browser.checks import (
    RequestLog,
    assert_no_axe_violations,
    axe_violations,
    describe_violations,
    horizontal_overflow,
    require_axe,
)
from tests.browser.conftest import ARTIFACTS, DESKTOP, MOBILE, ZOOM_400
from tests.sample_site import PAGE_BUDGET, page_types

pytestmark = pytest.mark.django_db(transaction=True)

VIEWPORTS = {"desktop": DESKTOP, "mobile": MOBILE, "zoom-400": ZOOM_400}


def write_report(name, lines):
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / name).write_text("\n".join(lines) + "\n")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_page_type_is_accessible_and_fits_the_screen(new_page, site, screenshot, viewport):
    require_axe()
    page = new_page(viewport=VIEWPORTS[viewport], bypass_csp=True)
    problems, report = [], [f"# axe-core, WCAG 2.2 A/AA, {viewport} {VIEWPORTS[viewport]}", ""]
    for kind in page_types(site):
        response = page.goto(kind.url)
        assert response.status == kind.status, kind.url
        if viewport != "zoom-400":
            screenshot(page, f"{kind.name}-{viewport}")
        violations = axe_violations(page)
        overflow = horizontal_overflow(page)
        report.append(
            f"- {kind.name} ({kind.url}): {len(violations)} violations, "
            f"{overflow if overflow > 0 else 0}px sideways overflow"
        )
        if violations:
            problems.append(f"{kind.name} ({kind.url}):\n{describe_violations(violations)}")
        if overflow > 0:
            problems.append(f"{kind.name} ({kind.url}) scrolls sideways by {overflow}px")
    write_report(f"axe-{viewport}.md", report)
    assert not problems, "\n\n".join(problems)


def test_every_page_type_is_light_and_loads_nothing_from_elsewhere(new_page, site, live_server):
    """Each page in a fresh browser context (an empty cache), counting every response."""
    own_host = live_server.url.split("://", 1)[1]
    heavy, foreign = [], []
    report = ["# Page weights (uncompressed bytes; a fresh cache for each page)", ""]
    for kind in page_types(site):
        page = new_page()
        log = RequestLog(page)
        page.goto(kind.url)
        page.wait_for_load_state("load")
        total = log.total_bytes()
        parts = ", ".join(f"{kind_}: {size:,}" for kind_, size in sorted(log.by_type().items()))
        report.append(f"- {kind.name}: {total:,} bytes ({parts})")
        if total >= PAGE_BUDGET:
            heavy.append(f"{kind.name} ({kind.url}): {total:,} bytes — {parts}")
        if log.hosts() - {own_host}:
            foreign.append(f"{kind.name} ({kind.url}): {sorted(log.hosts() - {own_host})}")
        page.context.close()
    write_report("page-weights.md", report)
    assert not heavy, f"pages over {PAGE_BUDGET:,} bytes:\n" + "\n".join(heavy)
    assert not foreign, "third-party requests:\n" + "\n".join(foreign)


def test_axe_would_report_a_violation(new_page):
    """The accessibility check is live: a picture without a text alternative is caught."""
    require_axe()
    page = new_page(bypass_csp=True)
    page.goto("/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')"
    )
    violations = axe_violations(page)
    assert [v["id"] for v in violations] == ["image-alt"]
    with pytest.raises(AssertionError, match="image-alt"):
        assert_no_axe_violations(page, "a page with a bad picture")


def test_printing_leaves_out_navigation_and_keeps_the_pictures(page, site, screenshot):
    initiative = site.initiatives[3]
    page.goto(initiative.get_absolute_url())
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".breadcrumbs", ".skip-link"):
        assert not page.locator(hidden).is_visible(), hidden
    assert page.locator(".timeline svg").is_visible()
    assert page.locator(".milestones").is_visible()
    screenshot(page, "initiative-print")
    page.goto("/initiatives/")
    assert not page.locator(".filters").is_visible()
    assert not page.locator(".downloads").is_visible()
