"""An initiative page's three link lists, read by its slug (``initiatives.reads.LINKS``):
the published supporting divisions, topics and Member States, each in its model's order,
as the page shows them."""

import datetime

import pytest
from django.utils import timezone

from initiatives.reads import LINKS
from tests.factories import DivisionFactory, InitiativeFactory, MemberStateFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative():
    later = timezone.now() + datetime.timedelta(days=2)
    return InitiativeFactory(
        supporting_divisions=[
            DivisionFactory(name="Zeta Unit", slug="zeta", order=1),
            DivisionFactory(name="Beta Unit", slug="beta", order=2),
            DivisionFactory(name="Alpha Unit", slug="alpha", order=2),
            DivisionFactory(name="Draft Unit", slug="draft-unit", draft=True),
        ],
        topics=[
            TopicFactory(name="Trade", slug="trade"),
            TopicFactory(name="Health", slug="health"),
            TopicFactory(name="Later", slug="later", publish_at=later),
        ],
        member_states=[
            MemberStateFactory(name="Viet Nam", slug="viet-nam", iso_code="VN"),
            MemberStateFactory(name="Brunei Darussalam", slug="brunei", iso_code="BN"),
            MemberStateFactory(name="Hidden", slug="hidden", iso_code="XX", draft=True),
        ],
    )


def test_each_list_holds_its_published_rows_in_its_models_order(initiative):
    supporting, topics, member_states = LINKS.rows(initiative.slug, timezone.now())
    # Divisions by their order, then name; topics and Member States by name.
    assert [(d.name, d.slug) for d in supporting] == [
        ("Zeta Unit", "zeta"),
        ("Alpha Unit", "alpha"),
        ("Beta Unit", "beta"),
    ]
    assert [t.name for t in topics] == ["Health", "Trade"]
    assert [s.name for s in member_states] == ["Brunei Darussalam", "Viet Nam"]
    assert [t.get_absolute_url() for t in topics] == ["/topics/health/", "/topics/trade/"]
    # The same rows as the ORM's published relations, instance for instance.
    assert supporting == list(initiative.supporting_divisions.published())
    assert member_states == list(initiative.member_states.published().order_by("name"))
    later = timezone.now() + datetime.timedelta(days=3)
    assert [t.name for t in LINKS.rows(initiative.slug, later)[1]] == ["Health", "Later", "Trade"]


def test_an_initiative_without_links_has_three_empty_lists():
    alone = InitiativeFactory(supporting_divisions=[], topics=[], member_states=[])
    assert LINKS.rows(alone.slug, timezone.now()) == ([], [], [])


def test_the_page_shows_the_lists(client, initiative):
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert html.index('href="/divisions/zeta/"') < html.index('href="/divisions/alpha/"')
    assert html.index(">Health</a>") < html.index(">Trade</a>")
    assert ">Brunei Darussalam</a>, <a" in html
    assert 'href="/member-states/brunei/"' in html
    for hidden in ("draft-unit", "/topics/later/", "/member-states/hidden/"):
        assert hidden not in html
