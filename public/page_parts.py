"""Page parts: what one app shows on another type's page without that type's app importing
it (a lower app never imports a higher one).

A part is declared by the app that owns its data, from its ``ready()``::

    page_parts.contribute(Division, "head", template="people/parts/division_head.html",
                          load=division_heads)

``load(objects)`` gets a batch of the host's objects (one on a detail page, a whole list
elsewhere) and returns ``{object id: context}`` in a fixed number of queries whatever the
batch's size. The host's template names the slot and stays ignorant of who fills it::

    {% load page_parts %}{% page_part division "head" as head %}
    {% if head %}{{ head }}{% else %}…what the page shows without it…{% endif %}

or, for a list, loads every row's parts at once and picks each row's::

    {% page_parts_for divisions "head" as heads %} … {{ heads|part_of:division }}

Several apps may fill one slot; their parts are rendered in ``order``. An object the load
leaves out gets no part from it. This module names no app.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe


@dataclass(frozen=True)
class PagePart:
    host: type  # the model whose pages show the part
    slot: str  # where on those pages: a name the host's templates give
    template: str  # rendered with the load's context, plus ``object`` (the host object)
    load: Callable  # load(objects) → {object id: context dict}, a fixed number of queries
    order: int = 0


class PageParts:
    def __init__(self):
        self._parts = []

    def contribute(self, host, slot, template, load, order=0):
        part = PagePart(host, slot, template, load, order)
        if any(p.host is host and p.slot == slot and p.template == template for p in self._parts):
            raise ImproperlyConfigured(f"{template} already fills {host.__name__}'s “{slot}”.")
        self._parts.append(part)
        return part

    def of(self, host, slot):
        """The parts filling ``slot`` on ``host``'s pages, in their order."""
        return sorted(
            (p for p in self._parts if p.host is host and p.slot == slot), key=lambda p: p.order
        )

    def render(self, objects, slot):
        """``{object id: HTML}`` of the parts filling ``slot`` for each of ``objects``.
        Rendered without the request: no context processor runs (nor queries) per part."""
        objects = [obj for obj in objects if obj is not None and obj.pk is not None]
        if not objects:
            return {}
        html = {obj.pk: [] for obj in objects}
        for part in self.of(objects[0]._meta.concrete_model, slot):
            contexts = part.load(objects)
            for obj in objects:
                if obj.pk in contexts:
                    context = {**contexts[obj.pk], "object": obj}
                    html[obj.pk].append(render_to_string(part.template, context))
        return {pk: mark_safe("".join(found)) for pk, found in html.items() if found}  # noqa: S308 - rendered templates

    def remove(self, part):
        """For tests that contribute a part of their own."""
        self._parts.remove(part)


page_parts = PageParts()
