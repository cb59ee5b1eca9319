"""A document as schema.org JSON-LD and as Google Scholar's ``citation_*`` meta tags.

Agreements and declarations are ``Legislation`` (schema.org's type for treaties and other
instruments: ``legislationDate``, ``legislationPassedBy``, ``legislationLegalForce``); the
others ``CreativeWork``. Dates at their precision (schema.org takes ISO 8601 "2007" or
"2007-11" as well as a day)."""

# DocumentType's values, spelt out: the model imports this module (``scholar_meta``).
AGREEMENT, DECLARATION = "agreement", "declaration"
LEGISLATION = (AGREEMENT, DECLARATION)


def live(obj):
    return obj is not None and obj.is_public


def issuer_name(document):
    body = document.issuing_body
    if live(body):
        return body.name
    return document.source.publisher if document.source_id and document.source else ""


def document_jsonld(document, absolute):
    url = absolute(document.get_absolute_url())
    legislation = document.doc_type in LEGISLATION
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation" if legislation else "CreativeWork",
        "@id": url + "#document",
        "name": document.title,
        "url": url,
        "identifier": document.identifier,
        "genre": document.get_doc_type_display(),
    }
    if document.summary:
        data["abstract"] = document.summary
    if document.date:
        data["legislationDate" if legislation else "datePublished"] = document.date.isoformat()
        if legislation:
            data["datePublished"] = document.date.isoformat()
    issuer = issuer_name(document)
    body = document.issuing_body
    if issuer:
        organisation = {"@type": "Organization", "name": issuer}
        if live(body):
            organisation["url"] = absolute(body.get_absolute_url())
        data["legislationPassedBy" if legislation else "publisher"] = organisation
        if legislation:
            data["publisher"] = organisation
    if document.place:
        data["locationCreated"] = {"@type": "Place", "name": document.place}
    if document.languages:
        data["inLanguage"] = document.languages
    if document.official_url:
        data["sameAs"] = document.official_url
    if document.file and document.file_kind:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": absolute(f"{document.get_absolute_url()}file/"),
            "encodingFormat": document.file_kind.content_type,
        }
    if legislation and document.doc_type == AGREEMENT:
        data["legislationType"] = "Agreement"
        if document.entered_into_force:
            data["legislationLegalForce"] = "InForce"
            data["legislationDateVersion"] = document.entered_into_force.isoformat()
    elif legislation:
        data["legislationType"] = "Declaration"
    return data


def scholar_date(value):
    """Google Scholar's form: "2007/11/20", "2007/11" or "2007"."""
    return value.isoformat().replace("-", "/")


def scholar_meta(document, absolute):
    """(name, content) pairs for the document itself (not this page about it)."""
    pairs = [("citation_title", document.title)]
    issuer = issuer_name(document)
    if issuer:
        pairs.append(("citation_author", issuer))
    if document.date:
        pairs.append(("citation_publication_date", scholar_date(document.date)))
    if document.has_pdf and document.is_public:
        pairs.append(("citation_pdf_url", absolute(f"{document.get_absolute_url()}file/")))
    pairs.append(("citation_abstract_html_url", absolute(document.get_absolute_url())))
    if document.languages:
        pairs.append(("citation_language", document.languages))
    return pairs
