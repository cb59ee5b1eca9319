"""Documents as public content: one registration (see ``publishing.registry``)."""

from django.db.models import Prefetch

from initiatives.registration import is_published, names, published_topics
from member_states.models import MemberState
from partners.models import Partner
from publishing.content import State
from publishing.markdown import html_text
from publishing.registry import Entry, Search, Sitemap, registry
from sources.models import Citation, Source
from sources.publish_rule import requires_source

from . import parts
from .models import Document, Participation
from .opendata import DOCUMENTS, PARTICIPATIONS


def with_names(documents):
    partners = Partner.objects.filter(state=State.PUBLISHED).only("name", "short_name")
    signatories = Participation.objects.select_related("member_state").only(
        "document", "member_state__name", "member_state__state", "member_state__slug"
    )
    return documents.select_related("issuing_body", "meeting").prefetch_related(
        published_topics(),
        Prefetch("partners", queryset=partners),
        Prefetch("participations", queryset=signatories),
    )


def document_entry(document):
    topics = list(document.topics.all())
    partners = list(document.partners.all())
    body = document.issuing_body if is_published(document.issuing_body) else None
    meeting = document.meeting if is_published(document.meeting) else None
    words = [
        document.identifier,
        document.get_doc_type_display(),
        names(topics),
        names(partners),
        " ".join(p.short_name for p in partners if p.short_name),
        body.name if body else "",
        getattr(body, "short_name", "") if body else "",
        meeting.title if meeting else "",
        document.place,
    ]
    return Entry(
        title=document.title,
        summary=html_text(document.summary_html)[:300],
        body=html_text(document.summary_html),
        keywords=" ".join(w for w in words if w),
        # Search filters and counts by topic, issuing body and the Member States that signed
        # or consented (published ones only), and by year.
        facets=[*topics, *([body] if body else []), *signatories(document)],
        year=document.date.year if document.date else None,
    )


def signatories(document):
    states = {p.member_state for p in document.participations.all()}
    return sorted((s for s in states if is_published(s)), key=lambda s: s.name)


def register():
    registry.register(
        Document,
        search=Search(
            kind="document",
            build=document_entry,
            prepare=with_names,
            shows_names_of=("topics", "partners"),
        ),
        sitemap=Sitemap("documents", changefreq="monthly", only=("slug", "updated_at")),
        feeds=("documents:feed",),
        dataset=DOCUMENTS,
        listing="documents:list",
        more_datasets=((PARTICIPATIONS, "documents:participations"),),
        member_state_paths=("participations__member_state",),
        # Shown on a document's page: the signatures and consents (and their states),
        # its citations and sources, the partners and initiatives it names.
        parts=(Participation, MemberState, Citation, Source),
        publish_checks=(requires_source,),
    )
    parts.register()
