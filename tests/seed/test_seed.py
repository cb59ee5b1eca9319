"""``manage.py load_seed_content``: the parser, what the command reports, and how it fails
(into an empty database). What it loaded, and loading again: test_seeded_content.py."""

from pathlib import Path

import pytest
from django.core.management import CommandError

import seed
from divisions.models import Division
from initiatives.models import Initiative, Milestone
from member_states.models import MemberState
from pages.models import SiteSection
from seed import data
from seed.parser import (
    SEED_TEXT_PATH,
    SeedFormatError,
    load_document,
    parse_seed,
    read_seed_text,
)
from tests.factories import MemberStateFactory, UserFactory
from tests.seed.loading import ARTICLE_QUESTIONS, CONTENT_MODELS, PUBLISHER_CONTACT, load

# --- the parser ---------------------------------------------------------------------------


def test_the_seed_text_ships_inside_the_project():
    from django.conf import settings

    assert SEED_TEXT_PATH.parent == Path(seed.__file__).resolve().parent  # beside its loader
    assert SEED_TEXT_PATH.is_relative_to(settings.BASE_DIR)
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
    assert f"Sources: {len(data.SOURCES)} created" in out
    assert len(out.strip().splitlines()) == 7  # one line per model


@pytest.mark.django_db
def test_verbosity_0_prints_nothing():
    assert load(verbosity=0) == ""


@pytest.mark.django_db
def test_verbosity_2_names_each_row():
    out = load(verbosity=2)
    assert "Divisions: created office-of-the-secretary-general" in out


# --- idempotency and staff edits -----------------------------------------------------------


def test_member_states_edited_by_staff_are_left_alone(db):
    # Member States are content: one a staff member saved keeps its edits.
    MemberStateFactory(slug="viet-nam", name="Vietnam", iso_code="VN", updated_by=UserFactory())
    out = load(verbosity=1)
    assert MemberState.objects.get(slug="viet-nam").name == "Vietnam"
    assert MemberState.objects.count() == 11
    assert "Member states: 10 created, 0 updated, 0 unchanged, 1 kept" in out


def test_all_or_nothing(db, monkeypatch):
    broken = [*data.INITIATIVES, {**data.INITIATIVES[0], "slug": "broken", "topics": ["nope"]}]
    monkeypatch.setattr(data, "INITIATIVES", broken)
    with pytest.raises(CommandError, match="unknown reference “nope”"):
        load()
    for model in [*CONTENT_MODELS, MemberState, Milestone]:
        assert not model.objects.exists(), model


def test_an_unknown_source_is_reported_and_nothing_is_written(db, monkeypatch):
    broken = [{**data.INITIATIVES[0], "sources": [("no-such-source", "")]}]
    monkeypatch.setattr(data, "INITIATIVES", broken)
    with pytest.raises(CommandError, match="unknown source “no-such-source”"):
        load()
    assert not Division.objects.exists()


def test_text_that_looks_like_the_publishers_contact_is_refused(db, monkeypatch):
    monkeypatch.setattr(data, "CONTACT", {**data.CONTACT, "body": "Call 0369020373."})
    with pytest.raises(CommandError, match="publisher"):
        load()
    assert not SiteSection.objects.exists()


@pytest.mark.django_db
def test_each_loaded_item_has_exactly_one_revision():
    from seed.loader import load_seed_content

    load_seed_content()
    initiative = Initiative.objects.get(slug="asean-single-window")
    revisions = list(initiative.history.all())
    assert len(revisions) == 1
    assert revisions[0].history_change_reason == "Loaded from the seed content"
    assert revisions[0].history_type == "+"
