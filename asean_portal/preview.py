"""Staff preview drafts on the real public page; such responses are never cached."""

from django.utils.cache import add_never_cache_headers


class PreviewableDetailMixin:
    """A DetailView mixin: the public gets published objects only (else 404); staff get
    every object, and a response showing an unpublished one is marked never-cache."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_public:
            add_never_cache_headers(response)
        return response
