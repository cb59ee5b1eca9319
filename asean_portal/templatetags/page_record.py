"""An item page's own record: "Published … · Last updated …", its page history (the major
changes with their notes), "Cite this page" and Google Scholar's ``citation_*`` meta tags.

An item template names its item once, in base.html's ``record_item`` block
(``{% record_for initiative %}``); base.html then draws the meta tags in the head and the
record under the content. The record is read once per page (one query), whichever comes
first.
"""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from divisions.models import Division
from initiatives.models import Initiative
from public import citation, structured_data
from publishing import changes

from .portal_meta import absolute, jsonld

register = template.Library()

ITEM = "page_record.item"
RECORD = "page_record.record"


@register.simple_tag(takes_context=True)
def record_for(context, item):
    context.render_context[ITEM] = item
    return ""


def _record(context):
    """(item, record, citation) of the page, or None when the page names no item."""
    item = context.render_context.get(ITEM)
    request = context.get("request")
    if item is None or request is None:
        return None
    found = context.render_context.get(RECORD)
    if found is None:
        record = changes.record_of(item)
        url = absolute(request, item.get_absolute_url())
        key = f"{item._meta.model_name}-{getattr(item, 'slug', item.pk)}"
        cited = citation.cite(item, url, key, record.first_published, record.last_updated)
        found = context.render_context[RECORD] = (item, record, cited)
    return found


@register.simple_tag(takes_context=True)
def citation_meta(context):
    found = _record(context)
    if found is None:
        return ""
    item, pairs = found[0], found[2].scholar_meta
    # An item that is itself a publication (a document) gives its own: its date and issuer,
    # not this page's.
    if callable(getattr(item, "scholar_meta", None)):
        request = context["request"]
        pairs = item.scholar_meta(lambda path: absolute(request, path))
    return format_html_join("\n  ", '<meta name="{}" content="{}">', pairs) + mark_safe("\n")


@register.inclusion_tag("includes/page_record.html", takes_context=True)
def page_record(context):
    found = _record(context)
    if found is None:
        return {"item": None}
    item, record, cited = found
    return {"item": item, "record": record, "citation": cited}


@register.simple_tag(takes_context=True)
def item_jsonld(context):
    """The item's page as a WebPage with its public dates; an initiative also as a Project
    (a division's GovernmentOrganization is drawn by its own template)."""
    found = _record(context)
    if found is None:
        return ""
    item, record, cited = found
    request = context["request"]
    out, about = mark_safe(""), None
    if isinstance(item, Initiative):
        about = structured_data.initiative_ref(request, item)
        out += jsonld(structured_data.initiative(request, item))
    elif isinstance(item, Division):
        about = structured_data.division_ref(request, item)
    page = structured_data.web_page(
        request, item, cited.title, record.first_published, record.last_updated, about
    )
    return out + jsonld(page)
