"""The public record of changes: an item's first publication and its major changes (with
their notes) are recorded whatever route publishes them; minor changes are silent; a note
travels with a draft until a Publisher publishes it; a scheduled publication counts when it
goes live. Pages show "Published … · Last updated …" and their history; /updates/ and its
feed list the changes; the initiative feeds' <updated> is the last public change."""

import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Initiative
from publishing import changes
from publishing.content import State
from publishing.models import Draft, PublicChange
from tests.admin_forms import admin_url as url
from tests.admin_forms import assert_saved, edit
from tests.factories import DivisionFactory, InitiativeFactory, TopicFactory

pytestmark = pytest.mark.django_db

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def notes(item):
    return [
        (c.note, c.first)
        for c in PublicChange.objects.filter(object_id=item.pk, content_type__model="initiative")
    ]


def live(item):
    return type(item).objects.get(pk=item.pk)


# --- recording -------------------------------------------------------------------------


def test_first_publication_is_recorded_once_whatever_the_route():
    draft = InitiativeFactory(draft=True)
    assert notes(draft) == []
    draft.state = State.PUBLISHED
    draft.save()
    assert notes(draft) == [("First published.", True)]
    draft.title = "Renamed"
    draft.save()  # a later save, or unpublishing and publishing again, adds nothing
    draft.state = State.DRAFT
    draft.save()
    draft.state = State.PUBLISHED
    draft.save()
    assert notes(draft) == [("First published.", True)]
    division, topic = DivisionFactory(), TopicFactory()
    assert PublicChange.objects.filter(object_id=division.pk, first=True).exists()
    assert PublicChange.objects.filter(object_id=topic.pk, first=True).exists()


def test_the_bulk_publish_action_records_the_first_publication(publisher_client):
    item = InitiativeFactory(draft=True)
    response = publisher_client.post(
        url(Initiative, "changelist"), {"action": "publish", "_selected_action": [item.pk]}
    )
    assert response.status_code == 302
    assert notes(item) == [("First published.", True)]


def test_a_scheduled_publication_counts_when_it_goes_live(client):
    later = timezone.now() + datetime.timedelta(days=3)
    item = InitiativeFactory(publish_at=later)
    (entry,) = PublicChange.objects.filter(object_id=item.pk, content_type__model="initiative")
    assert entry.published_at == later
    assert not changes.record_of(item)  # readers see nothing yet
    # Rescheduled before it went live: the record moves with it.
    sooner = timezone.now() + datetime.timedelta(days=1)
    item.publish_at = sooner
    item.save()
    entry.refresh_from_db()
    assert entry.published_at == sooner
    with time_machine.travel(sooner + datetime.timedelta(hours=1), tick=False):
        record = changes.record_of(item)
        assert record.first_published == sooner
        page = client.get(item.get_absolute_url()).content.decode()
        assert "Published <time" in page
        assert item.title in client.get(reverse("updates")).content.decode()


def test_a_publishers_major_change_is_recorded_with_its_note(publisher_client, client):
    item = InitiativeFactory(title="ASEAN Single Window")
    response = edit(
        publisher_client,
        item,
        summary="Paperless customs clearance.",
        change_kind="major",
        change_note="Added the 2024 roll-out to all Member States.",
    )
    assert_saved(response)
    assert notes(item) == [
        ("Added the 2024 roll-out to all Member States.", False),
        ("First published.", True),
    ]
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Page history" in page
    assert "Added the 2024 roll-out to all Member States." in page


def test_a_minor_change_is_not_announced(publisher_client):
    item = InitiativeFactory()
    assert_saved(edit(publisher_client, item, summary="Typo fixed.", change_kind="minor"))
    assert_saved(edit(publisher_client, item, summary="Typo fixed again."))  # minor by default
    assert live(item).summary == "Typo fixed again."
    assert notes(item) == [("First published.", True)]


@pytest.mark.parametrize("note", ["", "   "])
def test_a_major_change_needs_a_note_and_nothing_is_saved_without_one(publisher_client, note):
    item = InitiativeFactory(summary="As it was.")
    response = edit(
        publisher_client, item, summary="Changed.", change_kind="major", change_note=note
    )
    assert response.status_code == 200
    assert "A major change needs a note for readers" in response.content.decode()
    assert live(item).summary == "As it was."
    assert notes(item) == [("First published.", True)]


def test_a_nonsense_change_kind_is_a_form_error_not_a_500(publisher_client):
    item = InitiativeFactory(summary="As it was.")
    response = edit(publisher_client, item, summary="Changed.", change_kind="<script>")
    assert response.status_code == 200
    assert live(item).summary == "As it was."


def test_the_change_fields_appear_only_for_a_live_item(publisher_client):
    live_item, draft = InitiativeFactory(), InitiativeFactory(draft=True)
    field = 'name="change_note"'  # (the admin's menu names "Public change notes" on every page)
    assert field in publisher_client.get(url(Initiative, "change", live_item.pk)).content.decode()
    assert field not in publisher_client.get(url(Initiative, "change", draft.pk)).content.decode()


