"""Load the documents and partners of ``seed.library_data`` through the seed's own
``Loader`` (idempotent; a row staff have saved is left as it is)."""

import sys

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef

from documents.models import Document, Participation
from faqs.models import FAQ
from initiatives.models import Initiative
from member_states.models import MemberState
from partial_dates import PartialDate
from partners.models import Partner
from seed import data, library_data
from sources.models import Citation, Source


def seed_error(loader):
    """The loader's own ``SeedError`` (its command reports it as a message and nothing is
    written), taken from the loader's module: ``seed.loader`` calls this module, so it is
    not imported back."""
    return sys.modules[type(loader).__module__].SeedError


def load_library(loader):
    load_sources(loader)
    documents = load_documents(loader)
    load_signatures(loader, documents)
    load_partners(loader)


def load_sources(loader):
    for key, title, publisher, published, kind, notes in library_data.SOURCES:
        loader.sources[key] = loader.sync(
            Source,
            key,
            {
                "title": title,
                "publisher": publisher,
                "published": PartialDate.coerce(published),
                "kind": kind,
                "notes": notes,
            },
            key_field="key",
        )


def citing(model, source):
    """The items of ``model`` that cite ``source``: those "resting on" its document."""
    content_type = ContentType.objects.get_for_model(model)
    cites = Citation.objects.filter(
        content_type=content_type, source=source, object_id=OuterRef("pk")
    )
    return list(model.objects.filter(Exists(cites)).order_by("pk"))


def meeting_named(slug):
    """A meeting the bodies seed made, if it has run: the link is skipped otherwise."""
    meetings = Document._meta.get_field("meeting").related_model
    return meetings.objects.filter(slug=slug).first()


def load_documents(loader):
    documents = {}
    wanted = {s[0]: s for s in data.SOURCES if s[4] in library_data.DOCUMENT_SOURCE_KINDS}
    missing = set(wanted) - set(library_data.DOCUMENTS)
    if missing:
        raise seed_error(loader)(f"Documents: no slug and type for the sources {sorted(missing)}.")
    for key, (slug, doc_type) in library_data.DOCUMENTS.items():
        if key not in wanted:
            raise seed_error(loader)(
                f"Documents: “{key}” is not an official document or publication."
            )
        source = loader.source(key, slug)
        facts = library_data.AGREEMENT_FACTS.get(slug, {})
        fields = {
            "title": source.title,
            "doc_type": doc_type,
            "date": source.published,
            "place": facts.get("place", ""),
            "entered_into_force": PartialDate.coerce(facts.get("entered_into_force", "")),
            "source": source,
        }
        meeting_slug = library_data.MEETINGS.get(key)
        meeting = meeting_named(meeting_slug) if meeting_slug else None
        if meeting is not None:
            fields["meeting"] = meeting
        documents[slug] = loader.sync(
            Document,
            slug,
            fields,
            m2m={"initiatives": citing(Initiative, source)},
            citations=[(key, "")],
        )
        link_faqs(documents[slug], source)
    return documents


def link_faqs(document, source):
    """FAQs citing the document's source rest on it too; a link staff removed is not
    restored once the FAQ has been edited (``updated_by`` set)."""
    for faq in citing(FAQ, source):
        if faq.updated_by_id is None:
            faq.documents.add(document)


def load_signatures(loader, documents):
    states = {state.slug: state for state in MemberState.objects.all()}
    tally = loader.result.tally("Signatures and consents")
    for slug, rows in library_data.SIGNATURES.items():
        document = documents[slug]
        for state_slug, signed, source_key in rows:
            if state_slug not in states:
                raise seed_error(loader)(f"{slug}: unknown Member State “{state_slug}”.")
            _, created = Participation.objects.get_or_create(
                document=document,
                member_state=states[state_slug],
                defaults={
                    "signed": PartialDate.coerce(signed),
                    "source": loader.source(source_key, slug),
                },
            )
            if created:
                tally.created += 1
            else:
                tally.unchanged += 1  # a row staff may have completed: left as it is


def load_partners(loader):
    for slug, name, short_name, since, sources in library_data.PARTNERS:
        loader.sync(
            Partner,
            slug,
            {
                "name": name,
                "short_name": short_name,
                "kind": library_data.DIALOGUE,
                "since": PartialDate.coerce(since),
            },
            citations=sources,
            fallback=("name",),
        )
