"""``{% load links %}{% link "initiatives:feed" %}``, ``{% link "divisions:detail" slug %}``:
``{% url %}`` for a view taking nothing or one slug, through ``public.links``: the address
is reversed once per view and script prefix, then reused (Django's ``{% url %}`` reverses
it on every render: about 80 µs each, four of them on a division's page).

A value that is not a slug (letters, digits, ``-``, ``_``) is reversed as ``{% url %}``
would, so the address is always the one ``reverse()`` gives; one that no address takes
gives "", as ``{% url … as name %}`` does (a page leaves the link out rather than fail).
``as name`` keeps it in the context, as with ``{% url %}``."""

import re

from django import template
from django.urls import NoReverseMatch, reverse

from public.links import slug_url, view_url

register = template.Library()

_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@register.simple_tag
def link(viewname, slug=None):
    if slug is None:
        return view_url(viewname)
    slug = str(slug)
    if _SLUG.fullmatch(slug):
        return slug_url(viewname, slug)
    try:
        return reverse(viewname, args=[slug])
    except NoReverseMatch:
        return ""
