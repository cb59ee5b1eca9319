"""The editorial workflow in a real browser: an Editor writes an initiative with two
milestones and sends it for review; a Publisher publishes it; the public sees it; the Editor
edits it (a draft: the public page stays), compares it with the live page and sends it for
review; a Publisher previews and publishes it; the Editor compares two versions in the
history and reverts (a draft again), which a Publisher publishes."""

import re

import pytest
from playwright.sync_api import expect

from initiatives.models import Initiative
from publishing.content import State
from tests.factories import DivisionFactory, RoleUserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-password"  # the factories' password


def sign_in(page, username):
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Portal content")).to_be_visible()


def choose_in_autocomplete(page, field_id, text):
    """Django's autocomplete (select2): open it, type, pick the match."""
    page.locator(f"#{field_id} + .select2 .select2-selection").click()
    page.locator(f'.select2-search__field[aria-controls="select2-{field_id}-results"]').fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def test_editor_writes_publisher_publishes_public_reads_editor_reverts(
    new_page, screenshot, settings
):
    # This journey is about the workflow; the sources rule has its own tests
    # (tests/sources/test_publish_rule.py, tests/browser/test_sources.py).
    settings.PUBLISH_REQUIRES_SOURCE = False
    DivisionFactory(name="Economic Community Department", slug="economic")
    RoleUserFactory(username="editor", role="Editor")
    RoleUserFactory(username="publisher", role="Publisher")

    # The Editor writes the initiative with two milestones and sends it for review.
    editor = new_page()
    sign_in(editor, "editor")
    editor.goto("/admin/initiatives/initiative/add/")
    editor.get_by_label("Title:", exact=True).first.fill("ASEAN Digital Trade Framework")
    editor.get_by_label("Title:", exact=True).first.press("End")  # the slug is filled in on key up
    expect(editor.get_by_label("Slug:")).to_have_value("asean-digital-trade-framework")
    editor.get_by_label("Summary:").fill("Common rules for trade online.")
    editor.get_by_label("Body:").fill("Sets **common rules** for e-commerce across the region.")
    choose_in_autocomplete(editor, "id_lead_division", "Economic")
    editor.get_by_label("Pillar:").select_option("economic")
    editor.fill("#id_milestones-0-title", "Negotiations concluded")
    editor.fill("#id_milestones-0-planned", "2025-10-26")
    editor.fill("#id_milestones-0-reached", "2025-10-26")
    editor.locator(".add-row a", has_text="Add another Milestone").click()
    editor.fill("#id_milestones-1-title", "Entry into force")
    editor.fill("#id_milestones-1-planned", "2027-01-01")
    state = editor.get_by_label("Publication state:")
    assert state.locator("option").all_inner_texts() == ["Draft", "In review"]
    state.select_option("review")
    editor.get_by_role("button", name="Save", exact=True).click()
    expect(editor.locator(".messagelist")).to_contain_text("is saved and sent for review")
    initiative = Initiative.objects.get(slug="asean-digital-trade-framework")
    assert initiative.state == State.REVIEW
    assert [m.title for m in initiative.milestones.all()] == [
        "Negotiations concluded",
        "Entry into force",
    ]
    screenshot(editor, "workflow-1-editor-sent-for-review")

    # Not public yet.
    visitor = new_page(java_script_enabled=False)
    assert visitor.goto(initiative.get_absolute_url()).status == 404

    # The Publisher publishes it from the list.
    publisher = new_page()
    sign_in(publisher, "publisher")
    publisher.goto("/admin/initiatives/initiative/?state__exact=review")
    expect(publisher.locator(".state-badge.state-review")).to_have_text("In review")
    publisher.get_by_role("checkbox", name="Select this object for an action").first.check()
    publisher.get_by_label("Action:").select_option("publish")
    publisher.get_by_role("button", name="Go").click()
    expect(publisher.locator(".messagelist")).to_contain_text("1 initiative published.")
    publisher.goto("/admin/initiatives/initiative/")
    expect(publisher.locator(".state-badge.state-published")).to_have_text("Published")
    screenshot(publisher, "workflow-2-publisher-published")

    # An anonymous visitor reads it, milestones and all.
    visitor.goto(initiative.get_absolute_url())
    expect(visitor.get_by_role("heading", level=1)).to_have_text("ASEAN Digital Trade Framework")
    expect(visitor.locator(".milestones li")).to_have_count(2)
    expect(visitor.locator("body")).not_to_contain_text("Preview:")

    # The Editor changes the summary of the live initiative: it becomes a draft, and the
    # public page stays as it is.
    change_url = f"/admin/initiatives/initiative/{initiative.pk}/change/"
    editor.goto(change_url)
    expect(editor.locator(".draft-notice")).to_contain_text("This initiative is live")
    editor.get_by_label("Summary:").fill("Rules for digital trade, agreed in 2025.")
    editor.get_by_role("button", name="Save", exact=True).click()
    expect(editor.locator(".messagelist")).to_contain_text(
        "saved as a draft and wait for a Publisher; the live page is unchanged"
    )
    expect(editor.locator(".draft-notice")).to_contain_text("has a draft")
    expect(editor.get_by_label("Summary:")).to_have_value(
        "Rules for digital trade, agreed in 2025."
    )
    visitor.goto(initiative.get_absolute_url())
    expect(visitor.locator(".lead")).to_have_text("Common rules for trade online.")

    # ...compares the draft with the live page and sends it for review.
    editor.get_by_role("link", name="Draft", exact=True).click()
    diff = editor.locator(".version-diff")
    expect(diff.get_by_role("row", name=re.compile("^Summary"))).to_be_visible()
    expect(diff.locator("del").first).to_have_text("Common rules")  # removed words
    expect(diff.locator("ins").first).to_have_text("Rules")  # added words
    screenshot(editor, "workflow-3-editor-compares-draft")
    editor.get_by_role("button", name="Send for review").click()
    expect(editor.locator(".messagelist")).to_contain_text("is sent for review")

    # The Publisher finds it in the list, previews it on the public page and publishes it.
    publisher.goto("/admin/initiatives/initiative/?pending=review")
    expect(publisher.locator(".state-badge.state-changes")).to_have_text("Draft")
    publisher.get_by_role("link", name="ASEAN Digital Trade Framework").click()
    expect(publisher.get_by_label("Summary:")).to_have_value("Common rules for trade online.")
    publisher.get_by_role("link", name="Review the draft").click()
    publisher.get_by_role("link", name="Preview on the public page").click()
    expect(publisher.locator(".draft-banner")).to_contain_text("Preview of a draft")
    expect(publisher.locator(".lead")).to_have_text("Rules for digital trade, agreed in 2025.")
    publisher.go_back()
    publisher.get_by_role("button", name="Publish these changes").click()
    expect(publisher.locator(".messagelist")).to_contain_text("are published")
    visitor.goto(initiative.get_absolute_url())
    expect(visitor.locator(".lead")).to_have_text("Rules for digital trade, agreed in 2025.")
    screenshot(publisher, "workflow-4-publisher-published-changes")

    # The Editor compares the last two versions in the history...
    editor.goto(change_url)
    editor.get_by_role("link", name="History").click()
    expect(editor.locator("#change-history tbody tr")).to_have_count(3)
    editor.get_by_role("button", name="Compare the chosen versions").click()
    diff = editor.locator(".version-diff")
    expect(diff.get_by_role("row", name=re.compile("^Summary"))).to_be_visible()
    expect(diff.locator("del").first).to_have_text("Common rules")
    expect(diff.locator("ins").first).to_have_text("Rules")
    screenshot(editor, "workflow-5-editor-compares-versions")

    # ...and reverts to the earlier text in one click: a draft again, for a Publisher.
    editor.get_by_role("button", name=re.compile("^Revert to the version of")).click()
    # (A page asks first, with what would change and an optional reason.)
    editor.get_by_label("Reason (optional)").fill("The earlier wording was agreed.")
    editor.get_by_role("button", name="Yes, revert").click()
    expect(editor.locator(".messagelist")).to_contain_text(
        "waits for a Publisher; the live page is unchanged"
    )
    expect(editor.get_by_label("Summary:")).to_have_value("Common rules for trade online.")
    visitor.goto(initiative.get_absolute_url())
    expect(visitor.locator(".lead")).to_have_text("Rules for digital trade, agreed in 2025.")
    screenshot(editor, "workflow-6-editor-reverted-as-draft")

    # The Publisher publishes the revert; the public sees the earlier text again.
    publisher.goto(f"/admin/initiatives/initiative/{initiative.pk}/draft/")
    publisher.get_by_role("button", name="Publish these changes").click()
    expect(publisher.locator(".messagelist")).to_contain_text("are published")
    initiative.refresh_from_db()
    assert initiative.summary == "Common rules for trade online."
    assert initiative.state == State.PUBLISHED
    # created, published, the Editor's change published, the revert published
    assert initiative.history.count() == 4
    visitor.goto(initiative.get_absolute_url())
    expect(visitor.locator(".lead")).to_have_text("Common rules for trade online.")
    expect(visitor.locator(".milestones li")).to_have_count(2)
