"""``{% load page_parts %}``: the parts other apps contribute to a page (``public.page_parts``).

``{% page_part obj "slot" as html %}`` for one object; ``{% page_parts_for objects "slot" as
parts %}`` then ``{{ parts|part_of:obj }}`` for a list (one load for all its rows)."""

from django import template

from public.page_parts import page_parts

register = template.Library()


@register.simple_tag
def page_part(obj, slot):
    return page_parts.render([obj], slot).get(getattr(obj, "pk", None), "")


@register.simple_tag
def page_parts_for(objects, slot):
    return page_parts.render(list(objects or ()), slot)


@register.filter
def part_of(parts, obj):
    return (parts or {}).get(getattr(obj, "pk", None), "")
