"""schema.org JSON-LD for search engines and link previews: the portal as a WebSite (its
publisher the operator, when known; the Secretariat what it is *about*), the Secretariat
and its divisions as GovernmentOrganization, initiatives as Project, item pages as WebPage
with their dates, the open data as Dataset, the FAQ list as FAQPage, every trail as
BreadcrumbList.

The portal is independent: it is never presented as the Secretariat. The Secretariat's
node is identified by its own site, https://asean.org/ (``@id``, ``url``, ``sameAs``)."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.safestring import mark_safe

SECRETARIAT_SITE = "https://asean.org/"
SECRETARIAT = {
    "name": "ASEAN Secretariat",
    "alternateName": "ASEC",
    "url": SECRETARIAT_SITE,
    "sameAs": SECRETARIAT_SITE,
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


def secretariat_ref(request=None):
    """A reference to the Secretariat's node (defined in full on the home page), identified
    by its own site: this portal is about it, not it."""
    return {
        "@type": "GovernmentOrganization",
        "@id": SECRETARIAT_SITE,
        "name": SECRETARIAT["name"],
    }


def website_ref(request):
    return {"@type": "WebSite", "@id": request.build_absolute_uri(reverse("home")) + "#website"}


def operator():
    """The portal's operator as an Organization, or None while its details are unpublished
    (never guessed: settings.PORTAL_OPERATOR)."""
    details = settings.PORTAL_OPERATOR
    if not details.get("name"):
        return None
    data = {"@type": "Organization", "name": details["name"]}
    if details.get("url"):
        data["url"] = details["url"]
    if details.get("email"):
        data["email"] = details["email"]
    return data


def website(request):
    """The portal itself: a WebSite about the Secretariat, published by its operator."""
    data = {
        "@context": "https://schema.org",
        **website_ref(request),
        "url": request.build_absolute_uri(reverse("home")),
        "name": settings.PORTAL_NAME,
        "description": (
            "An independent portal about the ASEAN Secretariat: what it is and does, its "
            "divisions, the regional initiatives it coordinates, and common questions. Not "
            "the Secretariat's own website."
        ),
        "inLanguage": "en",
        "about": secretariat_ref(),
    }
    publisher = operator()
    if publisher is not None:
        data["publisher"] = publisher
    return data


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
    data = {"@context": "https://schema.org", **secretariat_ref(), **SECRETARIAT}
    data["subjectOf"] = website_ref(request)
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


def initiative_ref(request, initiative):
    return {
        "@type": "Project",
        "@id": request.build_absolute_uri(initiative.get_absolute_url()) + "#initiative",
        "name": initiative.title,
    }


def initiative(request, initiative):
    """An initiative as a schema.org ``Project`` ("an enterprising endeavour undertaken with
    the aim of realising a goal"): what an ASEAN initiative or action plan is. Neither
    ``CreativeWork`` (a plan's text, not the effort) nor ``Event`` (a dated occurrence) fits;
    ``Project`` also takes the Organization properties that do (its lead division as
    ``parentOrganization``)."""
    data = {"@context": "https://schema.org", **initiative_ref(request, initiative)}
    data["description"] = initiative.summary
    data["mainEntityOfPage"] = request.build_absolute_uri(initiative.get_absolute_url())
    lead = getattr(initiative, "lead_division", None)
    if lead is not None:
        data["parentOrganization"] = division_ref(request, lead)
    return data


def web_page(request, item, title, first_published=None, last_updated=None, about=None):
    """An item's page on this portal, with its public dates (``publishing.changes``)."""
    url = request.build_absolute_uri(item.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "@id": url,
        "url": url,
        "name": str(title),
        "isPartOf": website_ref(request),
    }
    if first_published:
        data["datePublished"] = first_published.isoformat()
    if last_updated:
        data["dateModified"] = last_updated.isoformat()
    if about is not None:
        data["about"] = about
    return data


def dataset(request, datasets, licence, changed=None):
    """The open data (``/data/``) as a schema.org ``Dataset``: each list's CSV and JSON
    downloads are its ``distribution``s."""
    data_url = request.build_absolute_uri(reverse("data"))
    distribution = []
    for each, list_name in datasets:
        base = request.build_absolute_uri(reverse(list_name))
        for fmt, encoding in (("csv", "text/csv"), ("json", "application/json")):
            distribution.append(
                {
                    "@type": "DataDownload",
                    "name": f"{each.title} ({fmt.upper()})",
                    "encodingFormat": encoding,
                    "contentUrl": f"{base}?format={fmt}",
                }
            )
    data = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "@id": data_url + "#dataset",
        "url": data_url,
        "name": f"Open data of the {settings.PORTAL_NAME}",
        "description": (
            "The divisions, initiatives and frequently asked questions published on an "
            "independent portal about the ASEAN Secretariat, as CSV and JSON downloads "
            "filtered like the portal's own lists."
        ),
        "license": licence["url"],
        "isAccessibleForFree": True,
        "isPartOf": website_ref(request),
        "about": secretariat_ref(),
        "distribution": distribution,
    }
    publisher = operator()
    if publisher is not None:
        data["publisher"] = publisher
        data["creator"] = publisher
    if changed:
        data["dateModified"] = changed.isoformat()
    return data
