"""Write the seed content to the database: idempotent, and staff edits win.

Rows are matched by slug (sources by key). A row that does not exist is created. A row
that a staff member has saved in the admin (``updated_by`` is set) is never touched again.
Any other row is brought in line with the seed, and saved only if something actually
differs, so a second run changes nothing. Sources carry no ``updated_by``: the loader
cannot tell an edited one from an untouched one, so it creates missing ones and leaves
existing ones alone. Each item's citations (the sources its facts
rest on) follow the same rule as the item.

Everything runs in one transaction: a problem anywhere leaves the database as it was.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.text import slugify

from divisions.models import Division
from faqs.models import FAQ
from initiatives.models import Initiative, Milestone, Topic
from member_states.models import MemberState
from pages.models import SiteSection
from partial_dates import PartialDate
from publishing.content import State
from publishing.history import one_revision
from seed import data
from seed.parser import SeedDocument, SeedFormatError, parse_seed, read_seed_text
from sources.models import Citation, Source

# Belt and braces: the article's last line is its publisher's contact (a phone number, an
# e-mail address and an address in Bắc Giang), which must never reach the portal. The
# parser does not read that section; this check refuses any text that looks like it.
FORBIDDEN_TEXT = re.compile(
    r"\d{8,}|giang|need assistance|customer support|email protected|phone number",
    re.IGNORECASE,
)


SEED_REVISION = "Loaded from the seed content"


class SeedError(Exception):
    """The seed cannot be loaded; the message says why. Nothing has been written."""


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0


@dataclass
class SeedResult:
    tallies: dict[str, Tally] = field(default_factory=dict)

    def tally(self, label: str) -> Tally:
        return self.tallies.setdefault(label, Tally())

    def summary_lines(self) -> list[str]:
        return [
            f"{label}: {t.created} created, {t.updated} updated, {t.unchanged} unchanged, "
            f"{t.kept} kept (edited by staff)"
            for label, t in self.tallies.items()
        ]


def load_seed_content(log: Callable[[str], None] | None = None) -> SeedResult:
    """Load everything in one transaction; ``log`` receives one line per row written. The
    article's text is loaded word for word (an editor's note goes beside it)."""
    try:
        document = parse_seed(read_seed_text())
    except (OSError, SeedFormatError) as exc:
        raise SeedError(f"Cannot read the seed text: {exc}") from exc
    loader = Loader(document, log or (lambda message: None))
    with transaction.atomic():
        loader.run()
    return loader.result


def lowercase_title(title: str) -> str:
    """ "Enhancing ASEAN’s Global Presence" → "enhancing ASEAN’s global presence"."""
    words = [w[0].lower() + w[1:] if w[1:2].islower() else w for w in title.split()]
    return " ".join(words)


def join_words(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + ", and " + items[-1]


def complete_lead(lead: str, completion: str | None = None) -> str:
    """A list's lead-in ends with ":"; once the list lives elsewhere, end it properly."""
    if not lead.endswith(":"):
        return lead
    lead = lead[:-1].rstrip()
    return f"{lead} {completion}." if completion else f"{lead}."


