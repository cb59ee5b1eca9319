"""``manage.py load_seed_content``: what it loads, that it is idempotent, that staff win."""

import datetime
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import models
from django.utils import timezone

from divisions.models import Division, Pillar
from faqs.models import FAQ
from initiatives.models import Initiative, MemberState, Milestone, Topic
from pages.models import SiteSection
from publishing.content import State
from seed import data
from seed.parser import (
    SEED_TEXT_PATH,
    SeedFormatError,
    load_document,
    parse_seed,
    read_seed_text,
)
from tests.factories import MemberStateFactory

ARTICLE_QUESTIONS = [
    "What is the main function of the ASEAN Secretariat?",
    "Where is the ASEAN Secretariat located?",
    "Who leads the ASEAN Secretariat?",
    "How does the ASEAN Secretariat support ASEAN Member States?",
    "What are some of the challenges faced by the ASEAN Secretariat?",
]
# Pieces of the article publisher's contact line, which must never reach the portal.
PUBLISHER_CONTACT = [
    "0369020373",
    "Bắc Giang",
    "Bac Giang",
    "Giang",
    "Hiệp Hòa",
    "Ngọc Liễn",
    "Need assistance",
    "customer support",
    "email protected",
    "24/7",
]
CONTENT_MODELS = [SiteSection, Division, Topic, Initiative, FAQ]


def load(verbosity=0):
    out = StringIO()
    call_command("load_seed_content", verbosity=verbosity, stdout=out)
    return out.getvalue()


def snapshot():
    """Every row the loader writes, with its updated_at where it has one."""
    rows = {}
    for model in CONTENT_MODELS:
        rows[model.__name__] = dict(model.objects.values_list("slug", "updated_at"))
    rows["MemberState"] = dict(MemberState.objects.values_list("slug", "iso_code"))
    rows["Milestone"] = sorted(
        Milestone.objects.values_list("pk", "initiative__slug", "title", "due_on", "done_on")
    )
    for model, name in [(Initiative, "topics"), (Initiative, "member_states"), (FAQ, "topics")]:
        rows[f"{model.__name__}.{name}"] = sorted(
            model.objects.values_list("slug", f"{name}__slug")
        )
    return rows


@pytest.fixture
def seeded(db):
    load()


# --- the parser ---------------------------------------------------------------------------


def test_the_seed_text_ships_inside_the_project():
    assert SEED_TEXT_PATH.parent.name == "seed"
    assert SEED_TEXT_PATH.parent.parent.name == "asean_portal"
    assert SEED_TEXT_PATH.is_file()


def test_parser_reads_the_article():
    doc = load_document()
    assert [e.title for e in doc.roles.entries] == [
        "Facilitating Collaboration",
        "Coordinating Initiatives",
        "Enhancing ASEAN’s Global Presence",
        "Providing Support Services",
    ]
    assert len(doc.structure.entries) == 7
    assert doc.structure.entries[0].title == "Office of the Secretary-General"
    assert [e.title for e in doc.challenges.entries] == [
        "Balancing National Interests",
        "Resource Constraints",
        "Enhancing Efficiency",
    ]
    assert doc.challenges.after[0].startswith("Despite these challenges")
    assert doc.conclusion[0].startswith("The ASEAN Secretariat, as the central")
    assert [q.question for q in doc.faqs] == ARTICLE_QUESTIONS
    assert all(q.answer for q in doc.faqs)


def test_parser_drops_the_publishers_contact():
    text = read_seed_text()
    assert "0369020373" in text  # it is in the article …
    parsed = repr(load_document())
    for piece in PUBLISHER_CONTACT:
        assert piece not in parsed  # … and nowhere in what the parser returns


@pytest.mark.parametrize(
    "text, message",
    [
        ("Heading only", "introduction"),
        ("Intro.\nConclusion\nEnd.\nFAQs\n1. Q?\nA.", "role"),
        ("Intro.\nThe Role\nLead:\nNo list here.\nConclusion\nEnd.\nFAQs\n1. Q?\nA.", "list"),
        (
            "Intro.\nThe Role\nLead:\n- No colon here\nConclusion\nEnd.\nFAQs\n1. Q?\nA.",
            "Title: text",
        ),
    ],
)
def test_parser_explains_what_is_wrong(text, message):
    with pytest.raises(SeedFormatError, match=message):
        parse_seed(text)


def test_a_question_without_an_answer_is_an_error():
    text = read_seed_text().replace(
        "The ASEAN Secretariat is headquartered in Jakarta, Indonesia.\n", ""
    )
    with pytest.raises(SeedFormatError, match="Where is the ASEAN Secretariat located"):
        parse_seed(text)


# --- what is loaded -----------------------------------------------------------------------


