"""What each registered content type puts in the index.

The types, and how each builds its document, come from ``publishing.registry``: this module
names no app. Only content whose state is "published" or "archived" is indexed; its
publish/unpublish times are copied and applied when searching (an archived page has
none). The names of facet types (divisions, topics) count only while they are published,
both as words (``keywords``) and as facets.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.core import checks
from django.utils.text import slugify

from publishing.content import State
from publishing.markdown import html_text
from publishing.registry import registry
from search.models import DocumentKind, SearchDocument
from search.tokenizer import CONTROL


def plain_text(html):
    """Sanitised HTML as one line of text (tags become spaces, so words never fuse)."""
    return squash(html_text(html))


def squash(text):
    """No control characters (the engines' match markers are control characters) and
    single spaces."""
    return " ".join(CONTROL.sub(" ", text or "").split())


def facet_keys(kind, facets=()):
    """``type:<kind>``, then ``<facet kind>:<id>`` for each facet object, once each."""
    keys = [f"type:{kind}"]
    for obj in facets:
        key = f"{kind_of_model(type(obj))}:{obj.pk}"
        if key not in keys:
            keys.append(key)
    return keys


ARCHIVED = "status:archived"
STATUS = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


def described_keys(entry):
    """``status:<value>`` and ``year:<yyyy>`` of an entry that has them: facets of every
    type, whatever its models call them."""
    keys = []
    status = slugify(entry.status or "")
    # "archived" is the publication state's key (``ARCHIVED``), not an item's status.
    if status and STATUS.match(status) and status != "archived":
        keys.append(f"status:{status}")
    if entry.year:
        keys.append(f"year:{int(entry.year)}")
    return keys


def new_document(kind, obj, entry):
    archived = obj.state == State.ARCHIVED
    facets = [*facet_keys(kind, entry.facets), *described_keys(entry)]
    return SearchDocument(
        kind=kind,
        object_id=obj.pk,
        title=squash(entry.title)[:300],
        summary=squash(entry.summary),
        body=squash(entry.body),
        keywords=squash(entry.keywords),
        url=obj.get_absolute_url(),
        facets=[*facets, ARCHIVED] if archived else facets,
        # An archived page stays reachable whatever its window said (``reachable()``).
        publish_at=None if archived else obj.publish_at,
        unpublish_at=None if archived else obj.unpublish_at,
    )


@dataclass(frozen=True)
class Source:
    """One kind of content: where it comes from and how it becomes a document."""

    kind: str
    content_type: object  # publishing.registry.ContentType

    @property
    def model(self):
        return self.content_type.model

    def queryset(self):
        """The indexable rows, with what their documents need in a fixed number of queries:
        published ones, and archived ones, whose pages are kept because people cite them
        (labelled "Archived" in results, and a filter leaves them out)."""
        rows = self.model.objects.filter(state__in=[State.PUBLISHED, State.ARCHIVED])
        return self.content_type.search.prepare(rows)

    def build(self, obj):
        return new_document(self.kind, obj, self.content_type.search.build(obj))

    def name_fields(self):
        """The fields whose targets' names this kind's documents show."""
        return [self.model._meta.get_field(n) for n in self.content_type.search.shows_names_of]


class Sources(Mapping):
    """``{kind: Source}``, read from the registry when asked (apps register in ``ready()``,
    after this module may have been imported)."""

    def _sources(self):
        return {kind: Source(kind, t) for kind, t in registry.searchable().items()}

    def __getitem__(self, kind):
        return self._sources()[kind]

    def __iter__(self):
        return iter(self._sources())

    def __len__(self):
        return len(registry.searchable())


SOURCES = Sources()


def kind_of_model(model):
    """The search kind of a registered model, or None."""
    content_type = registry.get(model)
    return content_type.search.kind if content_type and content_type.search else None


def model_of_kind(kind):
    """The registered model whose documents are of this kind."""
    return registry.by_kind(kind).model


_links = (None, {})


def links():
    """``{link table: (kind of its source side, source column, target column)}`` for the
    many-to-many fields whose targets' names documents show (worked out once per state of
    the registry: every link change asks)."""
    global _links
    generation, found = _links
    if generation == registry.generation:
        return found
    found = {}
    for kind, source in SOURCES.items():
        for name_field in source.name_fields():
            if name_field.many_to_many:
                through = name_field.remote_field.through
                found[through] = (
                    kind,
                    through._meta.get_field(name_field.m2m_field_name()).attname,
                    through._meta.get_field(name_field.m2m_reverse_field_name()).attname,
                )
    _links = (registry.generation, found)
    return found


def dependents(kind, pks):
    """``{kind: pks}`` of the documents that show the names of these objects."""
    model = SOURCES[kind].model
    found = {}
    for other_kind, source in SOURCES.items():
        for name_field in source.name_fields():
            if name_field.related_model is not model:
                continue
            pks_of_kind = found.setdefault(other_kind, set())
            if name_field.many_to_many:
                through = name_field.remote_field.through
                source_column = through._meta.get_field(name_field.m2m_field_name()).attname
                target = name_field.m2m_reverse_field_name()
                rows = through.objects.filter(**{f"{target}__in": pks})
                pks_of_kind.update(rows.values_list(source_column, flat=True))
            else:
                rows = source.model._default_manager.filter(**{f"{name_field.name}__in": pks})
                pks_of_kind.update(rows.values_list("pk", flat=True))
    return found


@checks.register(checks.Tags.models)
def check_search_kinds(app_configs=None, **kwargs):
    """The index's table knows its kinds (a check constraint; on SQLite, the facet
    triggers' listing order), so a registered kind must be one of them."""
    from search.backends.base import KIND_ORDER

    known = set(DocumentKind.values) & set(KIND_ORDER)
    return [
        checks.Error(
            f"{content_type.label} is indexed as “{kind}”, which the search index does not know.",
            hint="Add it to search.models.DocumentKind and search.backends.base.KIND_ORDER, "
            "make a migration, and run rebuild_search_index.",
            obj=content_type.model,
            id="search.E001",
        )
        for kind, content_type in registry.searchable().items()
        if kind not in known
    ]
