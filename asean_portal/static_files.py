"""Static files served by the application itself, where ``SERVE_STATIC_FILES`` says so."""

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from whitenoise.middleware import WhiteNoiseMiddleware


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """whitenoise in production: the collected, compressed, content-hashed files with
    far-future cache headers. Elsewhere (``SERVE_STATIC_FILES = False``) it leaves the
    middleware chain at start-up, so one MIDDLEWARE list serves every environment."""

    def __init__(self, get_response=None):
        if not settings.SERVE_STATIC_FILES:
            raise MiddlewareNotUsed
        super().__init__(get_response)
