"""Server-drawn pictures: an initiative's milestone timeline, and the overview's bar charts
whose bars link to the lists they count."""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.db import IntegrityError, transaction
from django.template import Context, Template
from django.urls import reverse

from divisions.models import Pillar
from initiatives.charts import milestone_timeline
from initiatives.models import Initiative
from tests.factories import DivisionFactory, InitiativeFactory, MilestoneFactory
from tests.sources.checks import percentages

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2024, 1, 1)
OVERVIEW = reverse("initiatives:overview")


def milestone(due, done=None):
    return SimpleNamespace(planned=due, reached=done)


def test_timeline_places_period_milestones_years_and_today():
    initiative = SimpleNamespace(planned_start=datetime.date(2020, 1, 1), planned_end=None)
    milestones = [
        milestone(datetime.date(2022, 1, 1), done=datetime.date(2022, 2, 1)),
        milestone(datetime.date(2023, 1, 1)),
        milestone(datetime.date(2028, 1, 1)),
    ]
    timeline = milestone_timeline(initiative, milestones, today=TODAY)
    assert (timeline.start, timeline.end) == (datetime.date(2020, 1, 1), datetime.date(2028, 1, 1))
    assert [p.state for p in timeline.points] == ["done", "overdue", "open"]
    assert (timeline.done, timeline.overdue, timeline.total) == (1, 1, 3)
    xs = [p.x for p in timeline.points]
    assert xs == sorted(xs) and xs[0] > 3 and xs[-1] == 97  # inside the edges
    assert timeline.period == (3.0, 94.0)  # open-ended: runs to the last date
    assert timeline.today_x == pytest.approx(3 + 94 * 4 / 8, abs=0.2)
    years = [year for _, year, _ in timeline.years]
    assert len(years) <= 6 and years[0] == 2020 and years[-1] <= 2028
    assert timeline.years[0][2] == "start"  # the label at the left edge is not cut off


def test_an_ongoing_open_ended_initiative_runs_on_to_today():
    initiative = SimpleNamespace(
        planned_start=datetime.date(2005, 1, 1), planned_end=None, status="ongoing"
    )
    milestones = [milestone(datetime.date(2019, 12, 31), done=datetime.date(2019, 12, 31))]
    timeline = milestone_timeline(initiative, milestones, today=TODAY)
    assert timeline.end == TODAY and timeline.today_x == 97
    assert timeline.period == (3.0, 94.0)
    initiative.status = "completed"
    assert milestone_timeline(initiative, milestones, today=TODAY).today_x is None


def test_timeline_without_any_date_is_none_and_one_date_is_centred():
    empty = SimpleNamespace(planned_start=None, planned_end=None)
    assert milestone_timeline(empty, [], today=TODAY) is None
    single = milestone_timeline(empty, [milestone(datetime.date(2024, 6, 1))], today=TODAY)
    assert single.points[0].x == pytest.approx(50, abs=0.5)
    assert single.period is None


def test_timeline_leaves_out_today_when_it_is_outside_the_period():
    past = SimpleNamespace(
        planned_start=datetime.date(2001, 1, 1), planned_end=datetime.date(2003, 1, 1)
    )
    assert milestone_timeline(past, [], today=TODAY).today_x is None


def test_detail_page_draws_the_timeline_with_a_text_alternative(client):
    initiative = InitiativeFactory(
        title="Power Grid",
        planned_start=datetime.date(2020, 1, 1),
        planned_end=datetime.date(2030, 1, 1),
    )
    MilestoneFactory(
        initiative=initiative,
        title="Study",
        planned=datetime.date(2021, 1, 1),
        reached=datetime.date(2021, 2, 1),
    )
    MilestoneFactory(initiative=initiative, title="Build", planned=datetime.date(2022, 1, 1))
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert 'role="img" aria-labelledby="timeline-title timeline-desc"' in html
    assert '<title id="timeline-title">Timeline of Power Grid</title>' in html
    desc = re.search(r'<desc id="timeline-desc">(.*?)</desc>', html).group(1)
    assert desc.startswith(
        "From January 2020 to January 2030: 1 of 2 milestones reached, 1 overdue"
    )
    assert html.count('class="tl-done"') == 1 and html.count('class="tl-overdue"') == 1
    assert 'class="milestone-overdue"' in html and "overdue</span>" in html
    assert "1 of 2 milestones reached" in html
    assert percentages(html) == []  # milestones are counted, never a percentage
    assert "style=" not in html  # positions are SVG attributes, allowed by a strict CSP


