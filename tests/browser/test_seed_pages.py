"""The real Secretariat content from the seed loader, in a real browser: no WCAG 2.2 A/AA
violations and no sideways scrolling on its main pages, with screenshots to look at."""

import pytest
from django.core.management import call_command

from initiatives.models import Initiative
from tests.browser.checks import axe_violations, describe_violations, horizontal_overflow
from tests.browser.conftest import DESKTOP, MOBILE, ZOOM_400

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("viewport", ["desktop", "mobile", "zoom-400"])
def test_seed_content_pages(new_page, screenshot, viewport):
    call_command("load_seed_content", verbosity=0)
    initiative = Initiative.objects.published().get(slug="asean-single-window")
    size = {"desktop": DESKTOP, "mobile": MOBILE, "zoom-400": ZOOM_400}[viewport]
    page = new_page(viewport=size, bypass_csp=True)
    problems = []
    for name, url in [
        ("home", "/"),
        ("about", "/about/"),
        ("divisions", "/divisions/"),
        ("division", initiative.lead_division.get_absolute_url()),
        ("initiatives", "/initiatives/"),
        ("initiative", initiative.get_absolute_url()),
        ("overview", "/initiatives/overview/"),
        ("faqs", "/faqs/"),
    ]:
        assert page.goto(url).status == 200, url
        if viewport != "zoom-400":
            screenshot(page, f"seed-{name}-{viewport}")
        violations = axe_violations(page)
        if violations:
            problems.append(f"{url}:\n{describe_violations(violations)}")
        if horizontal_overflow(page) > 0:
            problems.append(f"{url} scrolls sideways by {horizontal_overflow(page)}px")
    assert not problems, "\n\n".join(problems)
