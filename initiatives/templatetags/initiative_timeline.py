"""``{% load initiative_timeline %}{% milestone_timeline_svg initiative timeline %}``: an
initiative's milestone timeline (``initiatives.charts.milestone_timeline``) as inline SVG
with its text alternative, on the initiative's page.

Written in Python rather than as an included template: the picture repeats a mark per year
and per milestone, and Django's template engine took 256 µs to draw a timeline of two
milestones and six years, this 19 µs. Every text is escaped here
(``tests/initiatives/test_pictures.py``, and the stored XSS corpus). Positions are written
as the template wrote them with localisation off (``str`` of a float: ``52.17``).
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe

from public.citation import formatted

register = template.Library()

TODAY_KEY = '<span class="key key-today">today</span>'
PERIOD_KEY = '<span class="key key-period">the initiative’s period</span>'


def description(timeline):
    """The picture's text alternative: its range, the milestones reached and overdue."""
    text = f"From {formatted(timeline.start, 'F Y')} to {formatted(timeline.end, 'F Y')}"
    total = timeline.total
    if total:
        text += f": {timeline.done} of {total} milestone{'' if total == 1 else 's'} reached"
        if timeline.overdue:
            text += f", {timeline.overdue} overdue"
    if timeline.today_x is not None:
        text += "; a line marks today"
    return text + ". The milestones are listed below the picture."


def _years(timeline):
    return "".join(
        f'<line class="tl-tick" x1="{x}%" x2="{x}%" y1="28" y2="44"/>'
        f'<text class="tl-year" x="{x}%" y="66" text-anchor="{escape(anchor)}">{year}</text>'
        for x, year, anchor in timeline.years
    )


def _today(timeline):
    x = timeline.today_x
    if x is None:
        return ""
    return (
        f'<line class="tl-today" x1="{x}%" x2="{x}%" y1="14" y2="50"/>'
        f'<text class="tl-today-label" x="{x}%" y="11" '
        f'text-anchor="{escape(timeline.today_anchor)}">today</text>'
    )


def _point(point):
    if point.state == "overdue":
        return (
            f'<rect class="tl-overdue" x="{point.x}%" y="29" width="14" height="14" '
            'transform="translate(-7 0)"/>'
        )
    return f'<circle class="tl-{escape(point.state)}" cx="{point.x}%" cy="36" r="7"/>'


def svg(initiative, timeline):
    period = timeline.period
    period_rect = (
        f'<rect class="tl-period" x="{period[0]}%" y="31" width="{period[1]}%" height="10" rx="3"/>'
        if period
        else ""
    )
    return (
        '\n<figure class="timeline">\n'
        '  <svg width="100%" height="76" role="img" '
        'aria-labelledby="timeline-title timeline-desc">\n'
        f'    <title id="timeline-title">Timeline of {escape(initiative.title)}</title>\n'
        f'    <desc id="timeline-desc">{escape(description(timeline))}</desc>\n'
        '    <line class="tl-axis" x1="0" x2="100%" y1="36" y2="36"/>\n'
        f"    {period_rect}\n"
        f"    {_years(timeline)}\n"
        f"    {_today(timeline)}\n"
        f"    {''.join(_point(point) for point in timeline.points)}\n"
        "  </svg>\n"
        '  <figcaption class="tl-legend">\n'
        '    <span class="key key-done">reached</span>\n'
        '    <span class="key key-open">not yet reached</span>\n'
        '    <span class="key key-overdue">overdue</span>\n'
        f"    {TODAY_KEY if timeline.today_x is not None else ''}\n"
        f"    {PERIOD_KEY if period else ''}\n"
        "  </figcaption>\n"
        "</figure>\n\n"
    )


@register.simple_tag
def milestone_timeline_svg(initiative, timeline):
    if not timeline:
        return ""
    return mark_safe(svg(initiative, timeline))  # noqa: S308 - every text escaped in svg()
