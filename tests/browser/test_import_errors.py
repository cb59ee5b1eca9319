"""An import's row errors are readable at once in a real browser, without hovering: the
portal's style must win over the import package's (which hides them until hover)."""

import pytest
from playwright.sync_api import expect

from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db(transaction=True)

BAD_FILE = (
    "slug,question,answer,state,review_by\r\n"
    "where-is-it,Where is it?,In Jakarta.,draft,31/12/2027\r\n"
    "where-is-it,Where is it again?,In Jakarta.,draft,2027-12-31\r\n"
)


def test_row_errors_show_without_hovering(new_page, screenshot):
    StaffFactory(username="importer")
    page = new_page()
    page.goto("/admin/login/?next=/admin/faqs/faq/import/")
    page.get_by_label("Username").fill("importer")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.locator("#id_format").select_option(label="csv")
    page.locator("#id_import_file").set_input_files(
        files=[{"name": "faqs.csv", "mimeType": "text/csv", "buffer": BAD_FILE.encode()}]
    )
    page.locator("input[type=submit]").click()
    for text in ("write it as YYYY-MM-DD", "is on rows 1 and 2"):
        error = page.get_by_text(text).first
        expect(error).to_be_visible()
        container = error.locator(
            "xpath=ancestor::*[contains(@class,'validation-error-container')]"
        )
        style = container.evaluate(
            "e => { const s = getComputedStyle(e); return [s.opacity, s.position]; }"
        )
        assert style == ["1", "static"], (text, style)
    page.mouse.move(0, 0)  # nothing hovered
    screenshot(page, "admin-import-row-errors")
