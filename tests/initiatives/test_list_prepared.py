"""The initiatives list read by prepared queries (``public.prepared_lists``) gives the rows
the ORM's filtered queryset gives: each filter alone and together, every page from the start
and from the end, with drafts, scheduled and archived initiatives left out."""

import datetime

import pytest
from django.db.models import Q
from django.test import RequestFactory
from django.utils import timezone

from initiatives import filters
from initiatives.filters import InitiativeFilter
from initiatives.models import Initiative
from initiatives.views import card_rows
from public.listing import RememberingPaginator
from public.prepared_lists import PreparedRows, prepared_rows
from tests.factories import DivisionFactory, InitiativeFactory, MemberStateFactory

pytestmark = pytest.mark.django_db

FILTERS = [
    {},
    {"topic": "trade"},
    {"division": "economic"},
    {"lead_division": "socio-cultural"},
    {"status": "ongoing"},
    {"pillar": "economic"},
    {"member_state": "vn"},
    {"topic": "health", "division": "economic", "status": "completed"},
    {"q": "the of"},  # words too common to search for: they change nothing
]


@pytest.fixture
def catalogue(taxonomy):
    viet_nam = MemberStateFactory(slug="viet-nam", name="Viet Nam", iso_code="VN")
    divisions, topics = [taxonomy.econ, taxonomy.socio], [taxonomy.trade, taxonomy.health]
    statuses = ["planned", "ongoing", "completed"]
    for n in range(23):
        InitiativeFactory(
            # Some titles repeat: the id breaks the tie, forwards and backwards.
            title=f"Plan {n % 9:02}",
            lead_division=divisions[n % 2],
            supporting_divisions=[divisions[(n + 1) % 2]] if n % 3 == 0 else [],
            topics=topics[: n % 3],
            status=statuses[n % 3],
            pillar=["economic", "socio-cultural"][n % 2],
            member_states=[viet_nam] if n % 4 else [],
        )
    later = timezone.now() + datetime.timedelta(days=1)
    InitiativeFactory(title="Plan 00 scheduled", publish_at=later, topics=topics)
    InitiativeFactory(title="Plan 00 draft", state="draft", topics=topics)
    InitiativeFactory(title="Plan 00 archived", state="archived", topics=topics)
    return taxonomy


def filtered(data):
    request = RequestFactory().get("/initiatives/", data)
    queryset = card_rows(timezone.now())
    return InitiativeFilter(request.GET or None, queryset=queryset, request=request)


@pytest.mark.parametrize(("case", "data"), list(enumerate(FILTERS)))
def test_every_page_is_the_orms(catalogue, case, data):
    filterset = filtered(data)
    expected = [row.pk for row in filterset.qs]
    rows = prepared_rows("test", filterset, card_rows, leave_out={"q"})
    assert isinstance(rows, PreparedRows)
    assert rows.count() == len(expected)
    assert expected  # each filter finds something to compare
    for per_page in (1, 4, 10):
        paginator = RememberingPaginator(rows, per_page, f"count:test:{case}:{per_page}")
        shown = [row.pk for n in paginator.page_range for row in paginator.page(n).object_list]
        assert shown == expected, per_page
    # Read from the end: the last rows, in the list's order.
    assert [row.pk for row in rows.reverse()[0:3]] == expected[::-1][:3]


def test_drafts_scheduled_and_archived_are_never_read(catalogue):
    rows = prepared_rows("test", filtered({"topic": "trade"}), card_rows)
    titles = [row.title for row in rows[0:100]]
    assert titles and not [t for t in titles if t.startswith("Plan 00 ")]


def test_the_page_reads_the_prepared_rows_and_draws_the_same_cards(client, settings, catalogue):
    """The view's pages (with their card topics) are the ORM's rows, in its order."""
    settings.INITIATIVES_PER_PAGE = size = 4
    for data in FILTERS[:4]:
        expected = [row.title for row in filtered(data).qs]
        assert len(expected) > size
        for number in (1, 2, -1):
            page = number if number > 0 else (len(expected) - 1) // size + 1
            response = client.get("/initiatives/", {**data, "page": page})
            shown = [row.title for row in response.context["page_obj"].object_list]
            assert shown == expected[(page - 1) * size : page * size], (data, page)


@pytest.fixture
def small_division(catalogue):
    """A division in 3 of the 26 published initiatives (leading two, supporting one; 4 of
    the 30 initiatives with a draft it leads), counted as one with few: under 1 in 5."""
    small = DivisionFactory(slug="small", name="Small Unit")
    for title in ("Plan 04", "Plan 01"):
        InitiativeFactory(title=title, lead_division=small, topics=[catalogue.trade])
    InitiativeFactory(title="Plan 02", lead_division=catalogue.econ, supporting_divisions=[small])
    InitiativeFactory(title="Plan 02 draft", lead_division=small, state="draft")
    return small


def involving_by_join(division):
    """The rows a division's list shows, worked out the plain way: a join, made distinct."""
    rows = Initiative.objects.published().filter(
        Q(lead_division=division) | Q(supporting_divisions=division)
    )
    return list(rows.distinct().order_by("title", "pk").values_list("pk", flat=True))


def test_both_ways_of_reading_a_division_give_its_rows(catalogue, small_division):
    for division in (catalogue.econ, catalogue.socio, small_division):
        expected = involving_by_join(division)
        assert expected
        for few in (False, True):
            rows = card_rows(timezone.now()).involving(division, few=few)
            assert list(rows.values_list("pk", flat=True)) == expected, (division, few)
            assert [row.pk for row in rows.reverse()[:2]] == expected[::-1][:2]


def test_a_division_with_few_initiatives_is_read_ids_first(
    client, settings, monkeypatch, catalogue, small_division
):
    monkeypatch.setattr(filters, "FEW_SHARE", 5)
    assert filters.involves_few(small_division)
    assert not filters.involves_few(catalogue.econ)  # in most of the 26
    # The prepared path is for the walk; the few are read by the ORM, ids first.
    assert prepared_rows("test", filtered({"division": "small"}), card_rows) is None
    assert "UNION" in str(filtered({"division": "small"}).qs.query)
    assert isinstance(
        prepared_rows("test", filtered({"division": "economic"}), card_rows), PreparedRows
    )
    assert "UNION" not in str(filtered({"division": "economic"}).qs.query)
    settings.INITIATIVES_PER_PAGE = 2
    for slug, division in (("small", small_division), ("economic", catalogue.econ)):
        expected = involving_by_join(division)
        for page in (1, 2):
            response = client.get("/initiatives/", {"division": slug, "page": page})
            shown = [row.pk for row in response.context["page_obj"].object_list]
            assert shown == expected[(page - 1) * 2 : page * 2], (slug, page)
    # Combined with another filter, the few are still read ids first.
    response = client.get("/initiatives/", {"division": "small", "topic": "trade"})
    titles = [row.title for row in response.context["page_obj"].object_list]
    assert titles == ["Plan 01", "Plan 04"]


def test_the_shares_follow_what_is_published(catalogue, small_division, monkeypatch):
    monkeypatch.setattr(filters, "FEW_SHARE", 5)
    assert filters.involves_few(small_division)
    for n in range(3):  # now in 7 of the 33 initiatives: more than 1 in 5
        InitiativeFactory(title=f"Small {n}", lead_division=small_division)
    assert not filters.involves_few(small_division)
