"""A Member State as schema.org JSON-LD: a ``Country``, member of ASEAN (the organisation
is named, not linked: no address for it is claimed here)."""

ASEAN = {
    "@type": "Organization",
    "name": "Association of Southeast Asian Nations",
    "alternateName": "ASEAN",
}


def country(request, state):
    url = request.build_absolute_uri(state.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "Country",
        "@id": url + "#country",
        "name": state.name,
        "identifier": state.iso_code,
        "url": url,
        "mainEntityOfPage": url,
        "memberOf": ASEAN,
    }
    return data
