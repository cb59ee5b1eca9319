"""``{% load sources %}``: ``references|refs_of:item`` gives the references ``item`` cites
(see ``sources.references``), for ``sources/ref.html``."""

from django import template

register = template.Library()


@register.filter
def refs_of(references, item):
    if not references or item is None:
        return []
    return references.of(item)
