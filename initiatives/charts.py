"""Geometry for the server-rendered pictures: an initiative's milestone timeline and the
overview's bar charts. Templates draw them as inline SVG whose x positions are percentages
of the picture's width, so they stretch to any screen without scaling the text."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from partial_dates import PartialDate

# Marks sit inside this band of the width so circles at the ends are not cut off.
EDGE = 3.0
MAX_YEAR_LABELS = 6


@dataclass
class TimelinePoint:
    x: float
    milestone: object
    state: str  # "done", "overdue" or "open"


@dataclass
class Timeline:
    start: datetime.date
    end: datetime.date
    period: tuple[float, float] | None  # (x, width) of the initiative's own dates
    points: list[TimelinePoint]
    years: list[tuple[float, int, str]]  # (x, year, text-anchor)
    today_x: float | None
    done: int
    overdue: int

    @property
    def total(self):
        return len(self.points)

    @property
    def today_anchor(self):
        return anchor_for(self.today_x) if self.today_x is not None else "middle"


def milestone_state(milestone, today):
    """The milestone as the page shows it: "done" (reached), "overdue" (its whole planned
    period is over) or "open"."""
    if milestone.reached:
        return "done"
    planned = PartialDate.coerce(milestone.planned)
    if planned and planned.has_passed(today):
        return "overdue"
    return "open"


def first_day(value):
    value = PartialDate.coerce(value)
    return value.first_day if value else None


def last_day(value):
    value = PartialDate.coerce(value)
    return value.last_day if value else None


def period_of(initiative):
    """(start, end): what happened where known, else the plan (either may be None)."""

    def pick(actual, planned):
        return getattr(initiative, actual, None) or getattr(initiative, planned, None)

    return pick("actual_start", "planned_start"), pick("actual_end", "planned_end")


def when(milestone):
    """Where a milestone sits on the timeline: its reached date, else its planned one."""
    return PartialDate.coerce(milestone.reached or milestone.planned)


def is_running_open_ended(initiative, today):
    start, end = period_of(initiative)
    start = first_day(start)
    return (
        end is None
        and start is not None
        and start <= today
        and getattr(initiative, "status", None) == "ongoing"
    )


def milestone_timeline(initiative, milestones, today=None):
    """The timeline of ``initiative`` over its period and its milestones' dates (reached,
    else planned; a month or a year sits at its first day), or None when there is nothing
    to place on it. Milestones without any date are left off the picture (the list below
    it names them)."""
    today = today or timezone.localdate()
    milestones = [m for m in milestones if when(m)]
    start, end = period_of(initiative)
    start_day, end_day = first_day(start), last_day(end)
    dates = [when(m).first_day for m in milestones]
    dates += [d for d in (start_day, end_day) if d is not None]
    if is_running_open_ended(initiative, today):
        dates.append(today)  # its period runs on to today, not to its last milestone
    if not dates:
        return None
    start, end = min(dates), max(dates)
    if start == end:  # one date only: centre it in a one-year window
        start, end = start - datetime.timedelta(days=182), end + datetime.timedelta(days=183)
    span = (end - start).days

    def x(day):
        return round(EDGE + (100 - 2 * EDGE) * (day - start).days / span, 2)

    period = None
    if start_day or end_day:
        left, right = x(start_day or start), x(end_day or end)
        period = (left, round(right - left, 2))
    points = [TimelinePoint(x(when(m).first_day), m, milestone_state(m, today)) for m in milestones]
    return Timeline(
        start=start,
        end=end,
        period=period,
        points=points,
        years=year_marks(start, end, x),
        today_x=x(today) if start <= today <= end else None,
        done=sum(p.state == "done" for p in points),
        overdue=sum(p.state == "overdue" for p in points),
    )


def anchor_for(x):
    """Labels near an edge are anchored inwards so they are not cut off."""
    return "start" if x < 8 else "end" if x > 92 else "middle"


def year_marks(start, end, x):
    """1 January of every n-th year inside the range, at most MAX_YEAR_LABELS of them."""
    first = start.year if start == datetime.date(start.year, 1, 1) else start.year + 1
    years = list(range(first, end.year + 1))
    step = max(1, -(-len(years) // MAX_YEAR_LABELS))
    marks = []
    for year in years[::step]:
        position = x(datetime.date(year, 1, 1))
        marks.append((position, year, anchor_for(position)))
    return marks


@dataclass
class Bar:
    label: str
    count: int
    url: str
    width: float = 0.0

    @property
    def link(self):
        """The bar's list, or "" when it counts nothing: a bar of 0 is text, never a link
        to an empty list."""
        return self.url if self.count else ""


@dataclass
class BarChart:
    """One overview chart: bars sized against the largest, each that counts something
    linking to its list."""

    slug: str
    title: str
    bars: list[Bar] = field(default_factory=list)

    def __post_init__(self):
        largest = max((bar.count for bar in self.bars), default=0)
        for bar in self.bars:
            bar.width = round(100 * bar.count / largest, 1) if largest else 0.0

    @property
    def total(self):
        return sum(bar.count for bar in self.bars)
