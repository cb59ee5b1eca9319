"""The seeded bodies and Summits are exactly the lead's ruling (session 6), each cited, and a
second load changes nothing."""

import pytest

from bodies.models import Body
from meetings.models import Meeting
from partial_dates import PartialDate
from sources.references import citations_of
from tests.module_data import kept_for_the_module
from tests.seed.loading import load

pytestmark = pytest.mark.django_db

STRUCTURE = {
    # slug: (parent, pillar, short name, meets)
    "asean-summit": (None, "", "", "Twice a year"),
    "asean-coordinating-council": ("asean-summit", "", "", "At least twice a year"),
    "asean-political-security-community-council": (
        "asean-summit",
        "political-security",
        "",
        "At least twice a year",
    ),
    "asean-economic-community-council": ("asean-summit", "economic", "", "At least twice a year"),
    "asean-socio-cultural-community-council": (
        "asean-summit",
        "socio-cultural",
        "",
        "At least twice a year",
    ),
    "asean-defence-ministers-meeting": (
        "asean-political-security-community-council",
        "political-security",
        "ADMM",
        "",
    ),
    "asean-economic-ministers": ("asean-economic-community-council", "economic", "AEM", ""),
    "asean-ministers-on-agriculture-and-forestry": (
        "asean-economic-community-council",
        "economic",
        "AMAF",
        "",
    ),
    "asean-health-ministers-meeting": (
        "asean-socio-cultural-community-council",
        "socio-cultural",
        "AHMM",
        "",
    ),
    "asean-ministerial-meeting-on-disaster-management": (
        "asean-socio-cultural-community-council",
        "socio-cultural",
        "AMMDM",
        "",
    ),
    "committee-of-permanent-representatives-to-asean": (None, "", "", ""),
    "asean-intergovernmental-commission-on-human-rights": (None, "", "AICHR", ""),
}

SUMMITS = {
    # slug: (starts, ends, city, host and chair)
    "42nd-asean-summit": ("2023-05-10", "2023-05-11", "Labuan Bajo", "indonesia"),
    "43rd-asean-summit": ("2023-09-05", "2023-09-07", "Jakarta", "indonesia"),
    "44th-and-45th-asean-summits": ("2024-10-08", "2024-10-11", "Vientiane", "lao-pdr"),
    "46th-asean-summit": ("2025-05-26", None, "Kuala Lumpur", "malaysia"),
    "47th-asean-summit": ("2025-10-26", "2025-10-28", "Kuala Lumpur", "malaysia"),
}


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with kept_for_the_module(django_db_blocker):
        load()
        yield


def test_the_bodies_are_the_rulings_with_no_chair_or_division(seeded):
    bodies = Body.objects.published().select_related("parent")
    found = {
        b.slug: (b.parent.slug if b.parent else None, b.pillar, b.short_name, b.meets)
        for b in bodies
    }
    assert found == STRUCTURE
    assert not Body.objects.filter(chair__isnull=False).exists()
    assert not Body.objects.exclude(chair_from=None).exists()
    assert not Body.objects.filter(supporting_division__isnull=False).exists()
    cited = citations_of(list(bodies))
    for body in bodies:
        [citation] = cited[("bodies.body", body.pk)]
        assert citation.source.key == "asean-charter"
        assert citation.supports


def test_the_summits_are_the_rulings_each_on_its_chairmans_statement(seeded):
    meetings = Meeting.objects.published().select_related("body", "host_state", "chair")
    found = {
        m.slug: (
            m.starts.isoformat(),
            m.ends.isoformat() if m.ends else None,
            m.city,
            m.host_state.slug,
        )
        for m in meetings
    }
    assert found == SUMMITS
    cited = citations_of(list(meetings))
    for meeting in meetings:
        assert meeting.body.slug == "asean-summit"
        assert meeting.status == "held" and meeting.chair == meeting.host_state
        [citation] = cited[("meetings.meeting", meeting.pk)]
        source = citation.source
        assert source.title.startswith("Chairman's Statement of the")
        assert (source.publisher, source.url) == ("ASEAN", "")
        assert source.published == PartialDate.parse((meeting.ends or meeting.starts).isoformat())


def test_a_second_load_changes_nothing(seeded):
    before = {
        "bodies": sorted(Body.objects.values_list("slug", "updated_at", "version")),
        "meetings": sorted(Meeting.objects.values_list("slug", "updated_at", "version")),
    }
    load()
    after = {
        "bodies": sorted(Body.objects.values_list("slug", "updated_at", "version")),
        "meetings": sorted(Meeting.objects.values_list("slug", "updated_at", "version")),
    }
    assert after == before


def test_the_seeded_pages_answer(seeded, client):
    for url in ["/bodies/", "/meetings/", "/meetings/calendar.ics", "/meetings/feed/"]:
        assert client.get(url).status_code == 200, url
    for obj in [*Body.objects.all(), *Meeting.objects.all()]:
        assert client.get(obj.get_absolute_url()).status_code == 200, obj
    html = client.get("/bodies/").content.decode()
    assert html.count("Chair: not recorded yet") == 12  # no chair is seeded
