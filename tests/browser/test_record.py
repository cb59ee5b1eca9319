"""In a real browser: an initiative page's "Published … · Last updated …", its page history
with the major change's note, and "Cite this page" opened from its <details> by keyboard
(with JavaScript off too: the portal has no script); /updates/ and the contact form sent by
keyboard; axe-core finds nothing on them (axe itself needs JavaScript, so those pages are
checked with it on, with the policy bypassed to let axe in)."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from pages.models import ContactMessage
from publishing import changes
from tests.browser.checks import assert_no_axe_violations
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db(transaction=True)


def open_citation(page):
    citation = page.locator("details.cite")
    assert not citation.locator(".cite-apa").is_visible()  # closed until asked
    citation.locator("summary").focus()
    page.keyboard.press("Enter")
    assert citation.locator(".cite-apa").is_visible()
    return citation


def test_cite_this_page_opens_without_javascript(new_page):
    item = InitiativeFactory(title="ASEAN Single Window", slug="asean-single-window")
    page = new_page(java_script_enabled=False)
    page.goto(item.get_absolute_url())
    citation = open_citation(page)
    assert "Retrieved" in citation.locator(".cite-apa").inner_text()


def test_page_history_and_cite_this_page(new_page, screenshot):
    item = InitiativeFactory(title="ASEAN Single Window", slug="asean-single-window")
    changes.record_major_change(item, "Added the regional roll-out in 2024.")
    page = new_page(bypass_csp=True)
    page.goto(item.get_absolute_url())

    dates = page.locator(".page-dates")
    today = timezone.localdate()
    assert dates.inner_text().startswith(f"Published {today.day} {today:%B %Y}")
    history = page.get_by_role("region", name="Page history")
    assert history.get_by_role("listitem").count() == 2
    assert "Added the regional roll-out in 2024." in history.inner_text()

    assert_no_axe_violations(page, "an initiative with its history (citation closed)")
    citation = open_citation(page)
    apa = citation.locator(".cite-apa")
    accessed = f"{today:%B} {today.day}, {today.year}"
    assert apa.inner_text() == (
        f"ASEAN Secretariat Knowledge Portal. ({today.year}, {today:%B} {today.day}). "
        f"ASEAN Single Window. Retrieved {accessed}, from "
        f"{page.url.split('/initiatives/')[0]}/initiatives/asean-single-window/"
    )
    bibtex = citation.locator(".cite-bibtex").inner_text()
    assert bibtex.startswith("@misc{initiative-asean-single-window,")
    assert f"urldate = {{{today.isoformat()}}}" in bibtex
    screenshot(page, "record-cite-open")
    assert_no_axe_violations(page, "an initiative with “Cite this page” open")


def test_updates_and_the_contact_form_by_keyboard(new_page, screenshot):
    item = InitiativeFactory(title="ASEAN Single Window")
    changes.record_major_change(item, "Added the regional roll-out in 2024.")
    page = new_page(bypass_csp=True)
    page.goto("/updates/")
    link = page.get_by_role("link", name="ASEAN Single Window").first
    assert link.get_attribute("href") == item.get_absolute_url()
    assert_no_axe_violations(page, "the updates page")

    page.goto("/contact/")
    assert_no_axe_violations(page, "the contact form")
    page.get_by_label("An accessibility problem").check()
    page.get_by_label("Your message").fill("The chart cannot be read with a screen reader.")
    # Sent at once: refused as too fast, with what was typed kept and the reason said.
    with page.expect_navigation():
        page.get_by_role("button", name="Send message").click()
    assert "faster than a person can write" in page.locator("#form-errors").inner_text()
    assert page.get_by_label("Your message").input_value().startswith("The chart")
    assert_no_axe_violations(page, "the contact form with an error")
    # A person takes a few seconds: the clock moves on (no waiting), then it is sent again.
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=10)):
        page.get_by_role("button", name="Send message").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.get_by_role("heading", level=1).inner_text().startswith("Thank you")
    assert ContactMessage.objects.get().topic == "accessibility"
    screenshot(page, "record-contact-sent")
    assert_no_axe_violations(page, "the contact confirmation")
