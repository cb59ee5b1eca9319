"""``{% load sources %}``: ``{% references_of item parts... as references %}`` numbers the
sources of a page's items (lists of items are taken item by item); then
``{% include "sources/ref.html" with item=x %}`` marks a fact and
``{% include "sources/references.html" %}`` lists them (see ``sources.references``)."""

from django import template
from django.db.models import Model

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
