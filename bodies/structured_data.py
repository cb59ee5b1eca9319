"""A body as a schema.org ``GovernmentOrganization``: an intergovernmental organ of ASEAN,
with the body it reports to as ``parentOrganization`` (the top of the structure has none)."""

from public.structured_data import to_json


def body_ref(request, body):
    url = request.build_absolute_uri(body.get_absolute_url())
    return {
        "@type": "GovernmentOrganization",
        "@id": url + "#organisation",
        "name": body.name,
        "url": url,
    }


def body_jsonld(request, body, parent=None, children=()):
    data = {"@context": "https://schema.org", **body_ref(request, body)}
    if body.short_name:
        data["alternateName"] = body.short_name
    if parent is not None:
        data["parentOrganization"] = body_ref(request, parent)
    if children:
        data["subOrganization"] = [body_ref(request, child) for child in children]
    return to_json(data)
