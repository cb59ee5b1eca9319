"""The content-type registry: one declaration per type makes a model public content.

Each content app registers its types from its ``AppConfig.ready()``::

    registry.register(
        Initiative,
        search=Search(kind="initiative", build=build_document, prepare=with_names,
                      shows_names_of=("lead_division", "supporting_divisions", "topics")),
        sitemap=Sitemap("initiatives", changefreq="weekly"),
        feeds=("initiatives:feed",),
        dataset=INITIATIVES,
        listing="initiatives:list",
        parts=(Milestone, MemberState),
    )

and the shared machinery (the wings) loops over the registry instead of naming apps: the
search index and its signals, the sitemap, the review-by report, the Data page's datasets.
A registered model must be a ``ContentModel`` with ``PortalHistory`` and the publish
permission; ``register`` refuses anything else, and a system check reports a content model
nobody registered. This module names no app.
"""

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from caching import content_token
from publishing.content import ContentModel
from publishing.history import is_tracked


@dataclass(frozen=True)
class Entry:
    """What one object puts in the site search index, as its app builds it: plain text
    (``publishing.markdown.html_text`` for rendered Markdown; search removes control
    characters and runs of spaces). ``facets`` are objects of registered facet types, whose
    ids filter search."""

    title: str
    summary: str = ""
    body: str = ""
    keywords: str = ""
    facets: Sequence = ()


def unchanged(rows):
    return rows


@dataclass(frozen=True)
class Search:
    """How a type is indexed.

    ``kind``: the document's kind label (``type:<kind>`` in search). ``build(obj)`` gives the
    ``Entry``; ``prepare(rows)`` adds to the published rows what ``build`` reads, so a batch
    costs a fixed number of queries. ``shows_names_of``: the fields (foreign keys or
    many-to-many) whose targets' names this type's documents show, so a renamed target
    re-indexes them and a changed link re-indexes the linked item. ``facet``: its ids
    filter search (``?<kind>=<slug>``).
    """

    kind: str
    build: Callable[[Any], Entry]
    prepare: Callable = unchanged
    shows_names_of: tuple[str, ...] = ()
    facet: bool = False
    # ``recognise(obj)`` → the names by which a query may mean ``obj`` (a Member State's
    # official name, variants and demonyms); search narrows to that facet when it finds one.
    recognise: Callable[[Any], Sequence[str]] | None = None


@dataclass(frozen=True)
class Sitemap:
    """A section of sitemap.xml (``sitemap-<section>.xml``) listing every published item."""

    section: str
    changefreq: str = "monthly"
    limit: int = 50_000  # the sitemap protocol's maximum per file
    only: tuple[str, ...] = ()  # the columns ``get_absolute_url`` and ``lastmod`` read


@dataclass(frozen=True)
class ContentType:
    """One registered type and everything the machinery needs to know about it."""

    model: type
    search: Search | None = None
    sitemap: Sitemap | None = None
    feeds: tuple[str, ...] = ()  # URL names of the Atom feeds listing this type
    dataset: Any = None  # its open-data ``public.opendata.Dataset``, if any
    listing: str | None = None  # URL name of its public list (and of its downloads)
    # Further downloads of its parts: ((Dataset, URL name), ...), listed on the Data page.
    more_datasets: tuple = ()
    review: bool = True  # on the staff's "due for review" report
    # Models that are not content types themselves but show on this type's pages
    # (an initiative's milestones, its member states): their changes change public pages.
    parts: tuple[type, ...] = ()
    # ``check(obj, formsets)`` → a message refusing to publish ``obj``, or None; the admin
    # asks each before it saves an item as published (``formsets``: the form's inlines).
    publish_checks: tuple[Callable, ...] = ()
    # The ORM paths from this type to the Member States its items involve
    # (``"member_states"``, ``"host_state"``, ``"signatures__member_state"``): each Member
    # State's page lists the published items found through them.
    member_state_paths: tuple[str, ...] = ()

    def publish_refusals(self, obj, formsets=None):
        return [m for check in self.publish_checks if (m := check(obj, formsets))]

    @property
    def label(self):
        return self.model._meta.label

    def link_tables(self):
        """The many-to-many tables of this type and of its parts."""
        return [
            f.remote_field.through
            for model in (self.model, *self.parts)
            for f in model._meta.local_many_to_many
        ]

    def owning_division_model(self):
        """The model of the division that owns (reviews) items of this type."""
        name = self.model.owning_division_field
        if name == "id":
            return self.model
        return self.model._meta.get_field(name).related_model


def problems(model):
    """Why ``model`` cannot be a content type (empty when it can)."""
    name = getattr(model, "__name__", repr(model))
    if not (isinstance(model, type) and issubclass(model, ContentModel)):
        return [f"{name} is not a ContentModel: content types share its publication fields."]
    if model._meta.abstract:
        return [f"{name} is abstract; register its concrete models."]
    found = []
    if not is_tracked(model):
        found.append(f"{name} keeps no history: add ``history = PortalHistory(...)`` to the model.")
    permission = f"publish_{model._meta.model_name}"
    if permission not in {codename for codename, _ in model._meta.permissions}:
        found.append(
            f"{name} has no publish permission: add ``permissions = "
            f'[publish_permission_meta("{model._meta.model_name}", ...)]`` to its Meta.'
        )
    return found


