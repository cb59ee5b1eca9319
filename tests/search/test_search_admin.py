"""Staff keep the acronym glossary and read the queries that found nothing."""

import datetime

import pytest
from django.urls import reverse

from search.models import GlossaryEntry, MissedQuery, SearchDocument
from tests.factories import InitiativeFactory

from .search_helpers import search, titles

pytestmark = pytest.mark.django_db


def test_staff_add_a_glossary_entry_and_search_uses_it_at_once(staff_client):
    InitiativeFactory(title="Narcotics Control Work Plan")
    response = staff_client.post(
        reverse("admin:asean_portal_glossaryentry_add"),
        {"acronym": "NCWP", "expansion": "Narcotics Control Work Plan", "note": ""},
    )
    assert response.status_code == 302
    assert titles(search(staff_client, q="ncwp")) == ["Narcotics Control Work Plan"]


@pytest.mark.parametrize(
    ("acronym", "expansion", "error"),
    [
        ("AE C", "ASEAN Economic Community", "one word"),
        ("AEC!", "ASEAN Economic Community", "one word"),
        ("XYZ", "Single", "two words or more"),
        ("ABC", "The ABC Group", "cannot contain the acronym"),
        ("aec", "Another Economic Community", "already has this acronym"),
    ],
)
def test_glossary_entries_are_checked(staff_client, acronym, expansion, error):
    GlossaryEntry.objects.update_or_create(
        acronym="AEC", defaults={"expansion": "ASEAN Economic Community"}
    )
    response = staff_client.post(
        reverse("admin:asean_portal_glossaryentry_add"),
        {"acronym": acronym, "expansion": expansion, "note": ""},
    )
    assert response.status_code == 200
    assert error in response.content.decode()


def test_glossary_changelist_searches(staff_client):
    GlossaryEntry.objects.update_or_create(
        acronym="MPAC", defaults={"expansion": "Master Plan on ASEAN Connectivity"}
    )
    response = staff_client.get(
        reverse("admin:asean_portal_glossaryentry_changelist"), {"q": "connect"}
    )
    assert "MPAC" in response.content.decode()


def test_misses_are_listed_newest_and_most_asked_first_and_are_read_only(staff_client):
    today = datetime.date(2026, 5, 2)
    MissedQuery.objects.create(text="visa", day=today, count=2)
    MissedQuery.objects.create(text="embassy", day=today, count=9)
    MissedQuery.objects.create(text="passport", day=today - datetime.timedelta(days=1), count=30)
    url = reverse("admin:asean_portal_missedquery_changelist")
    html = staff_client.get(url).content.decode()
    assert html.index("embassy") < html.index("visa") < html.index("passport")
    assert 'href="/search/?q=embassy"' in html
    assert staff_client.get(reverse("admin:asean_portal_missedquery_add")).status_code == 403
    miss = MissedQuery.objects.get(text="visa")
    change = staff_client.get(reverse("admin:asean_portal_missedquery_change", args=[miss.pk]))
    assert change.status_code == 200 and 'name="_save"' not in change.content.decode()
    deleted = staff_client.post(
        url, {"action": "delete_selected", "_selected_action": [miss.pk], "post": "yes"}
    )
    assert deleted.status_code == 302 and not MissedQuery.objects.filter(text="visa").exists()


def test_the_index_can_be_looked_at_but_not_changed(staff_client):
    InitiativeFactory(title="Green Jobs")
    document = SearchDocument.objects.get(kind="initiative")
    url = reverse("admin:asean_portal_searchdocument_changelist")
    assert "Green Jobs" in staff_client.get(url, {"q": "green"}).content.decode()
    change = reverse("admin:asean_portal_searchdocument_change", args=[document.pk])
    assert staff_client.post(change, {"title": "Changed"}).status_code == 403
