"""Search that answers: no dead ends (the items matching most of the words), questions read
as questions, synonyms beside the acronyms, archived items kept and labelled, help when
nothing is found, and the public glossary."""

import pytest
from django.urls import reverse

from publishing.content import State
from search.models import Synonym
from search.query import parse
from tests.factories import FAQFactory, InitiativeFactory, TopicFactory

from .search_helpers import search, titles, total

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    TopicFactory(name="Disaster management", slug="disaster-management")
    InitiativeFactory(
        title="Disaster Response Work Programme",
        summary="Joint response to emergencies in the region.",
        body="Risk reduction and preparedness.",
    )
    InitiativeFactory(
        title="Fisheries Plan", summary="Fish stocks.", body="Response to overfishing."
    )
    FAQFactory(question="Where is the Secretariat located?", answer="In Jakarta, Indonesia.")
    FAQFactory(question="Who leads the Secretariat?", answer="The Secretary-General.")


def test_no_item_has_every_word_but_the_items_matching_most_of_them_are_shown(client, content):
    response = search(client, q="disaster response fisheries preparedness")
    assert response.context["search"].with_every_word == 0
    # Three of the four words (title, title, body) before one word of them.
    assert titles(response)[0] == "Disaster Response Work Programme"
    assert "Fisheries Plan" in titles(response)
    assert "No item has every word; these match most of them." in response.content.decode()


def test_few_items_with_every_word_come_first_and_say_so(client, content):
    response = search(client, q="response fish")
    assert response.context["search"].with_every_word == 1
    assert titles(response)[0] == "Fisheries Plan"
    assert "Only 1 item has every word" in response.content.decode()


def test_a_title_match_outranks_a_body_match_among_partial_matches(client, content):
    response = search(client, q="response nonexistentword")
    assert titles(response)[:2] == ["Disaster Response Work Programme", "Fisheries Plan"]


def test_question_words_and_filler_need_not_match(client, content):
    query = parse("who is in charge of the secretariat please")
    assert [c.typed.text for c in query.clauses] == ["secretariat"]
    assert query.question == "who"
    assert titles(search(client, q="where is the secretariat"))[0] == (
        "Where is the Secretariat located?"
    )
    assert titles(search(client, q="who is the secretariat's head"))[0] == (
        "Who leads the Secretariat?"
    )


def test_only_filler_is_searched_as_typed(client):
    InitiativeFactory(title="Responsible fishing")
    assert titles(search(client, q="responsible")) == ["Responsible fishing"]


def test_synonyms_find_the_portals_words_both_ways(client, content):
    Synonym.objects.update_or_create(
        words="disaster", defaults={"also_finds": "flood, typhoon, earthquake, emergency"}
    )
    response = search(client, q="floods and typhoons")
    assert "Disaster Response Work Programme" in titles(response)[:2]
    assert "also finds" in response.content.decode()
    InitiativeFactory(title="Typhoon Early Warning")
    assert "Typhoon Early Warning" in titles(search(client, q="disaster"))


def test_trade_facilitation_reaches_the_single_window(client):
    InitiativeFactory(
        title="ASEAN Single Window", summary="Trade documents exchanged electronically."
    )
    InitiativeFactory(title="Trade Facilitation Framework", summary="Trade rules.")
    found = titles(search(client, q="trade facilitation"))
    assert "ASEAN Single Window" in found[:3]


def test_staff_add_a_synonym_and_it_is_checked(staff_client):
    InitiativeFactory(title="Haze Monitoring")
    url = reverse("admin:asean_portal_synonym_add")
    response = staff_client.post(url, {"words": "Smoke", "also_finds": " haze , ", "note": ""})
    assert response.status_code == 302
    assert Synonym.objects.get(words="smoke").also_finds == "haze"
    assert titles(search(staff_client, q="smoke")) == ["Haze Monitoring"]
    response = staff_client.post(url, {"words": "fog", "also_finds": "fog", "note": ""})
    assert "Write at least one other word" in response.content.decode()
    response = staff_client.post(url, {"words": "SMOKE", "also_finds": "fire", "note": ""})
    assert "There is already a synonym entry" in response.content.decode()


def test_archived_items_stay_in_search_labelled_and_can_be_left_out(client):
    InitiativeFactory(title="Fisheries Plan 2010", state=State.ARCHIVED)
    InitiativeFactory(title="Fisheries Plan 2030")
    response = search(client, q="fisheries")
    assert set(titles(response)) == {"Fisheries Plan 2010", "Fisheries Plan 2030"}
    archived = {
        h.title.replace("\x02", "").replace("\x03", ""): h.archived
        for h in response.context["hits"]
    }
    assert archived == {"Fisheries Plan 2010": True, "Fisheries Plan 2030": False}
    html = response.content.decode()
    assert html.count('<strong class="archived-label">Archived</strong>') == 1
    assert 'name="current" value="1"' in html and "Leave out archived items" in html
    current = search(client, q="fisheries", current="1")
    assert titles(current) == ["Fisheries Plan 2030"]
    assert total(current) == 1
    assert 'id="search-current" type="checkbox" name="current" value="1" checked' in (
        current.content.decode()
    )


def test_an_archived_page_keeps_its_notice(client):
    initiative = InitiativeFactory(title="Fisheries Plan 2010", state=State.ARCHIVED)
    response = client.get(initiative.get_absolute_url())
    assert response.status_code == 200
    assert "rchived" in response.content.decode()


def test_nothing_found_offers_similar_words_related_topics_and_browse_links(client, content):
    response = search(client, q="zzqx disastre")
    assert titles(response) == []
    html = response.content.decode()
    assert "Related topics" in html and "Disaster management" in html
    assert "Browse instead" in html and reverse("glossary") in html
    assert 'aria-label="Refine the search"' not in html  # no empty facet blocks


def test_the_glossary_page_lists_acronyms_and_synonyms(client):
    Synonym.objects.update_or_create(words="women", defaults={"also_finds": "gender, girls"})
    response = client.get(reverse("glossary"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<abbr>AADMER</abbr>" in html  # seeded by a migration
    assert "women" in html and "gender, girls" in html
    sitemap = client.get("/sitemap-glossary.xml").content.decode()
    assert "/glossary/</loc>" in sitemap
    assert "sitemap-glossary.xml" in client.get("/sitemap.xml").content.decode()
