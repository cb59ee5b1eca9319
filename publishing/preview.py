"""Staff preview drafts on the real public page; such responses are never cached.

Archived items stay reachable at their address for everyone, under an "archived" notice
(we chose that over 410 Gone: officials cite these pages), but leave every list and search.
"""

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from caching.prepared_queries import prepared_for
from publishing.content import State


def is_reachable(obj):
    """In Python, what ``PublishableQuerySet.reachable()`` says in SQL: published and live
    now, or archived."""
    return obj.is_public or obj.state == State.ARCHIVED


class PreviewableDetailMixin:
    """A DetailView mixin: the public gets published and archived objects only (else 404);
    staff get every object, and a response showing one that is not live is never cached.

    The object is looked up by its slug alone and its state checked here rather than in
    SQL: the same answer, without building and compiling ``reachable()``'s conditions on
    every request (a third of the lookup's cost)."""

    #: The object is read by a query compiled once per process (``caching.prepared_queries``)
    #: from ``get_queryset()`` (its ``select_related``), then given ``prefetches()``. Only
    #: for a view whose ``get_queryset()`` does not depend on the request or the time: a
    #: prefetch that filters on "published now" belongs in ``prefetches()``, made afresh.
    prepared_lookup = False
    #: Or a ``FoldedQuery`` (``caching.folded_queries``) of the page's reads by the item's
    #: ``slug`` and ``now``, whose part ``item`` is the object: the object and everything
    #: its page reads in one statement, the rows kept as ``self.found`` for
    #: ``get_context_data``. The part ``item`` is then the object's whole query (its
    #: ``select_related``): ``get_queryset()`` is not read.
    page_reads = None

    def prefetches(self):
        """The lookups to prefetch on the object read by ``prepared_lookup``."""
        return []

    def get_object(self, queryset=None):
        if queryset is None and (self.prepared_lookup or self.page_reads is not None):
            obj = self._read_object(self.kwargs[self.slug_url_kwarg])
            if obj is None:
                raise Http404(f"No {self.model._meta.verbose_name} found matching the query")
            prefetches = self.prefetches()
            if prefetches:
                prefetch_related_objects([obj], *prefetches)
            return self.check_reachable(obj)
        return self.check_reachable(super().get_object(queryset))

    def _read_object(self, slug):
        if self.page_reads is None:
            return self._prepared().first(slug=slug)
        self.found = self.page_reads.rows(slug=slug, now=timezone.now())
        return next(iter(self.found["item"]), None)

    def _prepared(self):
        view = type(self)
        # Built from a bare view, not this one: the query must not depend on the request (and
        # nothing keeps a request alive).
        return prepared_for(
            ("detail lookup", view),
            lambda slug: view().get_queryset().prefetch_related(None).filter(slug=slug),
        )

    def check_reachable(self, obj):
        """``obj`` if this request may see it, else 404 (for a view that reads its object
        itself)."""
        user = self.request.user
        if not (user.is_authenticated and user.is_staff) and not is_reachable(obj):
            raise Http404(f"No {obj._meta.verbose_name} found matching the query")
        return obj

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_public:
            add_never_cache_headers(response)
        return response
