"""Search knows countries: a Member State named in the words (any of its names, any case,
with or without diacritics) narrows the search to the items that involve it and says so;
a name alone finds the state's page first; Member States are a facet with counts, chosen by
slug or ISO code."""

import pytest
from django.core.cache import cache

from caching.content_token import local_memory
from search.indexing import rebuild
from tests.factories import FAQFactory, InitiativeFactory, MemberStateFactory

from .search_helpers import facet, messages, search, titles, total

pytestmark = pytest.mark.django_db


@pytest.fixture
def states():
    viet_nam = MemberStateFactory(
        name="Viet Nam", slug="viet-nam", iso_code="VN", other_names="Vietnam\nVietnamese"
    )
    lao = MemberStateFactory(
        name="Lao PDR",
        slug="lao-pdr",
        iso_code="LA",
        other_names="Laos\nLao\nLao People's Democratic Republic",
    )
    timor = MemberStateFactory(
        name="Timor-Leste", slug="timor-leste", iso_code="TL", other_names="East Timor\nTimorese"
    )
    InitiativeFactory(title="Digital Masterplan", member_states=[viet_nam, lao])
    InitiativeFactory(title="Digital Payments", member_states=[lao])
    InitiativeFactory(title="Digital Skills", member_states=[viet_nam, timor])
    InitiativeFactory(title="Energy Plan", member_states=[viet_nam, lao, timor])
    FAQFactory(question="What is digital trade?", answer="Trade online.")
    rebuild()
    return {"viet_nam": viet_nam, "lao": lao, "timor": timor}


@pytest.mark.parametrize(
    "words", ["vietnam digital", "Viet Nam digital", "VIETNAMESE digital", "digital Việt Nam"]
)
def test_a_named_state_narrows_to_the_items_involving_it(client, states, words):
    response = search(client, q=words)
    assert sorted(titles(response)) == ["Digital Masterplan", "Digital Skills"]
    assert response.context["q"] == words  # the box keeps what was typed
    html = response.content.decode()
    assert "Showing results involving Viet Nam" in html
    everywhere = response.context["narrowed"].everywhere_url
    assert "everywhere=1" in everywhere
    assert f'href="{everywhere.replace("&", "&amp;")}"' in html
    assert "search all Member States instead" in html
    group = next(g for g in response.context["facets"] if g.name == "member_state")
    assert group.active == "Viet Nam"


def test_search_all_states_instead_does_not_narrow(client, states):
    response = search(client, q="vietnam digital", everywhere="1")
    assert response.context["narrowed"] is None
    # "vietnam" is then a word (with the state's other names), found in no item's text here:
    # the items with "digital" follow, as for any word nothing has.
    assert "Digital Payments" in titles(response)


def test_multi_word_names_and_the_longest_first(client, states):
    assert sorted(titles(search(client, q="lao pdr digital"))) == [
        "Digital Masterplan",
        "Digital Payments",
    ]
    assert titles(search(client, q="east timor digital")) == ["Digital Skills"]
    response = search(client, q="lao people's democratic republic energy")
    assert titles(response) == ["Energy Plan"]
    assert response.context["narrowed"].labels == ["Lao PDR"]


def test_a_name_alone_finds_the_states_page_first(client, states):
    for words in ("vietnam", "Viet Nam", "vietnamese", "laos", "east timor"):
        response = search(client, q=words)
        expected = {"vietnam": "Viet Nam", "viet nam": "Viet Nam", "vietnamese": "Viet Nam"}
        expected |= {"laos": "Lao PDR", "east timor": "Timor-Leste"}
        assert titles(response)[0] == expected[words.lower()], words
        assert response.context["narrowed"] is None


def test_a_quoted_name_is_only_words(client, states):
    response = search(client, q='"vietnam" digital')
    assert response.context["narrowed"] is None


def test_a_narrowed_search_that_finds_nothing_searches_everything(client, states):
    # No item involving Timor-Leste is about payments: then every item is searched, the
    # state's names being words like any other.
    response = search(client, q="east timor payments")
    assert response.context["narrowed"] is None
    assert "Digital Payments" in titles(response)


def test_member_states_are_a_facet_with_counts_by_slug_or_iso_code(client, states):
    response = search(client, q="digital")
    assert facet(response, "member_state") == {"Lao PDR": 2, "Viet Nam": 2, "Timor-Leste": 1}
    for value in ("viet-nam", "vn", "VN"):
        narrowed = search(client, q="digital", member_state=value)
        assert sorted(titles(narrowed)) == ["Digital Masterplan", "Digital Skills"], value
    # A state chosen in the filter: a name in the words is then only words.
    both = search(client, q="laos digital", member_state="vn")
    assert both.context["narrowed"] is None
    bad = search(client, expected_status=400, q="digital", member_state="atlantis")
    assert any("There is no member state “atlantis”" in m for m in messages(bad))
    assert total(bad) == 4  # the search still runs, without the bad filter


def test_recognising_names_costs_no_query_while_nothing_changes(
    client, states, django_assert_num_queries, settings
):
    settings.PAGE_CACHE_ENABLED = False
    settings.SEARCH_CACHE_SECONDS = 0  # the engines' answers are not cached
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(**params):
        with CaptureQueriesContext(connection) as ctx:
            search(client, **params)
        return len(ctx.captured_queries)

    cache.clear()
    local_memory.clear()
    queries(q="digital")
    plain = queries(q="digital")
    # Narrowed: the same queries as the words alone, with the filter (the names are kept
    # per content token, the state's label comes with the facet labels).
    assert queries(q="vietnam digital") == queries(q="digital", member_state="viet-nam") - 1
    assert plain == queries(q="energy")


def test_a_typo_beside_a_name_is_corrected_and_the_name_kept(client, states):
    response = search(client, q="vietnam digitl")
    assert sorted(titles(response)) == ["Digital Masterplan", "Digital Skills"]
    assert response.context["search"].suggestion == "Viet Nam digital"
