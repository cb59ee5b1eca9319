"""``{% load sources %}``: ``{% references_of item parts... as references %}`` numbers the
sources of a page's items (lists of items are taken item by item); then
``{% ref_marks x %}`` marks a fact and
``{% include "sources/references.html" %}`` lists them (see ``sources.references``)."""

from django import template
from django.db.models import Model
from django.utils.html import format_html_join

from sources.references import references_for

register = template.Library()


@register.simple_tag
def references_of(*items):
    flat = []
    for item in items:
        if isinstance(item, Model):
            flat.append(item)
        elif item:
            flat.extend(obj for obj in item if isinstance(obj, Model))
    return references_for(*flat)


@register.filter
def refs_of(references, item):
    if not references or item is None:
        return []
    return references.of(item)


@register.simple_tag(takes_context=True)
def ref_marks(context, item):
    """``{% ref_marks item %}``: the item's [n] marks, each linking to its source in the
    page's list. A tag rather than an included template: a list marks every row, and an
    include costs several times what this does. Most rows have no marks, and
    ``format_html_join`` costs even with nothing to join."""
    refs = refs_of(context.get("references"), item)
    if not refs:
        return ""
    return format_html_join(
        "",
        '<sup class="ref"><a href="#{}">[{}]<span class="visually-hidden"> source: {}'
        "</span></a></sup>",
        ((ref.anchor, ref.number, ref.source.title) for ref in refs),
    )
