"""Staff preview drafts on the real public page; such responses are never cached.

Archived items stay reachable at their address for everyone, under an "archived" notice
(we chose that over 410 Gone: officials cite these pages), but leave every list and search.
"""

from django.http import Http404
from django.utils.cache import add_never_cache_headers

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

    def get_object(self, queryset=None):
        return self.check_reachable(super().get_object(queryset))

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
