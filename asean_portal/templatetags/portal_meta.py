"""Template tags for what machines read about a page: its canonical address, its
breadcrumbs (shown, and repeated as JSON-LD), and its structured data."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import get_script_prefix
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from public import structured_data
from public.links import view_url

register = template.Library()

CRUMBS = "portal_meta.crumbs"


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)  # so {% block %}s inside stay overridable

    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # The output is already escaped by the template that produced it.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """``{% capture name %}…{% endcapture %}``: render once, use ``{{ name }}`` many times
    (the page title and description feed <title>, meta description and share previews)."""
    try:
        _, name = token.split_contents()
    except ValueError as error:
        raise template.TemplateSyntaxError("{% capture name %} takes one name.") from error
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, name)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's absolute address without tracking or format noise: the path, plus on a
    filtered list its filter values (in the form's order) and a page number above 1."""
    request = context.get("request")
    if request is None:
        return ""
    pairs = []
    filterset = context.get("filter")
    # The filters' names, which are the form's fields in its order: building the form
    # (django-filter makes its class and fields) cost 0.5 ms of the FAQ list, whose form
    # is drawn from the cache.
    if filterset is not None and hasattr(filterset, "filters"):
        for name in filterset.filters:
            value = request.GET.get(name, "").strip()
            if value:
                pairs.append((name, value))
    page_obj = context.get("page_obj")
    if page_obj is not None and getattr(page_obj, "number", 1) > 1:
        pairs.append(("page", page_obj.number))
    url = absolute(request, request.path)
    if url and pairs:
        return f"{url}?{urlencode(pairs)}"
    return url


def absolute(request, path):
    """``path`` as an absolute URL on this host; empty on the 400 page answering a request
    for a host we do not serve, whose Host header must not be echoed."""
    try:
        return request.build_absolute_uri(path)
    except DisallowedHost:
        return ""


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    request = context.get("request")
    return absolute(request, path) if request is not None else ""


@register.simple_tag(takes_context=True)
def absolute_static(context, path):
    """``{% absolute_static "img/share-card.png" %}``: a static file's absolute URL, its
    (hashed) name looked up once per process: ``{% static %}`` asks the storage on every
    render (0.11 ms of a division's page, then 0.07 ms more to make it absolute)."""
    url = _static_urls.get(path)
    if url is None:
        url = _static_urls[path] = static(path)
    return absolute_url(context, url)


@register.simple_tag(takes_context=True)
def crumb(context, name, url, current=False):
    """One breadcrumb: ``url`` is a path or a URL name. Renders the list item and records
    it for the BreadcrumbList JSON-LD that ``{% breadcrumbs_jsonld %}`` writes."""
    if not url.startswith("/"):
        url = view_url(url)  # reversed once per name (public.links)
    crumbs = context.render_context.get(CRUMBS)
    if crumbs is None:
        crumbs = context.render_context[CRUMBS] = []
    crumbs.append((str(name), url))
    if current:
        return format_html('<li><a href="{}" aria-current="page">{}</a></li>', url, name)
    return format_html('<li><a href="{}">{}</a></li>', url, name)


@register.simple_tag(takes_context=True)
def breadcrumbs_jsonld(context):
    crumbs = context.render_context.get(CRUMBS) or []
    request = context.get("request")
    if len(crumbs) < 2 or request is None:  # a trail of one (home) says nothing
        return ""
    return jsonld(structured_data.breadcrumb_list(request, crumbs))


@register.simple_tag(takes_context=True)
def organisation_jsonld(context, division_tree=()):
    request = context["request"]
    return jsonld(structured_data.website(request)) + jsonld(
        structured_data.secretariat(request, division_tree)
    )


@register.simple_tag(takes_context=True)
def division_jsonld(context, division, parent=None, children=()):
    return jsonld(structured_data.division(context["request"], division, parent, children))


@register.simple_tag(takes_context=True)
def faq_page_jsonld(context, faqs):
    return jsonld(structured_data.faq_page(context["request"], faqs))


def jsonld(data):
    return format_html(
        '<script type="application/ld+json">{}</script>', structured_data.to_json(data)
    )


@register.simple_tag(takes_context=True)
def website_jsonld(context):
    return jsonld(structured_data.website(context["request"]))


@register.simple_tag(takes_context=True)
def dataset_jsonld(context, datasets, licence, changed=None):
    return jsonld(structured_data.dataset(context["request"], datasets, licence, changed))


# The page's fixed parts (header, footer, the head's icon and style sheet links): drawn once
# per process and variant, not on every page. Each reads only the site's settings and the
# URL map, never the request or content. Measured on an initiative's page (SQLite, one
# process): the header and footer took ~0.9 ms of its render, their 20 {% url %}s most of
# it; a drawn copy costs a dict lookup. The two {% static %}s of the head took 0.12 ms of a
# division's page (100,000 initiatives).
_fixed = {}
_static_urls = {}  # {path: URL} for {% absolute_static %}


@receiver(setting_changed, dispatch_uid="portal_meta.forget_fixed")
def _forget_fixed(**kwargs):
    """A kept part or static URL may hold what a setting decides (``{% static %}``'s hashed
    names): a changed setting (a test's ``override_settings``) draws them afresh."""
    _fixed.clear()
    _static_urls.clear()


@register.simple_tag(takes_context=True)
def fixed(context, template_name, **variant):
    """``{% fixed "includes/footer.html" home=True %}``: the template drawn with the site's
    context (``portal_name``, ``operator``) and ``variant``, kept after the first time
    (except with DEBUG on, where templates change while the server runs)."""
    site = {"portal_name": context.get("portal_name"), "operator": context.get("operator")}
    key = (template_name, get_script_prefix(), repr(sorted(variant.items())), repr(site))
    drawn = _fixed.get(key)
    if drawn is None:
        drawn = mark_safe(
            context.template.engine.get_template(template_name).render(
                template.Context({**site, **variant}, autoescape=context.autoescape)
            )
        )
        if not settings.DEBUG:
            _fixed[key] = drawn
    return drawn
