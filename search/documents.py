"""What each kind of content puts in the index.

Only content whose state is "published" is indexed; its publish/unpublish times are copied
and applied when searching. Division and topic names count only while they are published,
both as words (``keywords``) and as facets.
"""

import re
from dataclasses import dataclass
from html import unescape

from django.db.models import Prefetch

from divisions.models import Division
from faqs.models import FAQ
from initiatives.models import Initiative, Topic
from publishing.content import State
from search.models import DocumentKind, SearchDocument
from search.query import CONTROL

TAG = re.compile(r"<[^>]*>")


def plain_text(html):
    """Sanitised HTML as one line of text (tags become spaces, so words never fuse)."""
    return squash(unescape(TAG.sub(" ", html or "")))


def squash(text):
    """No control characters (the engines' match markers are control characters) and
    single spaces."""
    return " ".join(CONTROL.sub(" ", text or "").split())


def facet_keys(kind, divisions=(), topics=()):
    return [
        f"type:{kind}",
        *dict.fromkeys(f"division:{d.pk}" for d in divisions),
        *dict.fromkeys(f"topic:{t.pk}" for t in topics),
    ]


def is_published(obj):
    return obj is not None and obj.state == State.PUBLISHED


def names(objects):
    return " ".join(squash(o.name) for o in objects)


def published_topics():
    return Prefetch("topics", queryset=Topic.objects.filter(state=State.PUBLISHED).only("name"))


def new_document(kind, obj, *, title, summary="", body="", keywords="", divisions=(), topics=()):
    return SearchDocument(
        kind=kind,
        object_id=obj.pk,
        title=squash(title)[:300],
        summary=squash(summary),
        body=body,
        keywords=squash(keywords),
        url=obj.get_absolute_url(),
        facets=facet_keys(kind, divisions, topics),
        publish_at=obj.publish_at,
        unpublish_at=obj.unpublish_at,
    )


@dataclass(frozen=True)
class Source:
    """One kind of content: where it comes from and how it becomes a document."""

    kind: str
    model: type

    def queryset(self):
        """The indexable rows, with what their documents need in a fixed number of queries."""
        rows = self.model.objects.filter(state=State.PUBLISHED)
        if self.model is Initiative:
            supporting = Division.objects.filter(state=State.PUBLISHED).only("name")
            return rows.select_related("lead_division").prefetch_related(
                published_topics(), Prefetch("supporting_divisions", queryset=supporting)
            )
        if self.model is FAQ:
            return rows.select_related("division").prefetch_related(published_topics())
        return rows

    def build(self, obj):
        return getattr(self, f"build_{self.kind}")(obj)

    def build_division(self, division):
        return new_document(
            self.kind,
            division,
            title=division.name,
            summary=division.summary,
            body=squash(f"{plain_text(division.mandate_html)} {division.head_title}"),
            keywords=division.short_name,
            divisions=[division],
        )

    def build_topic(self, topic):
        return new_document(
            self.kind,
            topic,
            title=topic.name,
            body=plain_text(topic.description_html),
            topics=[topic],
        )

    def build_initiative(self, initiative):
        lead = initiative.lead_division
        divisions = [lead] if is_published(lead) else []
        divisions += list(initiative.supporting_divisions.all())
        topics = list(initiative.topics.all())
        lead_acronym = lead.short_name if divisions and divisions[0] is lead else ""
        return new_document(
            self.kind,
            initiative,
            title=initiative.title,
            summary=initiative.summary,
            body=plain_text(initiative.body_html),
            keywords=f"{names(topics)} {names(divisions)} {lead_acronym}",
            divisions=divisions,
            topics=topics,
        )

    def build_faq(self, faq):
        divisions = [faq.division] if is_published(faq.division) else []
        topics = list(faq.topics.all())
        return new_document(
            self.kind,
            faq,
            title=faq.question,
            body=plain_text(faq.answer_html),
            keywords=f"{names(topics)} {names(divisions)}",
            divisions=divisions,
            topics=topics,
        )


SOURCES = {
    DocumentKind.DIVISION: Source(DocumentKind.DIVISION, Division),
    DocumentKind.TOPIC: Source(DocumentKind.TOPIC, Topic),
    DocumentKind.INITIATIVE: Source(DocumentKind.INITIATIVE, Initiative),
    DocumentKind.FAQ: Source(DocumentKind.FAQ, FAQ),
}
KIND_OF_MODEL = {source.model: kind for kind, source in SOURCES.items()}


def dependents(kind, pks):
    """``{kind: pks}`` of the documents that show the names of these divisions or topics."""
    if kind == DocumentKind.DIVISION:
        initiatives = Initiative.objects.filter(lead_division__in=pks).values_list("pk", flat=True)
        supported = Initiative.supporting_divisions.through.objects.filter(division__in=pks)
        faqs = FAQ.objects.filter(division__in=pks).values_list("pk", flat=True)
        return {
            DocumentKind.INITIATIVE: set(initiatives)
            | set(supported.values_list("initiative_id", flat=True)),
            DocumentKind.FAQ: set(faqs),
        }
    if kind == DocumentKind.TOPIC:
        tagged = Initiative.topics.through.objects.filter(topic__in=pks)
        faq_tagged = FAQ.topics.through.objects.filter(topic__in=pks)
        return {
            DocumentKind.INITIATIVE: set(tagged.values_list("initiative_id", flat=True)),
            DocumentKind.FAQ: set(faq_tagged.values_list("faq_id", flat=True)),
        }
    return {}
