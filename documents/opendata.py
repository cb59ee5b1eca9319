"""The documents and participations datasets: their column names are a public contract
(see the Data page). Dates are reduced-precision ISO 8601, as precise as they are known:
"2007", "2007-11" or "2007-11-20"; empty when not recorded."""

from django.db.models import F
from django.urls import reverse

from initiatives.models import Initiative, Topic
from partial_dates import PartialDate
from partners.models import Partner
from public.opendata import Column, Dataset, grouped

from .models import Document, Participation


def iso(value):
    return value.isoformat() if isinstance(value, PartialDate) else (value or "")


def values(queryset):
    return (
        queryset.select_related(None)
        .prefetch_related(None)
        .values(
            "pk",
            "identifier",
            "slug",
            "title",
            "doc_type",
            "date",
            "place",
            "languages",
            "official_url",
            "entered_into_force",
            "file",
            "updated_at",
            body_slug=F("issuing_body__slug"),
            meeting_slug=F("meeting__slug"),
            source_key=F("source__key"),
        )
    )


def linked(through, ids, column, names):
    """``{document id: [name, ...]}`` from a link table, keeping only ``names``' rows."""
    pairs = (
        through.objects.filter(document_id__in=ids).order_by().values_list("document_id", column)
    )
    order = {key: n for n, key in enumerate(names)}
    kept = sorted((pair for pair in pairs if pair[1] in names), key=lambda p: (p[0], order[p[1]]))
    return grouped((document_id, names[key]) for document_id, key in kept)


def complete(chunk):
    """Each row with its topics, initiatives and partners: four queries per chunk."""
    ids = [row["pk"] for row in chunk]
    topics = linked(
        Document.topics.through,
        ids,
        "topic_id",
        dict(Topic.objects.published().order_by("name").values_list("pk", "slug")),
    )
    initiatives = linked(
        Document.initiatives.through,
        ids,
        "initiative_id",
        dict(Initiative.objects.published().order_by("title").values_list("pk", "slug")),
    )
    partners = linked(
        Document.partners.through,
        ids,
        "partner_id",
        dict(Partner.objects.published().order_by("name").values_list("pk", "slug")),
    )
    for row in chunk:
        pk = row["pk"]
        yield {
            "identifier": row["identifier"],
            "slug": row["slug"],
            "title": row["title"],
            "url": reverse("documents:detail", args=[row["slug"]]),
            "permanent_url": reverse("documents:by-identifier", args=[row["identifier"]]),
            "type": row["doc_type"],
            "date": iso(row["date"]),
            "place": row["place"],
            "languages": row["languages"],
            "official_url": row["official_url"],
            "file_url": reverse("documents:file", args=[row["slug"]]) if row["file"] else "",
            "issuing_body": row["body_slug"] or "",
            "meeting": row["meeting_slug"] or "",
            "entered_into_force": iso(row["entered_into_force"]),
            "source": row["source_key"] or "",
            "topics": topics.get(pk, []),
            "initiatives": initiatives.get(pk, []),
            "partners": partners.get(pk, []),
            "updated_at": row["updated_at"],
        }


DOCUMENTS = Dataset(
    name="documents",
    title="ASEAN documents and publications: declarations, agreements, plans, reports",
    values=values,
    complete=complete,
    columns=(
        Column("identifier", "Permanent identifier; never changes.", "ASEC-DOC-000042"),
        Column("slug", "The page is /documents/<slug>/ (may change; the identifier does not)."),
        Column("title", "Title.", "Charter of the Association of Southeast Asian Nations"),
        Column("url", "Address of the document's page.", is_path=True),
        Column("permanent_url", "Address that always leads to it.", is_path=True),
        Column(
            "type",
            "declaration, agreement, plan, statement, report or publication.",
            "agreement",
        ),
        Column(
            "date", "Its date, as precisely as known: YYYY, YYYY-MM or YYYY-MM-DD.", "2007-11-20"
        ),
        Column("place", "Where it was signed or adopted; empty if not recorded."),
        Column("languages", "Its languages, as text; empty if not recorded."),
        Column("official_url", "Its official address, where one has been checked; else empty."),
        Column("file_url", "Its file on this site, where one is kept; else empty.", is_path=True),
        Column("issuing_body", "Slug of the issuing body (/bodies/<slug>/); empty if none."),
        Column("meeting", "Slug of the meeting that adopted it (/meetings/<slug>/); or empty."),
        Column("entered_into_force", "For an agreement: when it entered into force (same form)."),
        Column("source", "Key of the same document as a source that pages cite; or empty."),
        Column("topics", "Slugs of its topics (/topics/<slug>/)."),
        Column("initiatives", "Slugs of the initiatives resting on it (/initiatives/<slug>/)."),
        Column("partners", "Slugs of the partners it involves (/partners/<slug>/)."),
        Column("updated_at", "Last change, ISO 8601 in UTC.", "2025-03-01T08:30:00Z"),
    ),
)


def participation_rows(documents):
    """The signatures and consents of the filtered documents, document by document."""
    return (
        Participation.objects.filter(document__in=documents.order_by().values("pk"))
        .order_by("document__title", "document_id", "member_state__name", "pk")
        .values(
            "signed",
            "consent_kind",
            "consented",
            identifier=F("document__identifier"),
            document_slug=F("document__slug"),
            state_code=F("member_state__iso_code"),
            state_slug=F("member_state__slug"),
            source_key=F("source__key"),
        )
    )


def complete_participations(chunk):
    for row in chunk:
        yield {
            "document": row["identifier"],
            "document_slug": row["document_slug"],
            "member_state": row["state_code"],
            "member_state_slug": row["state_slug"],
            "signed": iso(row["signed"]),
            "consent_kind": row["consent_kind"],
            "consented": iso(row["consented"]),
            "source": row["source_key"] or "",
        }


PARTICIPATIONS = Dataset(
    name="participations",
    title="Signatures, ratifications and other consents of the Member States to agreements",
    values=participation_rows,
    complete=complete_participations,
    columns=(
        Column("document", "Permanent identifier of the agreement.", "ASEC-DOC-000042"),
        Column("document_slug", "The agreement's page is /documents/<slug>/."),
        Column("member_state", "ISO 3166-1 alpha-2 code of the Member State.", "SG"),
        Column("member_state_slug", "The Member State's slug.", "singapore"),
        Column("signed", "Date of signature: YYYY, YYYY-MM or YYYY-MM-DD; empty: not recorded."),
        Column(
            "consent_kind",
            "ratification, acceptance, approval or accession; empty: not recorded.",
            "ratification",
        ),
        Column("consented", "Date of that consent, same form; empty: not recorded."),
        Column("source", "Key of the source these dates rest on; empty if none recorded."),
    ),
)