def test_the_note_travels_with_a_draft_until_a_publisher_publishes_it(
    editor_client, publisher_client, client
):
    item = InitiativeFactory(title="ASEAN Single Window")
    response = edit(
        editor_client,
        item,
        summary="Paperless customs clearance.",
        change_kind="major",
        change_note="Now covers paperless clearance.",
    )
    assert response.status_code == 302
    assert Draft.objects.get().change_note == "Now covers paperless clearance."
    assert notes(item) == [("First published.", True)]  # not live: readers are not told
    assert "Now covers paperless" not in client.get(item.get_absolute_url()).content.decode()
    # Reopened, the form shows the draft's note.
    form = editor_client.get(url(Initiative, "change", item.pk)).context["adminform"].form
    assert form["change_kind"].value() == "major"
    assert form["change_note"].value() == "Now covers paperless clearance."

    response = publisher_client.post(url(Initiative, "draft_action", item.pk, "publish"))

    assert response.status_code == 302
    assert notes(item) == [("Now covers paperless clearance.", False), ("First published.", True)]
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Now covers paperless clearance." in page


def test_a_draft_saved_again_as_minor_loses_its_note(editor_client, publisher_client):
    item = InitiativeFactory()
    edit(editor_client, item, summary="One.", change_kind="major", change_note="A note.")
    edit(editor_client, item, summary="Two.", change_kind="minor", change_note="")
    assert Draft.objects.get().change_note == ""
    publisher_client.post(url(Initiative, "draft_action", item.pk, "publish"))
    assert notes(item) == [("First published.", True)]


# --- what readers see ------------------------------------------------------------------


@pytest.mark.usefixtures("any_hour")
def test_the_page_says_published_and_last_updated_in_jakarta_time(client):
    first = timezone.now() - datetime.timedelta(days=40)
    with time_machine.travel(first, tick=False):
        item = InitiativeFactory()
    changes.record_major_change(item, "Corrected the end date.")
    page = client.get(item.get_absolute_url()).content.decode()
    published = timezone.localdate(first)
    today = timezone.localdate()
    assert (
        f'Published <time datetime="{timezone.localtime(first).isoformat()}">'
        f"{published.day} {published:%B %Y}</time> · Last updated"
    ) in page
    assert f'>{today.day} {today:%B %Y}</time> <span class="change-note">Corrected' in page


def test_a_page_never_updated_says_only_published(client):
    item = InitiativeFactory()
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Published <time" in page and "Last updated" not in page
    assert "First published." in page


def test_notes_are_text_never_markup(client):
    item = InitiativeFactory()
    changes.record_major_change(item, "<script>alert(1)</script> & more")
    page = client.get(item.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page


def test_updates_lists_reachable_changes_newest_first_with_links(client):
    old = InitiativeFactory(title="Older initiative")
    changes.record_major_change(old, "Changed the lead division.")
    hidden = InitiativeFactory(title="Withdrawn initiative")
    changes.record_major_change(hidden, "A note on something withdrawn.")
    hidden.state = State.DRAFT
    hidden.save()
    response = client.get(reverse("updates"))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<a href="{old.get_absolute_url()}">Older initiative</a>' in page
    assert "Changed the lead division." in page
    assert "Withdrawn initiative" not in page and "something withdrawn" not in page
    assert page.index("Changed the lead division.") < page.index("First published.")


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999", "1" * 40])
def test_updates_paging_never_fails(client, page):
    InitiativeFactory.create_batch(3)
    assert client.get(reverse("updates"), {"page": page}).status_code == 200


def test_updates_are_paginated(client):
    for item in InitiativeFactory.create_batch(21):
        changes.record_major_change(item, f"Note on {item.title}.")
    first = client.get(reverse("updates")).content.decode()
    assert first.count('class="change-note"') == 20
    assert 'rel="next"' in first
    second = client.get(reverse("updates"), {"page": "2"}).content.decode()
    assert second.count('class="change-note"') == 20


def test_the_updates_feed_is_atom_with_text_summaries(client):
    item = InitiativeFactory(title="A & B <initiative>")
    changes.record_major_change(item, "<b>Bold</b> claim & <script>x</script>")
    response = client.get(reverse("updates-feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall("a:entry", ATOM)
    titles = [e.find("a:title", ATOM).text for e in entries]
    assert titles[:2] == ["A & B <initiative>"] * 2  # then its division's first publication
    summary = entries[0].find("a:summary", ATOM)
    assert summary.get("type") == "text"
    assert summary.text == "<b>Bold</b> claim & <script>x</script>"  # the words, escaped in XML
    assert b"<script>" not in response.content
    link = entries[0].find("a:link", ATOM).get("href")
    assert link == f"http://testserver{item.get_absolute_url()}"
    ids = {e.find("a:id", ATOM).text for e in entries}
    assert len(ids) == len(entries)


def test_the_initiative_feeds_updated_is_the_last_public_change(client, publisher_client):
    published = timezone.now() - datetime.timedelta(days=10)
    with time_machine.travel(published, tick=False):
        item = InitiativeFactory()
    assert_saved(edit(publisher_client, item, summary="A minor fix."))  # updated_at: now
    feed = ET.fromstring(client.get(reverse("initiatives:feed")).content)
    (entry,) = feed.findall("a:entry", ATOM)
    updated = datetime.datetime.fromisoformat(entry.find("a:updated", ATOM).text)
    assert abs(updated - published) < datetime.timedelta(seconds=1)

    assert_saved(
        edit(publisher_client, item, summary="Big.", change_kind="major", change_note="Big news.")
    )
    feed = ET.fromstring(client.get(reverse("initiatives:feed")).content)
    (entry,) = feed.findall("a:entry", ATOM)
    updated = datetime.datetime.fromisoformat(entry.find("a:updated", ATOM).text)
    assert timezone.now() - updated < datetime.timedelta(minutes=5)
