"""/leadership/, a person's page, a division's page with its head and the FAQ naming the
Secretary-General, from the seed content, in Chromium: no WCAG 2.2 A/AA violations found by
axe-core, no sideways scrolling on a phone or at 400% zoom, and all of it with JavaScript
off."""

import pytest
from django.core.management import call_command

from tests.browser.checks import axe_violations, describe_violations, horizontal_overflow
from tests.browser.conftest import DESKTOP, MOBILE, ZOOM_400

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

PAGES = [
    ("leadership", "/leadership/"),
    ("person", "/people/kao-kim-hourn/"),
    ("people", "/people/"),
    ("division-head", "/divisions/office-of-the-secretary-general/"),
    ("division-vacant", "/divisions/external-relations-directorate/"),
    ("faqs", "/faqs/"),
]


@pytest.mark.parametrize("viewport", ["desktop", "mobile", "zoom-400"])
def test_people_pages_are_accessible_and_fit(new_page, screenshot, viewport):
    call_command("load_seed_content", verbosity=0)
    size = {"desktop": DESKTOP, "mobile": MOBILE, "zoom-400": ZOOM_400}[viewport]
    page = new_page(viewport=size, bypass_csp=True)
    problems = []
    for name, url in PAGES:
        assert page.goto(url).status == 200, url
        if viewport == "desktop":
            screenshot(page, f"people-{name}-{viewport}")
        violations = axe_violations(page)
        if violations:
            problems.append(f"{url}:\n{describe_violations(violations)}")
        if horizontal_overflow(page) > 0:
            problems.append(f"{url} scrolls sideways by {horizontal_overflow(page)}px")
    assert not problems, "\n\n".join(problems)


def test_who_leads_is_answered_with_javascript_off(new_page):
    call_command("load_seed_content", verbosity=0)
    page = new_page(java_script_enabled=False)
    page.goto("/faqs/#who-leads-the-asean-secretariat")
    page.get_by_role("link", name="Dr Kao Kim Hourn").first.click()
    assert page.url.endswith("/people/kao-kim-hourn/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Dr Kao Kim Hourn")
    page.goto("/leadership/")
    assert page.get_by_text("Not recorded yet").count() == 6
