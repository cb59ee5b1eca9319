"""What ``load_seed_content`` loaded, and what loading it again does: staff edits win,
untouched rows follow the seed. The content is loaded once for the module; each test's own
changes are undone after it."""

import datetime

import pytest
from django.apps import apps
from django.db import models
from django.utils import timezone

from divisions.models import Division, Pillar
from faqs.models import FAQ
from initiatives.models import Initiative, Topic
from member_states.models import MemberState
from pages.models import SiteSection
from partial_dates import PartialDate
from publishing.content import State
from seed import data
from sources.references import citations_of as citations_by_item
from tests.module_data import kept_for_the_module
from tests.seed.loading import ARTICLE_QUESTIONS, CONTENT_MODELS, PUBLISHER_CONTACT, load, snapshot

pytestmark = pytest.mark.django_db


def citations_of(obj):
    return citations_by_item([obj]).get((obj._meta.label_lower, obj.pk), [])


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with kept_for_the_module(django_db_blocker):
        load()
        yield


def test_everything_is_published(seeded):
    for model in CONTENT_MODELS:
        rows = model.objects.all()
        assert rows.exists(), model
        assert set(rows.values_list("state", flat=True)) == {State.PUBLISHED}, model
        assert model.objects.published().count() == rows.count(), model
        assert not rows.filter(updated_by__isnull=False).exists(), model


def test_site_sections(seeded):
    def kind(k):
        return SiteSection.objects.filter(kind=k).order_by("order")

    assert list(kind("role").values_list("title", flat=True)) == [
        "Facilitating Collaboration",
        "Coordinating Initiatives",
        "Enhancing ASEAN’s Global Presence",
        "Providing Support Services",
    ]
    assert kind("challenge").count() == 3
    assert kind("structure").count() == 1
    assert kind("structure").get().body.endswith("comprises several key divisions.")

    intro = " ".join(kind("intro").values_list("body", flat=True))
    assert "central administrative body" in intro
    assert "Established in 1976" in intro
    assert "Headquartered in Jakarta, Indonesia" in intro
    assert "role in facilitating collaboration, coordinating initiatives" in intro
    assert not intro.rstrip().endswith(":")

    outlook = list(kind("outlook").values_list("body", flat=True))
    assert outlook[0].startswith("Despite these challenges")
    assert outlook[1].startswith("The ASEAN Secretariat, as the central administrative body")


def test_the_quotation_stays_word_for_word_with_a_visible_editors_note(seeded, client):
    """The article predates Timor-Leste's admission: its "all ten" stays as written, and an
    editor's note beside it, citing the admission declaration, says what changed."""
    section = SiteSection.objects.get(slug="challenge-balancing-national-interests")
    assert section.body == (
        "Aligning the diverse interests and priorities of all ten ASEAN Member States remains "
        "a complex undertaking."
    )
    assert section.editorial_note == (
        "Editor's note: ASEAN has eleven Member States since Timor-Leste's admission on "
        "26 October 2025."
    )
    assert [c.source.key for c in citations_of(section)] == [
        "seed-article",
        "admission-timor-leste",
    ]
    html = client.get("/about/").content.decode()
    assert "all ten ASEAN Member States" in html
    assert '<aside class="editorial-note" aria-label="Editor’s note">' in html
    assert "Timor-Leste’s admission on 26 October 2025" in html or (
        "Timor-Leste's admission on 26 October 2025" in html
    )
    assert "Declaration on the Admission of Timor-Leste into ASEAN" in html


def test_the_contact_is_the_secretariat_in_jakarta(seeded):
    contact = SiteSection.objects.get(kind="contact")
    assert "70A Jalan Sisingamangaraja" in contact.body
    assert "Jakarta 12110" in contact.body
    assert "Indonesia" in contact.body
    assert "Jalan Sisingamangaraja" in contact.body_html  # rendered on save


def test_the_publishers_contact_is_nowhere_in_the_database(seeded):
    texts = []
    for model in apps.get_models():
        fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
        ]
        if fields:
            for row in model.objects.values_list(*fields):
                texts.extend(str(value) for value in row if value)
    assert texts
    everything = "\n".join(texts)
    for piece in PUBLISHER_CONTACT:
        assert piece not in everything, piece


