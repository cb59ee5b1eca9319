"""``{% load document_pages %}``: a document page's JSON-LD, and its ``citation_*`` meta
tags (given to the page record by ``Document.scholar_meta``)."""

from django import template
from django.utils.html import format_html

from public.structured_data import to_json

from ..structured_data import document_jsonld as build

register = template.Library()


@register.simple_tag(takes_context=True)
def document_jsonld(context, document):
    request = context["request"]
    data = build(document, request.build_absolute_uri)
    return format_html('<script type="application/ld+json">{}</script>', to_json(data))
