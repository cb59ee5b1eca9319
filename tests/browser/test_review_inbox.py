"""What a Publisher sees, in Chromium: the review inbox on the admin home, and the choice a
merge asks for when two people changed the same field (both values side by side, chosen
with the keyboard-reachable radios; no JavaScript needed). axe: no critical or serious
violation on either page."""

import pytest
from django.urls import reverse

from faqs.models import FAQ
from publishing import drafts
from publishing.content import State
from tests.browser.checks import axe_violations, describe_violations
from tests.browser.staff import sign_in
from tests.factories import FAQFactory, RoleUserFactory

pytestmark = pytest.mark.django_db(transaction=True)

BLOCKING = {"critical", "serious"}


def assert_accessible(page):
    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING]
    assert not blocking, describe_violations(blocking)


def test_the_inbox_shows_what_waits_for_a_publisher(new_page, screenshot):
    editor = RoleUserFactory(username="an-editor", role="Editor", first_name="Amal")
    RoleUserFactory(username="publisher", role="Publisher")
    new = FAQFactory(question="Who chairs ASEAN this year?", state=State.REVIEW)
    FAQ.objects.filter(pk=new.pk).update(updated_by=editor)
    live = FAQFactory(question="Who leads the ASEAN Secretariat?")
    drafts.save_as_draft(
        live, editor, lambda o: setattr(o, "answer", "The Secretary-General."), submit=True
    )
    page = new_page(bypass_csp=True)
    sign_in(page, "publisher")
    waiting = page.locator("#inbox-review")
    assert waiting.get_by_role("link", name="FAQ: Who chairs ASEAN this year?").is_visible()
    link = waiting.get_by_role("link", name="FAQ: Who leads the ASEAN Secretariat?")
    assert link.is_visible()
    assert "Changes to the live item" in waiting.inner_text()
    assert_accessible(page)
    screenshot(page, "inbox-publisher")
    link.click()
    page.wait_for_url(f"**{reverse('admin:faqs_faq_draft', args=[live.pk])}")


@pytest.mark.parametrize("javascript", [True, False])
def test_a_field_both_changed_is_chosen_side_by_side(new_page, screenshot, javascript):
    RoleUserFactory(username="amal", role="Publisher")
    RoleUserFactory(username="budi", role="Publisher")
    faq = FAQFactory(question="Who leads?", answer="The Secretary-General.")
    change = reverse("admin:faqs_faq_change", args=[faq.pk])
    amal = new_page(bypass_csp=True)
    budi = new_page(bypass_csp=True, java_script_enabled=javascript)
    sign_in(amal, "amal")
    sign_in(budi, "budi")
    amal.goto(change)
    budi.goto(change)
    assert "Also open by amal" in budi.locator(".edit-presence").inner_text()

    amal.get_by_label("Answer:").fill("Amal's answer.")
    amal.get_by_label("Question:").fill("Who leads the Secretariat?")
    amal.locator("input[name=_continue]").click()
    amal.wait_for_selector(".messagelist")

    budi.get_by_label("Answer:").fill("Budi's answer.")
    budi.locator("input[name=_continue]").click()
    choice = budi.locator("#merge-choices")
    choice.wait_for()  # the answer to the save, once it has arrived
    assert choice.is_visible()
    group = budi.get_by_role("group", name="Answer")
    assert "Budi's answer." in group.inner_text() and "Amal's answer." in group.inner_text()
    # Amal's other change is kept, shown in the form.
    assert budi.get_by_label("Question:").input_value() == "Who leads the Secretariat?"
    if javascript:
        assert_accessible(budi)
        screenshot(budi, "merge-choice")
    group.get_by_label("Keep theirs (amal)").check()
    budi.locator("input[name=_continue]").click()
    budi.wait_for_selector(".messagelist")
    faq.refresh_from_db()
    assert (faq.question, faq.answer) == ("Who leads the Secretariat?", "Amal's answer.")
