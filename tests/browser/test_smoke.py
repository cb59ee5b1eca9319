import pytest

from tests.browser.conftest import MOBILE
from tests.factories import DivisionFactory, InitiativeFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_visitor_goes_from_home_to_a_division_to_an_initiative(page, screenshot):
    division = DivisionFactory(name="Economic Community Department")
    InitiativeFactory(title="ASEAN Single Window", lead_division=division, featured=True)

    page.goto("/")
    assert page.title().startswith("Home")
    page.get_by_role("link", name="Economic Community Department").first.click()
    page.wait_for_url(f"**{division.get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text().startswith(division.name)
    page.get_by_role("link", name="ASEAN Single Window").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "ASEAN Single Window"
    screenshot(page, "initiative-detail-desktop")


def test_pages_fit_a_phone_without_horizontal_scrolling(new_page):
    InitiativeFactory()
    page = new_page(viewport=MOBILE)
    for url in ("/", "/initiatives/", "/divisions/", "/faqs/"):
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, url
