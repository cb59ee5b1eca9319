"""The admin is accessible: axe-core (WCAG 2.2 A and AA) finds no critical and no serious
violation on the pages a Publisher works in — the admin home, every change list they see,
every add and change form, an item's draft, history and comparison, the import page and the
review-due report — nor on the cross-type list of drafts and the notifications.

The pages are found as a Publisher finds them: the change lists and add forms linked from
the admin home, the first row of each list. Every page's figures (violations by impact) are
written to test-artifacts/admin-axe.json, for the record."""

import json
from collections import Counter

import pytest
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Initiative
from publishing import drafts
from search.models import GlossaryEntry, MissedQuery
from tests.browser.checks import axe_violations, describe_violations
from tests.browser.conftest import ARTIFACTS
from tests.browser.staff import sign_in
from tests.factories import RoleUserFactory, StaffFactory

pytestmark = pytest.mark.django_db(transaction=True)

BLOCKING = {"critical", "serious"}


@pytest.fixture
def admin_site(site):
    """The sample site, plus what the admin's other pages show: an Editor's draft of a
    live initiative, a glossary entry and a query that found nothing."""
    editor = RoleUserFactory(username="an-editor", role="Editor")
    RoleUserFactory(username="publisher", role="Publisher")
    StaffFactory(username="superuser")
    initiative = Initiative.objects.published().order_by("pk").first()

    def change(obj):
        obj.summary = obj.summary + " Revised."
        obj.save()

    drafts.save_as_draft(initiative, editor, change)
    GlossaryEntry.objects.get_or_create(
        acronym="AEC", defaults={"expansion": "ASEAN Economic Community"}
    )
    MissedQuery.objects.create(text="visa for students", day=timezone.localdate(), count=3)
    return initiative


def admin_pages(page):
    """Every change list and add form linked from the admin home, in the order shown."""
    page.goto(reverse("admin:index"))
    lists = page.eval_on_selector_all(
        "#content-main .module th[scope=row] a", "links => links.map(a => a.pathname)"
    )
    adds = page.eval_on_selector_all(
        "#content-main .module a.addlink", "links => links.map(a => a.pathname)"
    )
    return lists, adds


def first_row(page, changelist):
    page.goto(changelist)
    link = page.locator("#result_list tbody th a, #result_list tbody td a").first
    return link.get_attribute("href") if link.count() else None


def measure(page, url, results):
    response = page.goto(url)
    assert response.status == 200, url
    page.wait_for_load_state("load")
    violations = axe_violations(page)
    impacts = Counter()
    for violation in violations:
        impacts[violation["impact"]] += len(violation["nodes"])
    results[url] = {
        "impacts": dict(impacts),
        "rules": {v["id"]: v["impact"] for v in violations},
        "report": describe_violations([v for v in violations if v["impact"] in BLOCKING]),
    }


def test_a_publishers_admin_pages_have_no_serious_axe_violation(new_page, admin_site):
    results = {}
    page = new_page(bypass_csp=True)  # axe is injected as an inline script
    sign_in(page, "publisher")
    measure(page, reverse("admin:index"), results)
    lists, adds = admin_pages(page)
    assert "/admin/initiatives/initiative/" in lists
    for changelist in lists:
        row = first_row(page, changelist)
        measure(page, changelist, results)
        if row:
            measure(page, row, results)
    for add in adds:
        measure(page, add, results)

    pk = admin_site.pk
    for name in ("draft", "history", "compare", "import"):
        args = [] if name == "import" else [pk]
        measure(page, reverse(f"admin:initiatives_initiative_{name}", args=args), results)
    measure(page, reverse("admin:initiatives_initiative_changelist") + "?_facets=True", results)
    measure(page, reverse("admin:review_due"), results)

    # The cross-type list of drafts is a Publisher's page too now (issue 16), and so are
    # the notifications.
    measure(page, reverse("admin:asean_portal_draft_changelist"), results)
    measure(page, reverse("admin:notifications_notification_changelist"), results)
    measure(page, reverse("admin:notifications_preferences_changelist"), results)
    superuser = new_page(bypass_csp=True)
    sign_in(superuser, "superuser")
    measure(superuser, reverse("admin:asean_portal_draft_changelist"), results)

    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "admin-axe.json").write_text(json.dumps(results, indent=1))
    failing = {
        url: result for url, result in results.items() if BLOCKING & set(result["rules"].values())
    }
    summary = "\n".join(
        f"{url}: {result['impacts']}\n{result['report']}" for url, result in failing.items()
    )
    assert not failing, f"{len(failing)} of {len(results)} admin pages fail axe:\n{summary}"