class Loader:
    def __init__(self, document: SeedDocument, log: Callable[[str], None]):
        self.document = document
        self.log = log
        self.result = SeedResult()

    def run(self):
        self.sources = self.load_sources()
        topics = self.load_topics()
        divisions = self.load_divisions()
        states = self.load_member_states()  # after the divisions: one owns them
        self.load_sections()
        self.load_initiatives(divisions, topics, states)
        self.load_faqs(divisions, topics)

    def load_sources(self):
        return {
            key: self.sync(
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
            for key, title, publisher, published, kind, notes in data.SOURCES
        }

    def source(self, key, where):
        try:
            return self.sources[key]
        except KeyError:
            raise SeedError(f"{where}: unknown source “{key}”.") from None

    # --- the content ------------------------------------------------------------------

    def load_topics(self):
        return {
            slug: self.sync(
                Topic,
                slug,
                {"name": name, "description": description},
                fallback=("name",),
            )
            for slug, name, description in data.TOPICS
        }

    def load_member_states(self):
        """The eleven, published, with their joining dates (cited) and the other names and
        demonyms search recognises; owned by the Community and Corporate Affairs
        Directorate once it exists (loaded after the divisions on a fresh database)."""
        owner = Division.objects.filter(slug=data.CCA).first()
        return {
            slug: self.sync(
                MemberState,
                slug,
                {
                    "name": name,
                    "iso_code": iso_code,
                    "joined_on": PartialDate.coerce(joined),
                    "other_names": "\n".join(data.MEMBER_STATE_OTHER_NAMES.get(slug, [])),
                    "owning_division": owner,
                },
                fallback=("iso_code", "name"),
                citations=[(source, data.JOINED_ON_SUPPORTS)],
            )
            for slug, name, iso_code, joined, source in data.MEMBER_STATES
        }

    def load_divisions(self):
        entries = {entry.title: entry for entry in self.document.structure.entries}
        curated = {item["source_name"]: item for item in data.DIVISIONS}
        if set(entries) != set(curated):
            raise SeedError(
                "The seed text's divisions and the curated division data disagree: "
                f"only in the text {sorted(set(entries) - set(curated))}, "
                f"only in data.DIVISIONS {sorted(set(curated) - set(entries))}."
            )
        divisions = {}
        # Parents first: the data lists the Office before the units under it.
        for order, item in enumerate(data.DIVISIONS, start=1):
            parent = item["parent"]
            if parent is not None and parent not in divisions:
                raise SeedError(
                    f"Division {item['slug']}: parent {parent} is not listed before it."
                )
            divisions[item["slug"]] = self.sync(
                Division,
                item["slug"],
                {
                    "name": item["source_name"],
                    "short_name": item["short_name"],
                    "kind": item["kind"],
                    "pillar": item["pillar"],
                    "parent": divisions[parent] if parent else None,
                    "head_title": item["head_title"],
                    "summary": entries[item["source_name"]].text,
                    "mandate": item["mandate"],
                    "order": order,
                },
                fallback=("name",),
                citations=[(data.ARTICLE_SOURCE, "")],
            )
        return divisions

    def section_rows(self):
        """(slug, kind, title, body, order) for every site section."""
        doc, Kind = self.document, SiteSection.Kind
        rows = [(data.INTRO_SLUG, Kind.INTRO, data.INTRO_TITLE, "\n\n".join(doc.intro), 1)]
        if doc.roles.lead:
            # "…the secretariat plays a crucial role in:" + the roles, named in the sentence.
            roles = join_words([lowercase_title(entry.title) for entry in doc.roles.entries])
            *first, last = doc.roles.lead
            role_lead = "\n\n".join([*first, complete_lead(last, roles)])
            rows.append((data.ROLE_INTRO_SLUG, Kind.INTRO, doc.roles.heading, role_lead, 2))
        for order, entry in enumerate(doc.roles.entries, start=1):
            rows.append((f"role-{slugify(entry.title)}", Kind.ROLE, entry.title, entry.text, order))
        structure = "\n\n".join(complete_lead(p) for p in doc.structure.lead)
        rows.append((data.STRUCTURE_SLUG, Kind.STRUCTURE, doc.structure.heading, structure, 1))
        for order, entry in enumerate(doc.challenges.entries, start=1):
            slug = f"challenge-{slugify(entry.title)}"
            rows.append((slug, Kind.CHALLENGE, entry.title, entry.text, order))
        if doc.challenges.after:
            outlook = "\n\n".join(doc.challenges.after)
            rows.append((data.OUTLOOK_SLUG, Kind.OUTLOOK, data.OUTLOOK_TITLE, outlook, 1))
        conclusion = "\n\n".join(doc.conclusion)
        rows.append((data.CONCLUSION_SLUG, Kind.OUTLOOK, doc.conclusion_heading, conclusion, 2))
        contact = data.CONTACT
        rows.append((contact["slug"], Kind.CONTACT, contact["title"], contact["body"], 1))
        return rows

    def load_sections(self):
        for slug, kind, title, body, order in self.section_rows():
            note, note_source = data.EDITORIAL_NOTES.get(slug, ("", None))
            citations = [] if slug == data.CONTACT["slug"] else [(data.ARTICLE_SOURCE, "")]
            if note_source:
                citations.append((note_source, "Editor's note"))
            self.sync(
                SiteSection,
                slug,
                {
                    "kind": kind,
                    "title": title,
                    "body": body,
                    "order": order,
                    "editorial_note": note,
                },
                citations=citations,
            )

    def load_initiatives(self, divisions, topics, states):
        for item in data.INITIATIVES:
            self.sync(
                Initiative,
                item["slug"],
                {
                    "title": item["title"],
                    "summary": item["summary"],
                    "body": item["body"],
                    "lead_division": self.lookup(divisions, item["lead_division"], item),
                    "pillar": item["pillar"],
                    "status": item["status"],
                    **{
                        name: PartialDate.coerce(item[name])
                        for name in ("planned_start", "planned_end", "actual_start", "actual_end")
                    },
                    "featured": item["featured"],
                },
                m2m={
                    "supporting_divisions": [
                        self.lookup(divisions, s, item) for s in item["supporting_divisions"]
                    ],
                    "topics": [self.lookup(topics, s, item) for s in item["topics"]],
                    "member_states": [self.lookup(states, s, item) for s in item["member_states"]],
                },
                milestones=[
                    (
                        title,
                        PartialDate.coerce(planned),
                        PartialDate.coerce(reached),
                        self.source(source, item["slug"]).pk,
                        order,
                    )
                    for order, (title, planned, reached, source) in enumerate(
                        item["milestones"], start=1
                    )
                ],
                citations=item["sources"],
            )

    def faq_rows(self):
        rows = []
        for question in self.document.faqs:
            slug = slugify(question.question)
            if slug not in data.ARTICLE_FAQS:
                raise SeedError(
                    f"The seed FAQ “{question.question}” has no owning division in "
                    "data.ARTICLE_FAQS."
                )
            division, topics = data.ARTICLE_FAQS[slug]
            sources = [(data.ARTICLE_SOURCE, ""), *data.ARTICLE_FAQ_SOURCES.get(slug, [])]
            rows.append((slug, question.question, question.answer, division, topics, sources))
        for item in data.EXTRA_FAQS:
            rows.append(
                (
                    item["slug"],
                    item["question"],
                    item["answer"],
                    item["division"],
                    item["topics"],
                    item["sources"],
                )
            )
        return rows

    def load_faqs(self, divisions, topics):
        for order, (slug, question, answer, division, topic_slugs, sources) in enumerate(
            self.faq_rows(), start=1
        ):
            where = {"slug": slug}
            self.sync(
                FAQ,
                slug,
                {
                    "question": question,
                    "answer": answer,
                    "division": self.lookup(divisions, division, where),
                    "order": order,
                },
                m2m={"topics": [self.lookup(topics, s, where) for s in topic_slugs]},
                citations=sources,
            )

    # --- the machinery ----------------------------------------------------------------

    @staticmethod
    def lookup(objects, slug, item):
        try:
            return objects[slug]
        except KeyError:
            raise SeedError(f"{item['slug']}: unknown reference “{slug}”.") from None

    def sync(
        self,
        model,
        slug,
        fields,
        *,
        m2m=None,
        milestones=None,
        citations=None,
        fallback=(),
        key_field="slug",
    ):
        """Create, update or leave alone the row ``slug``; return it. ``citations``:
        ``[(source key, supports), ...]``, the item's own citations, in order."""
        m2m = m2m or {}
        wanted_citations = None
        if citations is not None:
            wanted_citations = [
                (self.source(key, slug).pk, supports, order)
                for order, (key, supports) in enumerate(citations, start=1)
            ]
        plural = str(model._meta.verbose_name_plural)
        label = plural[0].upper() + plural[1:]
        tally = self.result.tally(label)
        is_content = any(f.name == "updated_by" for f in model._meta.get_fields())
        if is_content:
            fields = {**fields, "state": State.PUBLISHED}
        self.check_text(model, slug, fields)

        obj = model.objects.filter(**{key_field: slug}).first()
        if obj is None:
            # A row renamed by staff keeps its unique name under another slug: leave it.
            for name in fallback:
                obj = model.objects.filter(**{name: fields[name]}).first()
                if obj is not None:
                    tally.kept += 1
                    self.log(f"{label}: kept {slug} (found as “{obj.slug}”)")
                    return obj
            obj = model(**{key_field: slug})
            with one_revision(obj, reason=SEED_REVISION):
                self.assign(obj, fields)
                self.save(obj, slug)
                for name, objects in m2m.items():
                    getattr(obj, name).set(objects)
                if milestones is not None:
                    self.write_milestones(obj, milestones)
                if wanted_citations is not None:
                    self.write_citations(obj, wanted_citations)
            tally.created += 1
            self.log(f"{label}: created {slug}")
            return obj

        differs = self.differs(obj, fields, m2m, milestones, wanted_citations)
        if not differs:
            tally.unchanged += 1
            return obj
        if not is_content and differs == ["sources"] and not current_citations(obj):
            # Reference data loaded before sources existed: give it its citations.
            self.write_citations(obj, wanted_citations)
            tally.updated += 1
            self.log(f"{label}: updated {slug} (sources)")
            return obj
        if not is_content or obj.updated_by_id is not None:
            tally.kept += 1
            self.log(f"{label}: kept {slug} (differs in {', '.join(differs)})")
            return obj
        with one_revision(obj, reason=SEED_REVISION):
            self.assign(obj, fields)
            self.save(obj, slug)
            for name, objects in m2m.items():
                getattr(obj, name).set(objects)
            if milestones is not None and "milestones" in differs:
                obj.milestones.all().delete()
                self.write_milestones(obj, milestones)
            if wanted_citations is not None and "sources" in differs:
                self.write_citations(obj, wanted_citations)
        tally.updated += 1
        self.log(f"{label}: updated {slug} ({', '.join(differs)})")
        return obj

    @staticmethod
    def assign(obj, fields):
        for name, value in fields.items():
            setattr(obj, name, value)

    @staticmethod
    def save(obj, slug):
        try:
            obj.full_clean()
        except ValidationError as exc:
            raise SeedError(f"{obj._meta.verbose_name} {slug}: {exc.message_dict}") from exc
        obj.save()

    @staticmethod
    def differs(obj, fields, m2m, milestones, citations=None):
        changed = []
        for name, value in fields.items():
            model_field = obj._meta.get_field(name)
            if isinstance(model_field, models.ForeignKey):
                current, wanted = getattr(obj, model_field.attname), value.pk if value else None
            else:
                current, wanted = getattr(obj, name), value
            if current != wanted:
                changed.append(name)
        for name, objects in m2m.items():
            current = set(getattr(obj, name).values_list("pk", flat=True))
            if current != {o.pk for o in objects}:
                changed.append(name)
        if milestones is not None:
            current = list(
                obj.milestones.order_by("order", "pk").values_list(
                    "title", "planned", "reached", "source_id", "order"
                )
            )
            if current != list(milestones):
                changed.append("milestones")
        if citations is not None and current_citations(obj) != citations:
            changed.append("sources")
        return changed

    @staticmethod
    def write_milestones(obj, milestones):
        rows = [
            Milestone(
                initiative=obj,
                title=title,
                planned=planned,
                reached=reached,
                source_id=source_id,
                order=order,
            )
            for title, planned, reached, source_id, order in milestones
        ]
        for row in rows:
            try:
                row.full_clean(exclude=["initiative"])
            except ValidationError as exc:
                raise SeedError(
                    f"Milestone “{row.title}” of {obj.slug}: {exc.message_dict}"
                ) from exc
        Milestone.objects.bulk_create(rows)

    @staticmethod
    def write_citations(obj, citations):
        content_type = ContentType.objects.get_for_model(obj._meta.concrete_model)
        Citation.objects.filter(content_type=content_type, object_id=obj.pk).delete()
        Citation.objects.bulk_create(
            Citation(
                content_type=content_type,
                object_id=obj.pk,
                source_id=source_id,
                supports=supports,
                order=order,
            )
            for source_id, supports, order in citations
        )

    @staticmethod
    def check_text(model, slug, fields):
        for name, value in fields.items():
            if isinstance(value, str) and FORBIDDEN_TEXT.search(value):
                raise SeedError(
                    f"{model._meta.verbose_name} {slug}: field {name} looks like the article "
                    "publisher's contact details, which are not portal content."
                )


def current_citations(obj):
    content_type = ContentType.objects.get_for_model(obj._meta.concrete_model)
    return list(
        Citation.objects.filter(content_type=content_type, object_id=obj.pk)
        .order_by("order", "pk")
        .values_list("source_id", "supports", "order")
    )
