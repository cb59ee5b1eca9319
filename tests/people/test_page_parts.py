"""The page-part hook (``public.page_parts``): an app shows its data on another type's page
without that type's app importing it, loaded for a whole batch in a fixed number of
queries, in the parts' order, and only for the objects the load returns."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from divisions.models import Division
from people.parts import division_heads
from public.page_parts import page_parts
from tests.factories import AppointmentFactory, DivisionFactory, PersonFactory, RoleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contributed(tmp_path, settings):
    (tmp_path / "part_a.html").write_text("[A {{ object.slug }} {{ note }}]")
    (tmp_path / "part_b.html").write_text("[B]")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    parts = [
        page_parts.contribute(
            Division, "test-slot", "part_b.html", lambda objs: {o.pk: {} for o in objs}, order=2
        ),
        page_parts.contribute(
            Division,
            "test-slot",
            "part_a.html",
            lambda objs: {o.pk: {"note": "x"} for o in objs[:1]},
            order=1,
        ),
    ]
    yield
    for part in parts:
        page_parts.remove(part)


def test_parts_render_in_order_for_the_objects_their_load_returns(contributed):
    first, second = DivisionFactory(slug="first"), DivisionFactory(slug="second")
    rendered = page_parts.render([first, second], "test-slot")
    assert rendered[first.pk] == "[A first x][B]"
    assert rendered[second.pk] == "[B]"
    assert page_parts.render([first], "no-such-slot") == {}


def test_the_template_tags_fill_a_slot_and_keep_the_hosts_fallback(contributed):
    division = DivisionFactory(slug="host")
    html = Template(
        '{% load page_parts %}{% page_part division "test-slot" as part %}{{ part }}'
        '{% page_part division "empty-slot" as none %}{% if not none %}(fallback){% endif %}'
        '{% page_parts_for divisions "test-slot" as parts %}{{ parts|part_of:division }}'
    ).render(Context({"division": division, "divisions": [division]}))
    assert html == "[A host x][B](fallback)[A host x][B]"


def _reads(captured):
    """The queries besides the content token's."""
    return [q for q in captured if "contentversion" not in q["sql"]]


def test_the_heads_of_every_division_are_read_in_two_queries_once_per_content_token():
    divisions = []
    for _ in range(10):
        division = DivisionFactory()
        AppointmentFactory(role=RoleFactory(kind="division-head", division=division))
        RoleFactory(kind="deputy-secretary-general", division=division)
        divisions.append(division)
    with CaptureQueriesContext(connection) as one:
        division_heads(divisions[:1])
    with CaptureQueriesContext(connection) as ten:
        loaded = division_heads(divisions)
    assert len(_reads(one.captured_queries)) == 2  # the posts, who holds them today
    assert _reads(ten.captured_queries) == []  # the same map, for the whole batch
    assert all(len(loaded[d.pk]["posts"]) == 2 for d in divisions)
    # A change to the people changes the token: the next page reads them again.
    newcomer = AppointmentFactory(
        role=RoleFactory(kind="division-head", division=divisions[0]),
        person=PersonFactory(name="New Director"),
    )
    with CaptureQueriesContext(connection) as after:
        posts = division_heads(divisions[:1])[divisions[0].pk]["posts"]
    assert len(_reads(after.captured_queries)) == 2
    assert [newcomer] in [holders for _, holders in posts]


def test_the_heads_follow_jakartas_date_without_any_change(client):
    """Kept per content token and day: at 16:30 UTC on 5 May it is 23:30 in Jakarta and the
    head whose appointment ends that day is named; at 17:30 UTC it is 6 May there, and the
    next one is, though nothing changed."""
    division = DivisionFactory(slug="timed")
    role = RoleFactory(title="Director of Timing", kind="division-head", division=division)
    AppointmentFactory(
        role=role, person=PersonFactory(name="Leaving Fifth"), started="2020", ended="2026-05-05"
    )
    AppointmentFactory(role=role, person=PersonFactory(name="Arriving Sixth"), started="2026-05-06")
    url = division.get_absolute_url()
    with time_machine.travel(dt.datetime(2026, 5, 5, 16, 30, tzinfo=dt.UTC), tick=False):
        page = client.get(url).content.decode()  # 23:30 on 5 May in Jakarta
    assert "Leaving Fifth" in page and "Arriving Sixth" not in page
    with time_machine.travel(dt.datetime(2026, 5, 5, 17, 30, tzinfo=dt.UTC), tick=False):
        page = client.get(url).content.decode()  # 00:30 on 6 May in Jakarta
    assert "Arriving Sixth" in page and "Leaving Fifth" not in page
