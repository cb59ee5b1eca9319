"""What involves a Member State, across every registered type, without importing one:
each type declares the paths from its items to the Member States they involve
(``member_state_paths`` in ``publishing.registry``), and this module follows them."""

from dataclasses import dataclass
from functools import lru_cache, reduce
from operator import or_

from django.db.models import Q
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from public.listing import Shown, first_of
from publishing.registry import registry

from .filters import PARAMETER
from .models import MemberState


def involving_types():
    """The registered types whose items involve Member States, in registration order."""
    return [t for t in registry.involving_member_states() if t.model is not MemberState]


def involving(content_type, state):
    """``content_type``'s published items that involve ``state`` through any of its paths.
    A subquery on the ids rather than joins in the outer query: no duplicate rows, no
    DISTINCT, whatever the number of paths."""
    model = content_type.model
    condition = reduce(or_, (Q(**{path: state}) for path in content_type.member_state_paths))
    linked = model._default_manager.filter(condition).values("pk")
    ordering = [*model._meta.ordering, "pk"]
    return model.objects.published().filter(pk__in=linked).order_by(*ordering)


@lru_cache(maxsize=32)
def _filters_by_member_state(listing):
    try:
        view = resolve(reverse(listing)).func
    except (NoReverseMatch, Resolver404):
        return False
    filterset_class = getattr(getattr(view, "view_class", None), "filterset_class", None)
    return filterset_class is not None and PARAMETER in filterset_class.base_filters


def list_url(content_type, state):
    """The type's public list filtered to ``state`` — when it has a list that filters by
    Member State — else None."""
    listing = content_type.listing
    if not listing or not _filters_by_member_state(listing):
        return None
    return f"{reverse(listing)}?{PARAMETER}={state.slug}"


@dataclass
class Section:
    """One type's items on a Member State's page: the first few and how many in all."""

    content_type: object
    shown: Shown
    url: str | None

    @property
    def title(self):
        plural = str(self.content_type.model._meta.verbose_name_plural)
        return plural[:1].upper() + plural[1:]

    @property
    def anchor(self):
        return f"involving-{self.content_type.model._meta.model_name}"


def sections(state, per_type):
    """Each involving type's first ``per_type`` published items and their total: one query
    per type, whatever the number of rows (and a count per long list, once per content
    token)."""
    return [
        Section(
            t,
            first_of(involving(t, state), per_type, f"state:{state.pk}:{t.model._meta.label}"),
            list_url(t, state),
        )
        for t in involving_types()
    ]
