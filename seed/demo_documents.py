"""Synthetic documents for benchmarks: ``generate_demo_data --documents 50000``.

Bulk inserts in batches: documents (each with its permanent identifier, numbered on from
the highest given), their topics, a citation of the demo source each, and for agreements
the Member States' signatures (some with a consent). Slugs start with ``demo-doc-``; a new
run removes the earlier demo documents first. Seed documents are never touched."""

import random

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.html import escape

from documents.models import (
    Document,
    DocumentType,
    Participation,
    format_identifier,
    next_identifier_number,
)
from initiatives.models import Topic
from member_states.models import MemberState
from publishing.content import State
from publishing.markdown import render_markdown
from seed.demo_data import (
    SYNTHETIC_NOTE,
    Words,
    _partial,
    _random_date,
    _sentence,
    _title,
    demo_source,
)
from sources.models import Citation

SLUG_PREFIX = "demo-doc-"
BATCH = 2000
DRAFT_SHARE = 0.05
TYPES = DocumentType.values


def clear():
    demo = Document.objects.filter(slug__startswith=SLUG_PREFIX)
    with transaction.atomic():
        Citation.objects.filter(
            content_type=ContentType.objects.get_for_model(Document),
            object_id__in=demo.values("pk"),
        ).delete()
        Participation.objects.filter(document__in=demo).delete()
        for through in (
            Document.topics.through,
            Document.initiatives.through,
            Document.partners.through,
        ):
            through.objects.filter(document__in=demo).delete()
        return demo.delete()[0]


def build_documents(count, seed=2045):
    """Yield how many are done after each batch."""
    rng = random.Random(seed)
    words = Words(rng)
    topics = list(Topic.objects.values_list("pk", flat=True))
    states = list(MemberState.objects.values_list("pk", flat=True))
    source = demo_source()
    content_type = ContentType.objects.get_for_model(Document)
    number = next_identifier_number()
    summary = f"{{sentence}}\n\n{SYNTHETIC_NOTE}"
    # What render_markdown gives for this shape, made once: Markdown per row was two thirds
    # of the time (a plain sentence needs only escaping).
    note_html = render_markdown(SYNTHETIC_NOTE)
    done = 0
    while done < count:
        size = min(BATCH, count - done)
        rows = []
        for n in range(done, done + size):
            subject = words.pick("sector").capitalize()
            sentence = _sentence(rng, subject)
            text = summary.format(sentence=sentence)
            rows.append(
                Document(
                    title=_title(rng, subject, words)[:300],
                    slug=f"{SLUG_PREFIX}{n + 1}",
                    identifier=format_identifier(number + n),
                    doc_type=rng.choice(TYPES),
                    date=_partial(rng, _random_date(rng, 1967, 2025)),
                    place=words.pick("place") if rng.random() < 0.5 else "",
                    summary=text,
                    summary_html=f"<p>{escape(sentence)}</p>\n{note_html}",
                    state=State.DRAFT if rng.random() < DRAFT_SHARE else State.PUBLISHED,
                )
            )
        with transaction.atomic():
            made = Document.objects.bulk_create(rows)
            links = []
            participations = []
            citations = []
            for document in made:
                for topic in rng.sample(topics, min(len(topics), rng.randint(1, 2))):
                    links.append(Document.topics.through(document_id=document.pk, topic_id=topic))
                citations.append(
                    Citation(content_type=content_type, object_id=document.pk, source=source)
                )
                if document.doc_type == DocumentType.AGREEMENT:
                    signed = _partial(rng, _random_date(rng, 1967, 2025))
                    for state in rng.sample(states, rng.randint(1, len(states))):
                        ratified = rng.random() < 0.5
                        participations.append(
                            Participation(
                                document_id=document.pk,
                                member_state_id=state,
                                signed=signed,
                                consent_kind="ratification" if ratified else "",
                                consented=signed if ratified else "",
                            )
                        )
            Document.topics.through.objects.bulk_create(links)
            Citation.objects.bulk_create(citations)
            Participation.objects.bulk_create(participations)
        done += size
        yield done
