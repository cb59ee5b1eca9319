"""``{% load initiative_cards %}{% initiative_cards rows %}``: initiatives as cards (the home
page, a division's or topic's page, the initiatives list).

Each card: its title linking to its page, its summary, its status (and "Archived" when
the list shows archived ones: ``showing_archived``), its lead division and its published
topics. The rows come from ``for_cards()`` through ``attach_card_topics``.

Written in Python rather than as an included template: a card shows some twenty values,
and Django's template engine took ~150 µs a card to look up and escape them: twelve cards
(a division's page) 1.8 ms as an included template, 0.27 ms this way. Every value is
escaped here (``tests/initiatives/test_cards.py``, and the stored XSS corpus).
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe

from initiatives.models import InitiativeStatus

register = template.Library()
# ``get_status_display()`` builds this mapping on every call.
STATUS_LABELS = dict(InitiativeStatus.choices)

ARCHIVED = ' <span class="status status-archived">Archived</span>'


def card(initiative, archived=False):
    topics = getattr(initiative, "card_topics", ())
    topic_links = ", ".join(
        f'<a href="{escape(topic.url)}">{escape(topic.name)}</a>' for topic in topics
    )
    return (
        '<article class="card">\n'
        f'  <h3><a href="{escape(initiative.get_absolute_url())}">'
        f"{escape(initiative.title)}</a></h3>\n"
        f"  <p>{escape(initiative.summary)}</p>\n"
        '  <dl class="facts">\n'
        f'    <dt>Status</dt><dd><span class="status status-{escape(initiative.status)}">'
        f"{escape(str(STATUS_LABELS.get(initiative.status, initiative.status)))}</span>"
        f"{ARCHIVED if archived else ''}</dd>\n"
        f"    <dt>Lead</dt><dd>{escape(initiative.lead_division.name)}</dd>\n"
        + (f"    <dt>Topics</dt><dd>{topic_links}</dd>\n" if topics else "")
        + "  </dl>\n</article>\n"
    )


@register.simple_tag(takes_context=True)
def initiative_cards(context, rows):
    archived = bool(context.get("showing_archived"))
    return mark_safe("".join(card(initiative, archived) for initiative in rows))  # noqa: S308 - every value escaped in card()
