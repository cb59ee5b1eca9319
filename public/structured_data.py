"""schema.org JSON-LD for search engines and link previews: the Secretariat and its
divisions as GovernmentOrganization, the FAQ list as FAQPage, every trail as BreadcrumbList."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.safestring import mark_safe

SECRETARIAT = {
    "name": "ASEAN Secretariat",
    "alternateName": "ASEC",
    "sameAs": "https://asean.org/",
    "address": {
        "@type": "PostalAddress",
        "addressLocality": "Jakarta",
        "addressCountry": "ID",
    },
}

# Characters that could end the <script> element or start markup inside it.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def to_json(data):
    """JSON safe to place inside <script type="application/ld+json">."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(_SCRIPT_ESCAPES))


def secretariat_ref(request):
    """A reference to the Secretariat's node, defined in full on the home page."""
    return {
        "@type": "GovernmentOrganization",
        "@id": request.build_absolute_uri(reverse("home")) + "#organisation",
        "name": SECRETARIAT["name"],
    }


def division_ref(request, division):
    url = request.build_absolute_uri(division.get_absolute_url())
    return {
        "@type": "GovernmentOrganization",
        "@id": url + "#organisation",
        "name": division.name,
        "url": url,
    }


def secretariat(request, division_tree=()):
    """The Secretariat, with the units at the top of its published hierarchy."""
    data = {"@context": "https://schema.org", **secretariat_ref(request), **SECRETARIAT}
    data["url"] = request.build_absolute_uri(reverse("home"))
    data["description"] = (
        "The central administrative body of ASEAN: it facilitates cooperation among the "
        "Member States and coordinates and monitors regional initiatives."
    )
    units = [
        division_ref(request, child.division) for root in division_tree for child in root.children
    ]
    roots = [division_ref(request, root.division) for root in division_tree]
    if roots or units:
        data["subOrganization"] = roots + units
    return data


def division(request, division, parent=None, children=()):
    data = {"@context": "https://schema.org", **division_ref(request, division)}
    if division.short_name:
        data["alternateName"] = division.short_name
    data["description"] = division.summary
    data["parentOrganization"] = (
        division_ref(request, parent) if parent is not None else secretariat_ref(request)
    )
    if children:
        data["subOrganization"] = [division_ref(request, child) for child in children]
    if division.email:
        data["email"] = division.email
    if division.phone:
        data["telephone"] = division.phone
    if division.address:
        data["address"] = division.address
    return data


def faq_page(request, faqs):
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "url": request.build_absolute_uri(reverse("faqs:list")),
        "mainEntity": [
            {
                "@type": "Question",
                "name": faq.question,
                "url": request.build_absolute_uri(faq.get_absolute_url()),
                "acceptedAnswer": {"@type": "Answer", "text": faq.answer_html},
            }
            for faq in faqs
        ],
    }


def breadcrumb_list(request, crumbs):
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": request.build_absolute_uri(url),
            }
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }
