"""An initiative's numbered references in a real browser: each [n] leads to its entry in
the "Sources" list, and axe-core finds nothing on the page (milestones with partial dates,
an indicator with its progress bar, the sources list)."""

import pytest

from initiatives.models import Indicator, IndicatorPeriod
from partial_dates import PartialDate
from tests.browser.checks import assert_no_axe_violations, require_axe
from tests.factories import InitiativeFactory, MilestoneFactory, SourceFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def outlook(transactional_db):
    declaration = SourceFactory(
        key="aoip", title="ASEAN Outlook on the Indo-Pacific", published=PartialDate(2019, 6, 23)
    )
    statement = SourceFactory(
        key="mainstreaming", title="Declaration on Mainstreaming", published=PartialDate(2023, 9)
    )
    initiative = InitiativeFactory(
        title="ASEAN Outlook on the Indo-Pacific",
        slug="aoip",
        actual_start="2019-06-23",
        planned_start="",
        planned_end="",
        sources=[declaration],
    )
    MilestoneFactory(
        initiative=initiative,
        title="Adopted",
        planned=None,
        reached="2019-06-23",
        source=declaration,
        order=0,
    )
    MilestoneFactory(
        initiative=initiative,
        title="Mainstreaming declared",
        planned=None,
        reached="2023-09",
        source=statement,
        order=1,
    )
    indicator = Indicator.objects.create(
        initiative=initiative,
        title="Priority areas mainstreamed",
        unit="areas",
        baseline_value=0,
        baseline_date="2019",
    )
    IndicatorPeriod.objects.create(
        indicator=indicator,
        period_start="2019",
        period_end="2023",
        target_value=4,
        actual_value=4,
        source=statement,
    )
    return initiative


def test_references_lead_to_their_sources_and_axe_finds_nothing(new_page, outlook):
    require_axe()
    page = new_page(bypass_csp=True)  # axe is injected as a script
    page.goto(outlook.get_absolute_url())
    sources = page.locator("ol.sources-list > li")
    assert sources.count() == 2
    assert "ASEAN Outlook on the Indo-Pacific" in sources.nth(0).inner_text()
    assert "September 2023" in sources.nth(1).inner_text()
    # The [2] beside the second milestone names its source to a screen reader and leads
    # to it.
    mark = page.locator("ol.milestones li").nth(1).locator("sup.ref a")
    assert mark.inner_text().startswith("[2]")
    assert "source: Declaration on Mainstreaming" in mark.text_content()
    mark.click()
    assert page.url.endswith("#source-2")
    assert page.locator("#source-2").is_visible()
    assert page.locator("p.milestone-count").inner_text() == "2 of 2 milestones reached"
    assert page.locator("progress").count() == 1  # drawn for the indicator only
    assert_no_axe_violations(page, "an initiative with sources")
