"""Import and export of initiatives (with milestones), FAQs and divisions as CSV and JSON:
a dry run shows what would change, errors name the row and the field, and a file with one
bad row changes nothing."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from import_export.formats.base_formats import CSV, JSON

from divisions.models import Division
from faqs.models import FAQ
from initiatives.models import Initiative
from initiatives.resources import InitiativeResource
from partial_dates import PartialDate
from publishing.content import State
from tests.factories import (
    DivisionFactory,
    FAQFactory,
    InitiativeFactory,
    MemberStateFactory,
    MilestoneFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

FORMATS = {"csv": 0, "json": 1}  # positions in the admins' ``formats``


def url(model, view):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}")


def csv_file(*rows, header=None):
    header = header or list(rows[0])
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


def upload(client, model, content, name="initiatives.csv", fmt="csv"):
    """The first step: the dry run. Returns its response."""
    return client.post(
        url(model, "import"),
        {
            "format": FORMATS[fmt],
            "import_file": SimpleUploadedFile(name, content.encode(), "text/plain"),
            "resource": "0",
        },
    )


def confirm(client, model, dry_run):
    form = dry_run.context["confirm_form"]
    data = {name: form[name].value() for name in form.fields}
    return client.post(url(model, "process_import"), data)


@pytest.fixture(autouse=True)
def no_source_rule(settings):
    """These tests are about the file's round trip; a file cannot carry sources, so the
    rule that a new published initiative cites one is tested in test_import_publish_rule."""
    settings.PUBLISH_REQUIRES_SOURCE = False


@pytest.fixture
def catalogue():
    DivisionFactory(slug="economic", name="Economic Community Department")
    DivisionFactory(slug="external", name="External Relations Directorate")
    TopicFactory(slug="trade", name="Trade")
    TopicFactory(slug="digital", name="Digital economy")
    MemberStateFactory(slug="viet-nam", name="Viet Nam", iso_code="VN")


def row(**fields):
    return {
        "slug": "asean-single-window",
        "title": "ASEAN Single Window",
        "summary": "Customs clearance across member states.",
        "body": "Links the national single windows.",
        "lead_division": "economic",
        "supporting_divisions": "external",
        "pillar": "economic",
        "topics": "trade, digital",
        "member_states": "viet-nam",
        "status": "ongoing",
        "planned_start": "2019-01-01",
        "planned_end": "",
        "actual_start": "",
        "actual_end": "",
        "featured": "0",
        "milestones": "2020-06-30 | 2020-07-15 | Pilot\n2024 |  | Go live",
        "state": "published",
        "publish_at": "",
        "unpublish_at": "",
        "review_by": "2027-01-01",
        **fields,
    }


# --- export ---------------------------------------------------------------------------


def test_export_writes_initiatives_with_their_milestones_as_csv_and_json():
    initiative = InitiativeFactory(slug="asean-power-grid", topics=[TopicFactory(slug="energy")])
    MilestoneFactory(
        initiative=initiative,
        title="Study",
        planned=datetime.date(2021, 3, 31),
        reached=datetime.date(2021, 4, 2),
    )
    MilestoneFactory(initiative=initiative, title="Grid live", planned=PartialDate(2030))
    dataset = InitiativeResource().export()

    [data] = json.loads(JSON().export_data(dataset))
    assert data["slug"] == "asean-power-grid"
    assert data["topics"] == "energy"
    assert data["lead_division"] == initiative.lead_division.slug
    assert data["milestones"] == "2021-03-31 | 2021-04-02 | Study\n2030 |  | Grid live"
    assert (data["planned_start"], data["planned_end"]) == ("2020", "2025")
    assert "version" not in data and "created_by" not in data
    assert "2021-03-31 | 2021-04-02 | Study" in CSV().export_data(dataset)


def export_via_admin(client, model, fmt):
    """Open the export page, keep every field ticked, download."""
    page = client.get(url(model, "export"))
    assert page.status_code == 200
    data = {"format": FORMATS[fmt], "resource": "0"}
    data.update({name: "on" for name in page.context["form"].fields if "resource_" in name})
    response = client.post(url(model, "export"), data)
    assert response.status_code == 200
    return response


def test_export_through_the_admin(staff_client):
    InitiativeFactory(title="ASEAN Power Grid")
    response = export_via_admin(staff_client, Initiative, "json")
    assert response["Content-Type"].startswith("application/json")
    [exported] = json.loads(b"".join(response.streaming_content))
    assert exported["title"] == "ASEAN Power Grid"


# --- import -----------------------------------------------------------------------------


def test_dry_run_previews_and_changes_nothing_then_the_import_applies(staff_client, catalogue):
    dry_run = upload(staff_client, Initiative, csv_file(row()))

    assert dry_run.status_code == 200
    result = dry_run.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert [r.import_type for r in result.rows] == ["new"]
    assert "ASEAN Single Window" in dry_run.content.decode()  # the preview
    assert not Initiative.objects.exists()

    assert confirm(staff_client, Initiative, dry_run).status_code == 302

    initiative = Initiative.objects.get(slug="asean-single-window")
    assert initiative.state == State.PUBLISHED
    assert sorted(t.slug for t in initiative.topics.all()) == ["digital", "trade"]
    assert [s.slug for s in initiative.supporting_divisions.all()] == ["external"]
    assert [(m.title, m.planned, m.reached) for m in initiative.milestones.all()] == [
        ("Pilot", PartialDate(2020, 6, 30), PartialDate(2020, 7, 15)),
        ("Go live", PartialDate(2024), None),
    ]
    assert initiative.body_html == "<p>Links the national single windows.</p>"
    [revision] = Initiative.history.filter(id=initiative.pk)
    assert revision.history_change_reason == "Imported"
    assert len(revision.milestones_snapshot) == 2


def test_reimport_updates_by_slug_and_replaces_the_milestones(staff_client, catalogue):
    confirm(staff_client, Initiative, upload(staff_client, Initiative, csv_file(row())))
    pilot = Initiative.objects.get().milestones.get(title="Pilot")
    changed = row(summary="New summary.", milestones="2020-06-30 | 2020-07-15 | Pilot")

    dry_run = upload(staff_client, Initiative, csv_file(changed))
    assert [r.import_type for r in dry_run.context["result"].rows] == ["update"]
    confirm(staff_client, Initiative, dry_run)

    initiative = Initiative.objects.get()
    assert initiative.summary == "New summary."
    assert [m.pk for m in initiative.milestones.all()] == [pilot.pk]


def test_json_import(staff_client, catalogue):
    content = json.dumps([row(slug="from-json", title="From JSON")])
    dry_run = upload(staff_client, Initiative, content, name="initiatives.json", fmt="json")
    confirm(staff_client, Initiative, dry_run)
    assert Initiative.objects.get(slug="from-json").milestones.count() == 2


@pytest.mark.parametrize(
    ("bad", "field", "message"),
    [
        ({"lead_division": "nowhere"}, "lead_division", "There is no division “nowhere”."),
        ({"topics": "trade, no-such-topic"}, "topics", "There is no topic “no-such-topic”."),
        (
            {"milestones": "2024-13-01 |  | Bad"},
            "milestones",
            "line 1: the planned date “2024-13-01” is not a date (YYYY, YYYY-MM or YYYY-MM-DD).",
        ),
        ({"milestones": "2019-02-30 | | Bad"}, "milestones", "the planned date “2019-02-30”"),
        ({"milestones": "just words"}, "milestones", "line 1: write “planned | reached | title”"),
        ({"pillar": "military"}, "pillar", "not a valid choice"),
        (
            {"planned_end": "2001"},
            "planned_end",
            "The planned end (2001) is before its start (1 January 2019).",
        ),
        ({"planned_start": "yesterday"}, "planned_start", "“yesterday” is not a date: write"),
    ],
)
def test_one_bad_row_is_named_by_row_and_field_and_nothing_changes(
    staff_client, catalogue, bad, field, message
):
    InitiativeFactory(slug="existing", title="Existing title")
    good = row(slug="a-good-one", title="A good one")
    update = row(slug="existing", title="Changed by the file")
    broken = row(slug="the-bad-one", **bad)

    response = upload(staff_client, Initiative, csv_file(good, update, broken))

    result = response.context["result"]
    [invalid] = result.invalid_rows
    assert invalid.number == 3
    errors = invalid.field_specific_errors if field else {}
    text = " ".join(str(e) for e in (errors.get(field) if field else invalid.error_dict.values()))
    assert message in text, invalid.error_dict
    assert message.split("“")[0] in response.content.decode()
    assert "confirm_form" not in response.context
    assert not Initiative.objects.filter(slug__in=["a-good-one", "the-bad-one"]).exists()
    assert Initiative.objects.get(slug="existing").title == "Existing title"


def test_the_confirmed_import_is_all_or_nothing_if_the_data_changed_meanwhile(
    staff_client, catalogue
):
    dry_run = upload(
        staff_client,
        Initiative,
        csv_file(row(slug="first"), row(slug="second", lead_division="external")),
    )
    Division.objects.filter(slug="external").update(slug="renamed")  # between the two steps

    response = confirm(staff_client, Initiative, dry_run)

    assert response.status_code == 302
    assert not Initiative.objects.exists()


@pytest.mark.parametrize("content", ["", "not,a,file\n1,2", "{broken json"])
def test_an_unreadable_file_is_a_message_not_an_error(staff_client, content):
    fmt = "json" if content.startswith("{") else "csv"
    response = upload(staff_client, Initiative, content, fmt=fmt)
    assert response.status_code == 200
    assert not Initiative.objects.exists()


# --- who may import what ----------------------------------------------------------------


def test_an_editor_cannot_publish_by_importing(editor_client, catalogue):
    InitiativeFactory(slug="already-draft", draft=True)
    rows = [
        row(slug="new-one", state="published"),
        row(slug="already-draft", state="archived", publish_at="2030-01-01 00:00:00"),
    ]
    confirm(editor_client, Initiative, upload(editor_client, Initiative, csv_file(*rows)))

    states = dict(Initiative.objects.values_list("slug", "state"))
    assert states == {
        "new-one": State.DRAFT,  # lands as a draft
        "already-draft": State.DRAFT,
    }
    assert Initiative.objects.get(slug="already-draft").publish_at is None


def test_an_editors_import_cannot_change_a_live_item_and_then_changes_nothing(
    editor_client, catalogue
):
    live = InitiativeFactory(slug="already-live", title="Live")
    MilestoneFactory(initiative=live, title="Pilot", planned=datetime.date(2020, 6, 30))
    version = live.version
    rows = [
        row(slug="new-one"),
        row(slug="already-live", state="draft", title="Corrected", milestones=""),
    ]

    response = upload(editor_client, Initiative, csv_file(*rows))

    [invalid] = response.context["result"].invalid_rows
    assert invalid.number == 2
    errors = invalid.field_specific_errors
    assert {"title", "milestones"} <= set(errors)
    assert "only a Publisher may change it by importing" in str(errors["title"])
    assert "only a Publisher may change it by importing" in response.content.decode()
    assert "confirm_form" not in response.context
    live.refresh_from_db()
    assert (live.title, live.state, live.version) == ("Live", State.PUBLISHED, version)
    assert [m.title for m in live.milestones.all()] == ["Pilot"]
    assert not Initiative.objects.filter(slug="new-one").exists()


def test_an_editor_may_import_a_file_that_leaves_live_items_as_they_are(editor_client):
    live = InitiativeFactory(slug="already-live", title="Live", topics=[TopicFactory()])
    MilestoneFactory(initiative=live, title="Pilot", planned=datetime.date(2020, 6, 30))
    dataset = InitiativeResource().export()  # as a Publisher exported it
    new_row = row(slug="new-one", supporting_divisions="", topics="", member_states="")
    new_row["lead_division"] = live.lead_division.slug
    dataset.append([new_row[name] for name in dataset.headers])
    content = dataset.csv

    dry_run = upload(editor_client, Initiative, content)
    assert not dry_run.context["result"].invalid_rows, dry_run.context["result"].invalid_rows[0]
    response = confirm(editor_client, Initiative, dry_run)

    assert response.status_code == 302
    live.refresh_from_db()
    assert (live.title, live.version) == ("Live", 1)
    assert Initiative.objects.get(slug="new-one").state == State.DRAFT


def test_import_needs_add_and_change_permissions(client, member_client):
    for some_client in (client, member_client):
        assert some_client.get(url(Initiative, "import")).status_code == 302  # to login


# --- FAQs and divisions ----------------------------------------------------------------


def test_faqs_and_divisions_round_trip(staff_client):
    top = DivisionFactory(slug="osg", name="Office of the Secretary-General")
    DivisionFactory(slug="economic", name="Economic", parent=top)
    FAQFactory(
        slug="what-is-asean",
        question="What is ASEAN?",
        division=top,
        topics=[TopicFactory(slug="about")],
    )

    for model in (Division, FAQ):
        admin_export = export_via_admin(staff_client, model, "csv")
        content = (
            b"".join(admin_export.streaming_content)
            .decode()
            .replace("Economic", "Economic Community")
        )
        content = content.replace("What is ASEAN?", "What is ASEAN in short?")
        dry_run = upload(staff_client, model, content)
        assert not dry_run.context["result"].has_validation_errors(), model
        confirm(staff_client, model, dry_run)

    assert Division.objects.get(slug="economic").parent == top
    assert Division.objects.get(slug="economic").name == "Economic Community"
    faq = FAQ.objects.get(slug="what-is-asean")
    assert faq.question == "What is ASEAN in short?"
    assert [t.slug for t in faq.topics.all()] == ["about"]