@pytest.mark.django_db
def test_first_run_reports_what_it_created():
    out = load(verbosity=1)
    assert "Divisions: 7 created, 0 updated, 0 unchanged" in out
    assert "Member states: 11 created, 0 updated, 0 unchanged" in out
    assert "FAQs: 10 created" in out
    assert len(out.strip().splitlines()) == 6  # one line per model


@pytest.mark.django_db
def test_verbosity_0_prints_nothing():
    assert load(verbosity=0) == ""


@pytest.mark.django_db
def test_verbosity_2_names_each_row():
    out = load(verbosity=2)
    assert "Divisions: created office-of-the-secretary-general" in out


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


def test_no_challenge_counts_ten_member_states(seeded):
    """The article predates Timor-Leste's admission; the loader corrects "all ten"."""
    bodies = SiteSection.objects.filter(kind="challenge").values_list("body", flat=True)
    assert not any("ten ASEAN Member States" in body for body in bodies)
    assert SiteSection.objects.get(slug="challenge-balancing-national-interests").body == (
        "Aligning the diverse interests and priorities of all ASEAN Member States remains a "
        "complex undertaking."
    )


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
                texts.extend(value for value in row if value)
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
    assert states["timor-leste"].joined_on == datetime.date(2025, 10, 26)
    assert states["brunei-darussalam"].joined_on == datetime.date(1984, 1, 7)
    assert states["viet-nam"].name == "Viet Nam"
    founders = {s.iso_code for s in states.values() if s.joined_on == datetime.date(1967, 8, 8)}
    assert founders == {"ID", "MY", "PH", "SG", "TH"}


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
        assert 2 <= len(milestones) <= 4, initiative
        assert initiative.progress is not None
        states = set(initiative.member_states.all())
        assert len(states) >= 10, initiative
        if timor_leste in states:
            # Only plans that start after its admission on 26 October 2025.
            assert initiative.start_date > datetime.date(2025, 10, 26), initiative
        assert initiative.lead_division not in initiative.supporting_divisions.all()
        if initiative.status == Initiative.Status.COMPLETED:
            assert initiative.end_date and initiative.end_date < timezone.localdate()
    assert 5 <= initiatives.filter(featured=True).count() <= 7
    window = initiatives.get(slug="asean-single-window")
    assert window.lead_division.slug == "economic-community-department"
    assert window.status == "ongoing"
    assert window.start_date == datetime.date(2005, 1, 1)


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


# --- idempotency and staff edits -----------------------------------------------------------


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
    stamp = window.updated_at

    out = load(verbosity=1)

    division = Division.objects.get(slug="economic-community-department")
    assert division.summary.startswith("Works towards realizing")
    window.refresh_from_db()
    assert window.topics.count() == 2
    assert window.milestones.count() == 4
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


def test_existing_member_states_are_left_alone(db):
    MemberStateFactory(slug="viet-nam", name="Vietnam", iso_code="VN")
    out = load(verbosity=1)
    assert MemberState.objects.get(slug="viet-nam").name == "Vietnam"
    assert MemberState.objects.count() == 11
    assert "Member states: 10 created, 0 updated, 0 unchanged, 1 kept" in out


def test_a_row_whose_slug_staff_changed_is_not_duplicated(seeded, staff):
    Topic.objects.filter(slug="energy").update(slug="energy-security", updated_by=staff)
    load()
    assert Topic.objects.filter(name="Energy").count() == 1
    apaec = Initiative.objects.get(slug="apaec-2016-2025")
    assert apaec.topics.filter(slug="energy-security").exists()


def test_all_or_nothing(db, monkeypatch):
    broken = [*data.INITIATIVES, {**data.INITIATIVES[0], "slug": "broken", "topics": ["nope"]}]
    monkeypatch.setattr(data, "INITIATIVES", broken)
    with pytest.raises(CommandError, match="unknown reference “nope”"):
        load()
    for model in [*CONTENT_MODELS, MemberState, Milestone]:
        assert not model.objects.exists(), model


def test_a_stale_correction_is_reported(db, monkeypatch):
    monkeypatch.setattr(data, "TEXT_CORRECTIONS", [("no such words", "x", "test")])
    with pytest.raises(CommandError, match="no such words"):
        load()
    assert not Division.objects.exists()


def test_text_that_looks_like_the_publishers_contact_is_refused(db, monkeypatch):
    monkeypatch.setattr(data, "CONTACT", {**data.CONTACT, "body": "Call 0369020373."})
    with pytest.raises(CommandError, match="publisher"):
        load()
    assert not SiteSection.objects.exists()


@pytest.mark.django_db
def test_each_loaded_item_has_exactly_one_revision():
    from initiatives.models import Initiative
    from seed.loader import load_seed_content

    load_seed_content()
    initiative = Initiative.objects.get(slug="asean-single-window")
    revisions = list(initiative.history.all())
    assert len(revisions) == 1
    assert revisions[0].history_change_reason == "Loaded from the seed content"
    assert revisions[0].history_type == "+"