def test_divisions_and_their_hierarchy(seeded):
    assert Division.objects.count() == 7
    office = Division.objects.get(slug="office-of-the-secretary-general")
    assert office.parent is None
    assert office.kind == Division.Kind.OFFICE
    assert office.head_title == "Secretary-General of ASEAN"
    assert (
        office.summary == "Provides overall strategic direction and leadership to the Secretariat."
    )
    assert set(Division.objects.filter(parent__isnull=True)) == {office}
    assert set(office.children.values_list("slug", flat=True)) == {
        "political-security-community-department",
        "economic-community-department",
        "socio-cultural-community-department",
        "external-relations-directorate",
        "community-and-corporate-affairs-directorate",
        "administration-and-finance-department",
    }
    aec = Division.objects.get(slug="economic-community-department")
    assert aec.name == "ASEAN Economic Community Department"
    assert (aec.kind, aec.pillar, aec.short_name) == ("department", Pillar.ECONOMIC, "AEC")
    assert aec.head_title == "Deputy Secretary-General for the ASEAN Economic Community"
    assert aec.summary.startswith("Works towards realizing an integrated and competitive")
    assert "<strong>" in aec.mandate_html
    pillars = dict(Division.objects.exclude(pillar="").values_list("short_name", "pillar"))
    assert pillars == {
        "APSC": Pillar.POLITICAL_SECURITY,
        "AEC": Pillar.ECONOMIC,
        "ASCC": Pillar.SOCIO_CULTURAL,
    }
    assert Division.objects.get(slug="external-relations-directorate").kind == "directorate"
    assert list(Division.objects.values_list("order", flat=True)) == [1, 2, 3, 4, 5, 6, 7]
    assert all(d.mandate and d.head_title for d in Division.objects.all())


def test_member_states(seeded):
    states = {s.slug: s for s in MemberState.objects.all()}
    assert len(states) == 11
    assert states["timor-leste"].iso_code == "TL"
    assert states["timor-leste"].joined_on == PartialDate(2025, 10, 26)
    assert states["brunei-darussalam"].joined_on == PartialDate(1984, 1, 7)
    assert states["viet-nam"].name == "Viet Nam"
    founders = {s.iso_code for s in states.values() if s.joined_on == PartialDate(1967, 8, 8)}
    assert founders == {"ID", "MY", "PH", "SG", "TH"}
    # Each date of joining cites its admission declaration (the founders: Bangkok's).
    for state in states.values():
        [citation] = citations_of(state)
        expected = "bangkok-declaration" if state.iso_code in founders else "admission-"
        assert citation.source.key.startswith(expected), state
        assert citation.source.published == state.joined_on, state
    # Published content, owned by the Community and Corporate Affairs Directorate; the facts
    # no source vouches for are left empty for staff; names and demonyms for search.
    owner = Division.objects.get(slug=data.CCA)
    for state in states.values():
        assert (state.state, state.owning_division_id) == (State.PUBLISHED, owner.pk), state
        assert not (state.capital or state.official_languages or state.national_office), state
    assert states["viet-nam"].names_for_search() == ["Viet Nam", "Vietnam", "Vietnamese"]
    assert states["myanmar"].names_for_search() == ["Myanmar", "Burma", "Myanmar's"]
    assert "Laos" in states["lao-pdr"].names_for_search()
    assert all(len(s.names_for_search()) >= 2 for s in states.values())


def test_topics(seeded):
    assert 12 <= Topic.objects.count() <= 16
    assert all(t.description for t in Topic.objects.all())
    assert Topic.objects.filter(slug="disaster-management").exists()


def test_initiatives(seeded):
    initiatives = Initiative.objects.prefetch_related(
        "topics", "milestones", "member_states", "supporting_divisions"
    ).select_related("lead_division")
    assert initiatives.count() >= 12
    assert {i.pillar for i in initiatives} == set(Pillar.values)
    timor_leste = MemberState.objects.get(slug="timor-leste")
    for initiative in initiatives:
        assert initiative.lead_division_id is not None, initiative
        assert initiative.summary and initiative.body_html, initiative
        assert initiative.topics.all(), initiative
        milestones = initiative.milestones.all()
        assert 1 <= len(milestones) <= 4, initiative
        states = set(initiative.member_states.all())
        assert len(states) >= 10, initiative
        if timor_leste in states:
            # Only plans that start after its admission on 26 October 2025.
            assert initiative.start.first_day > datetime.date(2025, 10, 26), initiative
        assert initiative.lead_division not in initiative.supporting_divisions.all()
        if initiative.status == Initiative.Status.COMPLETED:
            assert initiative.end and initiative.end.last_day < timezone.localdate()
    assert 5 <= initiatives.filter(featured=True).count() <= 7
    window = initiatives.get(slug="asean-single-window")
    assert window.lead_division.slug == "economic-community-department"
    assert window.status == "ongoing"
    assert (window.actual_start, window.planned_start, window.planned_end) == (
        PartialDate(2005, 12),
        None,
        None,
    )
    assert [(m.title, m.reached, m.source.key) for m in window.milestones.all()] == [
        ("ASEAN Single Window Agreement signed", PartialDate(2005, 12), "asw-agreement"),
        (
            "Protocol on the Legal Framework to Implement the ASW signed",
            PartialDate(2015),
            "asw-protocol",
        ),
    ]
    assert "Form D" not in window.body and "2018" not in window.body


