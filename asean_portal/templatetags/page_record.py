"""An item page's own record: "Published … · Last updated …", its page history (the major
changes with their notes), "Cite this page" and Google Scholar's ``citation_*`` meta tags.

An item template names its item once, in base.html's ``record_item`` block
(``{% record_for initiative %}``); base.html then draws the meta tags in the head and the
record under the content. The record is read once per page (one query), whichever comes
first.
"""

from django import template
from django.utils import timezone
from django.utils.html import conditional_escape
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
        # Read by the view with its other reads, or else here.
        record = context.get(changes.RECORD_IN_CONTEXT)
        if record is None:
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
    # As ``format_html_join`` writes them, in 40 µs rather than 70 (five tags, a document).
    e = conditional_escape
    metas = "\n  ".join(f'<meta name="{e(name)}" content="{e(value)}">' for name, value in pairs)
    return mark_safe(metas + "\n")  # noqa: S308 - every value escaped


@register.simple_tag(takes_context=True)
def page_record(context):
    """The record under the content: its dates, its page history, "Cite this page".

    Written in Python rather than as an included template (as the cards and the sources
    are): a page with one entry in its history (four dates through the ``date`` filter)
    took 0.64 ms for it as a template, 0.16 ms this way; a page without one 0.16 → 0.08 ms
    (a division's and an initiative's page, garbage collection off). The markup is the
    template's, byte for byte; every value is escaped
    (``tests/public/test_record_and_citation.py``)."""
    found = _record(context)
    if found is None:
        return mark_safe("\n")
    _, record, cited = found
    e = conditional_escape
    parts = ['<div class="wrap page-record">\n  ']
    if record:
        parts.append(f'<p class="page-dates">Published {_time(record.first_published)}')
        if record.updated_since:
            parts.append(f" · Last updated {_time(record.last_updated)}")
        parts.append(
            "</p>\n"
            '  <section class="page-history" aria-labelledby="page-history-title">\n'
            '    <h2 id="page-history-title">Page history</h2>\n'
            "    <ol>\n      "
        )
        parts.extend(
            f'<li>{_time(entry.published_at)} <span class="change-note">{e(entry.note)}</span>'
            "</li>\n      "
            for entry in record.entries
        )
        parts.append("\n    </ol>\n  </section>")
    parts.append(
        '\n  <details class="cite">\n'
        "    <summary>Cite this page</summary>\n"
        '    <h3 class="cite-heading">APA</h3>\n'
        f'    <p class="cite-apa">{e(cited.publisher)}. ({e(cited.apa_date)}). '
        f"<i>{e(cited.title)}</i>. Retrieved {e(cited.apa_accessed)}, from {e(cited.url)}</p>\n"
        '    <h3 class="cite-heading">BibTeX</h3>\n'
        f'    <pre class="cite-bibtex"><code>{e(cited.bibtex)}</code></pre>\n'
        "  </details>\n"
        "</div>\n"
    )
    return mark_safe("".join(parts))  # noqa: S308 - every value escaped above


def _time(moment):
    """``<time>`` for a moment, in the portal's time zone: as the ``date`` filter writes it
    (``c`` and ``j F Y``), the day's words remembered (``citation.formatted``)."""
    local = timezone.localtime(moment)
    day = citation.formatted(local.date(), "j F Y")
    return f'<time datetime="{local.isoformat()}">{day}</time>'


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
