"""``{% load partner_pages %}``: a partner's JSON-LD: a dialogue partner (a country, or the
European Union) as ``GovernmentOrganization``, any other as ``Organization``."""

from django import template
from django.utils.html import format_html

from public.structured_data import to_json

from ..models import PartnerKind

register = template.Library()

GOVERNMENTAL = (PartnerKind.DIALOGUE, PartnerKind.SECTORAL_DIALOGUE)


def partner_data(partner, absolute):
    url = absolute(partner.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization" if partner.kind in GOVERNMENTAL else "Organization",
        "@id": url + "#organisation",
        "name": partner.name,
        "url": url,
        "description": f"{partner.get_kind_display()} of ASEAN",
    }
    if partner.short_name:
        data["alternateName"] = partner.short_name
    return data


@register.simple_tag(takes_context=True)
def partner_jsonld(context, partner):
    data = partner_data(partner, context["request"].build_absolute_uri)
    return format_html('<script type="application/ld+json">{}</script>', to_json(data))