def test_faqs(seeded):
    faqs = FAQ.objects.select_related("division").order_by("order")
    assert faqs.count() >= 5
    questions = list(faqs.values_list("question", flat=True))
    assert questions[:5] == ARTICLE_QUESTIONS
    assert faqs.get(question="Where is the ASEAN Secretariat located?").answer == (
        "The ASEAN Secretariat is headquartered in Jakarta, Indonesia."
    )
    assert all(faq.division_id for faq in faqs)
    members = faqs.get(slug="how-many-member-states-does-asean-have")
    assert "eleven" in members.answer and "Timor-Leste" in members.answer
    assert members.topics.exists()


def test_a_second_run_changes_nothing(seeded):
    before = snapshot()
    out = load(verbosity=1)
    assert snapshot() == before
    for line in out.strip().splitlines():
        assert " 0 created, 0 updated," in line, line
        assert line.endswith(" 0 kept (edited by staff)"), line


def test_staff_edits_are_never_overwritten(seeded, staff):
    division = Division.objects.get(slug="economic-community-department")
    division.summary = "Edited by an editor."
    division.updated_by = staff
    division.save()
    initiative = Initiative.objects.get(slug="asean-single-window")
    initiative.title = "ASW (edited)"
    initiative.updated_by = staff
    initiative.save()
    initiative.topics.clear()
    initiative.milestones.all().delete()
    section = SiteSection.objects.get(slug="contact")
    SiteSection.objects.filter(pk=section.pk).update(body="Edited contact.", updated_by=staff)
    stamp = Division.objects.get(pk=division.pk).updated_at

    out = load(verbosity=1)

    division.refresh_from_db()
    assert division.summary == "Edited by an editor."
    assert division.updated_at == stamp
    initiative.refresh_from_db()
    assert initiative.title == "ASW (edited)"
    assert not initiative.topics.exists()
    assert not initiative.milestones.exists()
    assert SiteSection.objects.get(slug="contact").body == "Edited contact."
    assert "Divisions: 0 created, 0 updated, 6 unchanged, 1 kept (edited by staff)" in out


def test_untouched_rows_are_brought_back_in_line(seeded):
    """A row nobody edited in the admin (updated_by is None) follows the seed."""
    Division.objects.filter(slug="economic-community-department").update(summary="Stale.")
    window = Initiative.objects.get(slug="asean-single-window")
    window.topics.clear()
    window.milestones.first().delete()
    citations_of(window)[0].delete()
    stamp = window.updated_at

    out = load(verbosity=1)

    division = Division.objects.get(slug="economic-community-department")
    assert division.summary.startswith("Works towards realizing")
    window.refresh_from_db()
    assert window.topics.count() == 2
    assert window.milestones.count() == 2
    assert [c.source.key for c in citations_of(window)] == ["asw-agreement", "asw-protocol"]
    assert window.updated_at > stamp
    assert "Divisions: 0 created, 1 updated, 6 unchanged" in out
    assert "Initiatives: 0 created, 1 updated" in out


def test_changed_seed_data_updates_untouched_rows_only(seeded, staff, monkeypatch):
    Topic.objects.filter(slug="energy").update(updated_by=staff)
    changed = [(slug, name, f"{description} (revised)") for slug, name, description in data.TOPICS]
    monkeypatch.setattr(data, "TOPICS", changed)

    out = load(verbosity=1)

    assert Topic.objects.get(slug="health").description.endswith("(revised)")
    assert "<p>" in Topic.objects.get(slug="health").description_html
    assert not Topic.objects.get(slug="energy").description.endswith("(revised)")
    assert f"Topics: 0 created, {len(changed) - 1} updated, 0 unchanged, 1 kept" in out


def test_a_row_whose_slug_staff_changed_is_not_duplicated(seeded, staff):
    Topic.objects.filter(slug="energy").update(slug="energy-security", updated_by=staff)
    load()
    assert Topic.objects.filter(name="Energy").count() == 1
    apaec = Initiative.objects.get(slug="apaec-2016-2025")
    assert apaec.topics.filter(slug="energy-security").exists()
