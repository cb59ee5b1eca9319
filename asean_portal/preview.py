"""Staff preview drafts on the real public page; such responses are never cached.

Archived items stay reachable at their address for everyone, under an "archived" notice
(we chose that over 410 Gone: officials cite these pages), but leave every list and search.
"""

from django.utils.cache import add_never_cache_headers


class PreviewableDetailMixin:
    """A DetailView mixin: the public gets published and archived objects only (else 404);
    staff get every object, and a response showing one that is not live is never cached."""

    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if user.is_authenticated and user.is_staff:
            return queryset.visible_to(user)
        return queryset.reachable()

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_public:
            add_never_cache_headers(response)
        return response
