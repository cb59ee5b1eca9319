"""The library's pages in Chromium: axe-core finds no WCAG 2.2 A/AA violation on the
documents list (filtered, and with a bad filter), an agreement's page with its matrix, the
partners list and a partner's page; none scrolls sideways on a phone."""

import pytest

from partial_dates import PartialDate
from tests.browser.checks import assert_no_axe_violations, horizontal_overflow, require_axe
from tests.browser.conftest import MOBILE
from tests.factories import (
    DocumentFactory,
    MemberStateFactory,
    ParticipationFactory,
    PartnerFactory,
    SourceFactory,
    TopicFactory,
    cite,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def library(transactional_db):
    topic = TopicFactory(slug="trade", name="Trade")
    charter = DocumentFactory(
        title="Charter of the Association of Southeast Asian Nations",
        slug="asean-charter",
        doc_type="agreement",
        date=PartialDate(2007, 11, 20),
        place="Singapore",
        entered_into_force=PartialDate(2008, 12, 15),
        topics=[topic],
    )
    source = SourceFactory(key="asean-charter", title="The ASEAN Charter")
    cite(charter, source)
    for name, code in (("Brunei Darussalam", "BN"), ("Singapore", "SG"), ("Thailand", "TH")):
        ParticipationFactory(
            document=charter,
            member_state=MemberStateFactory(
                name=name, slug=name.lower().replace(" ", "-"), iso_code=code
            ),
            signed=PartialDate(2007, 11, 20),
            source=source,
        )
    for n in range(25):
        DocumentFactory(title=f"Plan of Action {n}", doc_type="plan", topics=[topic])
    uk = PartnerFactory(name="United Kingdom", slug="united-kingdom", since=PartialDate(2021))
    PartnerFactory(name="Japan", slug="japan")
    cite(uk, source)
    charter.partners.add(uk)
    return charter


PAGES = [
    "/documents/",
    "/documents/?type=plan&topic=trade&page=2",
    "/documents/?year=20x5&member_state=atlantis",
    "/documents/asean-charter/",
    "/partners/",
    "/partners/united-kingdom/",
]


def test_library_pages_have_no_axe_violations_and_fit_a_phone(new_page, library):
    require_axe()
    desktop = new_page(bypass_csp=True)
    phone = new_page(viewport=MOBILE, bypass_csp=True)
    for path in PAGES:
        response = desktop.goto(path)
        assert response.status in (200, 400), path
        assert_no_axe_violations(desktop, path)
        phone.goto(path)
        assert horizontal_overflow(phone) <= 0, path


def test_the_matrix_reads_as_a_table_with_headers(new_page, library):
    page = new_page(java_script_enabled=False)
    page.goto("/documents/asean-charter/")
    table = page.get_by_role("table", name="Each Member State's signature")
    assert table.get_by_role("columnheader").all_inner_texts() == [
        "Member State",
        "Signed",
        "Consent to be bound",
        "Date of consent",
    ]
    rows = table.get_by_role("rowheader").all_inner_texts()
    assert [r.split("[")[0].strip() for r in rows] == ["Brunei Darussalam", "Singapore", "Thailand"]
    assert table.get_by_text("Not recorded yet", exact=True).count() == 6
