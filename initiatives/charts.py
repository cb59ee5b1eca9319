"""Geometry for the server-rendered pictures: an initiative's milestone timeline and the
overview's bar charts. Templates draw them as inline SVG whose x positions are percentages
of the picture's width, so they stretch to any screen without scaling the text."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

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
    if milestone.done_on is not None:
        return "done"
    return "overdue" if milestone.due_on < today else "open"


def is_running_open_ended(initiative, today):
    return (
        initiative.end_date is None
        and initiative.start_date is not None
        and initiative.start_date <= today
        and getattr(initiative, "status", None) == "ongoing"
    )


def milestone_timeline(initiative, milestones, today=None):
    """The timeline of ``initiative`` over its period and its milestones' due dates, or
    None when there is nothing to place on it."""
    today = today or timezone.localdate()
    dates = [m.due_on for m in milestones]
    dates += [d for d in (initiative.start_date, initiative.end_date) if d is not None]
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
    if initiative.start_date or initiative.end_date:
        left, right = x(initiative.start_date or start), x(initiative.end_date or end)
        period = (left, round(right - left, 2))
    points = [TimelinePoint(x(m.due_on), m, milestone_state(m, today)) for m in milestones]
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