def test_the_timeline_is_written_exactly_and_escaped():
    """``{% milestone_timeline_svg %}`` writes the picture in Python: its exact markup, the
    title escaped, a mark per year and per milestone, today's line and the legend."""
    initiative = SimpleNamespace(
        title='Grid <b>"A" & B\'s</b>',
        planned_start=datetime.date(2020, 1, 1),
        planned_end=datetime.date(2028, 1, 1),
        status="ongoing",
    )
    milestones = [
        milestone(datetime.date(2021, 1, 1), done=datetime.date(2021, 2, 1)),
        milestone(datetime.date(2022, 1, 1)),
    ]
    timeline = milestone_timeline(initiative, milestones, today=TODAY)
    html = Template(
        "{% load initiative_timeline %}{% milestone_timeline_svg initiative timeline %}"
    ).render(Context({"initiative": initiative, "timeline": timeline}))
    years = "".join(
        f'<line class="tl-tick" x1="{x}%" x2="{x}%" y1="28" y2="44"/>'
        f'<text class="tl-year" x="{x}%" y="66" text-anchor="{anchor}">{year}</text>'
        for x, year, anchor in timeline.years
    )
    done, overdue = (point.x for point in timeline.points)
    today = timeline.today_x
    assert html == (
        '\n<figure class="timeline">\n'
        '  <svg width="100%" height="76" role="img" '
        'aria-labelledby="timeline-title timeline-desc">\n'
        '    <title id="timeline-title">Timeline of Grid &lt;b&gt;&quot;A&quot; &amp; '
        "B&#x27;s&lt;/b&gt;</title>\n"
        '    <desc id="timeline-desc">From January 2020 to January 2028: 1 of 2 milestones '
        "reached, 1 overdue; a line marks today. The milestones are listed below the "
        "picture.</desc>\n"
        '    <line class="tl-axis" x1="0" x2="100%" y1="36" y2="36"/>\n'
        '    <rect class="tl-period" x="3.0%" y="31" width="94.0%" height="10" rx="3"/>\n'
        f"    {years}\n"
        f'    <line class="tl-today" x1="{today}%" x2="{today}%" y1="14" y2="50"/>'
        f'<text class="tl-today-label" x="{today}%" y="11" text-anchor="middle">today</text>\n'
        f'    <circle class="tl-done" cx="{done}%" cy="36" r="7"/>'
        f'<rect class="tl-overdue" x="{overdue}%" y="29" width="14" height="14" '
        'transform="translate(-7 0)"/>\n'
        "  </svg>\n"
        '  <figcaption class="tl-legend">\n'
        '    <span class="key key-done">reached</span>\n'
        '    <span class="key key-open">not yet reached</span>\n'
        '    <span class="key key-overdue">overdue</span>\n'
        '    <span class="key key-today">today</span>\n'
        '    <span class="key key-period">the initiative’s period</span>\n'
        "  </figcaption>\n"
        "</figure>\n\n"
    )
    assert len(timeline.years) > 1 and "Timeline of Grid <b>" not in html


def test_detail_without_milestones_says_so(client):
    initiative = InitiativeFactory()
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert "No milestones have been recorded." in html
    assert 'class="timeline"' in html  # the period alone is still drawn


@pytest.fixture
def spread():
    econ = DivisionFactory(slug="economic", name="Economic Community Department", order=1)
    socio = DivisionFactory(slug="socio", name="Socio-Cultural Community Department", order=2)
    DivisionFactory(slug="hidden", draft=True)
    for _ in range(3):
        InitiativeFactory(lead_division=econ, pillar=Pillar.ECONOMIC)
    InitiativeFactory(
        lead_division=socio,
        supporting_divisions=[econ],
        pillar=Pillar.SOCIO_CULTURAL,
        status=Initiative.Status.COMPLETED,
    )
    InitiativeFactory(lead_division=econ, draft=True)


def bars(html):
    """``{href: (label, count)}`` of every bar on the overview page."""
    found = re.findall(
        r'<a href="([^"]+)">\s*<span class="bar-label">([^<]+)</span>.*?'
        r'<span class="bar-value">(\d+)<',
        html,
        re.S,
    )
    return {href.replace("&amp;", "&"): (label, int(count)) for href, label, count in found}


def test_overview_counts_by_status_pillar_and_lead_division(client, spread):
    response = client.get(OVERVIEW)
    assert response.status_code == 200
    found = bars(response.content.decode())
    assert found["/initiatives/?status=ongoing"] == ("Ongoing", 3)
    assert found["/initiatives/?status=completed"] == ("Completed", 1)
    assert "/initiatives/?status=planned" not in found  # a bar of 0 is text, not a link
    assert found["/initiatives/?pillar=economic"] == ("Economic Community", 3)
    assert found["/initiatives/?pillar=socio-cultural"] == ("Socio-Cultural Community", 1)
    assert found["/initiatives/?lead_division=economic"] == ("Economic Community Department", 3)
    assert found["/initiatives/?lead_division=socio"] == ("Socio-Cultural Community Department", 1)
    assert not any("hidden" in href for href in found)
    assert "4 published initiatives" in response.content.decode()


def test_each_bar_links_to_a_list_showing_exactly_its_count(client, spread):
    for href, (label, count) in bars(client.get(OVERVIEW).content.decode()).items():
        listed = client.get(href)
        assert listed.status_code == 200, href
        assert listed.context["page_obj"].paginator.count == count, (label, href)


def test_the_longest_bar_fills_the_width(client, spread):
    html = client.get(OVERVIEW).content.decode()
    widths = re.findall(r'<rect width="([\d.]+)%"', html)
    assert "100.0" in widths and "0.0" in widths and "33.3" in widths


@pytest.mark.parametrize("rows", [1, 20])
def test_overview_query_count_does_not_grow(queries_for, rows):
    for _ in range(rows):
        InitiativeFactory(lead_division=DivisionFactory())
    assert queries_for(OVERVIEW) == 5  # the content token, three counts and the divisions


def test_no_initiative_can_take_the_address_of_another_page():
    for slug in ("overview", "feed"):
        with pytest.raises(IntegrityError), transaction.atomic():
            InitiativeFactory(slug=slug)
