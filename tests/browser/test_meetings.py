"""/bodies/, /meetings/ and a meeting's page in Chromium: axe-core finds no WCAG 2.2 A/AA
violation, nothing scrolls sideways on a phone, and the pages work with JavaScript off."""

import pytest

from bodies.models import BodyKind
from divisions.models import Pillar
from partial_dates import PartialDate
from tests.browser.checks import (
    axe_violations,
    describe_violations,
    horizontal_overflow,
    require_axe,
)
from tests.browser.conftest import DESKTOP, MOBILE
from tests.factories import BodyFactory, MeetingFactory, MemberStateFactory, SourceFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def meeting(transactional_db):
    malaysia = MemberStateFactory(name="Malaysia", slug="malaysia", iso_code="MY")
    summit = BodyFactory(
        name="ASEAN Summit", slug="asean-summit", kind=BodyKind.SUMMIT, meets="Twice a year"
    )
    council = BodyFactory(
        name="ASEAN Economic Community Council",
        slug="aec-council",
        kind=BodyKind.COMMUNITY_COUNCIL,
        parent=summit,
        pillar=Pillar.ECONOMIC,
    )
    BodyFactory(
        name="ASEAN Ministers on Agriculture and Forestry",
        slug="amaf",
        short_name="AMAF",
        parent=council,
        pillar=Pillar.ECONOMIC,
        chair=malaysia,
    )
    MeetingFactory(
        title="Some time in 2099",
        body=summit,
        starts=PartialDate(2099),
        ends=None,
        status="upcoming",
    )
    return MeetingFactory(
        title="47th ASEAN Summit",
        slug="47th-asean-summit",
        body=summit,
        starts=PartialDate(2025, 10, 26),
        ends=PartialDate(2025, 10, 28),
        city="Kuala Lumpur",
        host_state=malaysia,
        chair=malaysia,
        sources=[SourceFactory(title="Chairman's Statement of the 47th ASEAN Summit")],
    )


PAGES = [
    "/bodies/",
    "/bodies/amaf/",
    "/meetings/",
    "/meetings/?year=20x4",
    "/meetings/47th-asean-summit/",
]


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
def test_the_pages_are_accessible_and_fit_a_phone(new_page, meeting, viewport):
    require_axe()
    page = new_page(viewport=viewport, bypass_csp=True)
    problems = []
    for url in PAGES:
        page.goto(url)
        violations = axe_violations(page)
        if violations:
            problems.append(f"{url}:\n{describe_violations(violations)}")
        if horizontal_overflow(page) > 0:
            problems.append(f"{url} scrolls sideways by {horizontal_overflow(page)}px")
    assert not problems, "\n\n".join(problems)


def test_the_structure_reads_without_javascript(new_page, meeting):
    page = new_page(java_script_enabled=False)
    page.goto("/bodies/")
    assert page.get_by_role("heading", name="ASEAN Summit", exact=True).is_visible()
    assert page.get_by_role("link", name="ASEAN Ministers on Agriculture and Forestry").is_visible()
    page.goto("/meetings/")
    page.get_by_role("link", name="47th ASEAN Summit").click()
    assert page.get_by_role("heading", level=1).inner_text() == "47th ASEAN Summit"