class Registry:
    def __init__(self):
        self._types = {}
        self._sitemaps = {}
        self._public = None
        self._listeners = []
        #: Changes whenever a type is registered or removed: what is worked out from the
        #: registry may be kept until then.
        self.generation = 0

    def _changed(self):
        self._public = None
        self.generation += 1

    def register(self, model, **declaration):
        """Make ``model`` public content; see ``ContentType`` for what may be declared."""
        found = problems(model)
        if found:
            raise ImproperlyConfigured(f"{model.__name__} cannot be registered: {' '.join(found)}")
        if model in self._types:
            raise ImproperlyConfigured(f"{model.__name__} is registered twice.")
        content_type = ContentType(model, **declaration)
        kind = content_type.search.kind if content_type.search else None
        if kind and self.by_kind(kind):
            raise ImproperlyConfigured(
                f"The search kind “{kind}” is already {self.by_kind(kind).label}'s."
            )
        if content_type.sitemap:
            self._claim_section(content_type.sitemap.section)
        self._types[model] = content_type
        self._changed()
        for listener in self._listeners:
            listener(content_type)
        return content_type

    def involving_member_states(self):
        """The types whose items involve Member States (``member_state_paths``)."""
        return [t for t in self.types() if t.member_state_paths]

    def when_registered(self, listener):
        """``listener(content_type)`` for every type registered so far and every one
        registered later: how a wing connects its signal receivers to exactly the
        registered models, whichever app config is ready first."""
        self._listeners.append(listener)
        for content_type in self.types():
            listener(content_type)

    def add_sitemap(self, section, sitemap_class):
        """A sitemap section that is not a content type (the fixed pages, say)."""
        self._claim_section(section)
        self._sitemaps[section] = sitemap_class

    def _claim_section(self, section):
        taken = set(self._sitemaps) | {t.sitemap.section for t in self._types.values() if t.sitemap}
        if section in taken:
            raise ImproperlyConfigured(f"The sitemap section “{section}” is taken.")

    def unregister(self, model):
        """For tests that register a type of their own."""
        self._types.pop(model, None)
        self._changed()

    @contextlib.contextmanager
    def restoring(self):
        """For tests: what is registered or removed inside is undone on leaving."""
        types, sitemaps = dict(self._types), dict(self._sitemaps)
        try:
            yield self
        finally:
            self._types, self._sitemaps = types, sitemaps
            self._changed()

    # What the machinery reads.

    def types(self):
        """Every registered type, in registration order (the apps' order)."""
        return list(self._types.values())

    def get(self, model):
        """The registration of ``model``, or None."""
        return self._types.get(model)

    def models(self):
        """The registered content models."""
        return list(self._types)

    def public_models(self):
        """Every model whose rows the public sees: the content models, their parts and
        their many-to-many tables. A change to any of them changes some public page."""
        found = {}
        for content_type in self._types.values():
            for model in (content_type.model, *content_type.parts, *content_type.link_tables()):
                found.setdefault(model, None)
        return list(found)

    def is_public(self, model):
        """Is ``model`` one of ``public_models()``? (Fast: for signal receivers.)"""
        if self._public is None:
            self._public = frozenset(self.public_models())
        return model in self._public

    def searchable(self):
        """``{kind: registration}`` of the indexed types."""
        return {t.search.kind: t for t in self._types.values() if t.search}

    def by_kind(self, kind):
        """The registration whose search kind is ``kind``, or None."""
        return self.searchable().get(kind)

    def sitemaps(self):
        """``{section: sitemap class}`` of the sections that are not content types."""
        return dict(self._sitemaps)


registry = Registry()


def changes_public_pages(model):
    """A registered type, one of its parts or link tables, or a model that says its rows
    show on public pages (``public_content = True``: the search glossary, say)."""
    return registry.is_public(model) or getattr(model, "public_content", False)


content_token.set_public_models(changes_public_pages)


@checks.register(checks.Tags.models)
def check_content_models(app_configs=None, **kwargs):
    """Every concrete content model is registered, and every registration is sound."""
    from django.apps import apps

    errors = []
    for model in apps.get_models():
        if not issubclass(model, ContentModel) or model._meta.proxy:
            continue
        if registry.get(model) is None:
            errors.append(
                checks.Error(
                    f"{model._meta.label} is a content model but no app registers it.",
                    hint="Call publishing.registry.registry.register(...) from its app's ready().",
                    obj=model,
                    id="publishing.E001",
                )
            )
    for content_type in registry.types():
        for problem in problems(content_type.model):
            errors.append(checks.Error(problem, obj=content_type.model, id="publishing.E002"))
        for name in content_type.search.shows_names_of if content_type.search else ():
            target = content_type.model._meta.get_field(name).related_model
            if target is None or registry.get(target) is None or not registry.get(target).search:
                errors.append(
                    checks.Error(
                        f"{content_type.label}: “{name}” does not lead to an indexed type.",
                        obj=content_type.model,
                        id="publishing.E003",
                    )
                )
    owners = {t.owning_division_model() for t in registry.types() if t.review}
    if len(owners) > 1:
        names = ", ".join(sorted(m._meta.label for m in owners if m is not None))
        errors.append(
            checks.Error(
                f"The reviewed content types name different owning models ({names}); the "
                "review report groups them by one.",
                id="publishing.E004",
            )
        )
    return errors
