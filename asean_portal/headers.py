"""Security headers Django does not set itself, or not on every response.
(Content-Security-Policy comes from django-csp; nosniff, Referrer-Policy and COOP from
Django's SecurityMiddleware.)"""

from django.conf import settings


def permissions_policy(features):
    """``{"camera": [], "fullscreen": ["self"]}`` -> ``camera=(), fullscreen=(self)``."""
    return ", ".join(f"{name}=({' '.join(allow)})" for name, allow in features.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        if not getattr(response, "xframe_options_exempt", False):
            # Also on responses that never reach XFrameOptionsMiddleware (e.g. the 400 for
            # a host not in ALLOWED_HOSTS, raised by CommonMiddleware before it).
            response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        if request.path_info.startswith("/" + settings.ADMIN_URL):
            # Whatever the admin's address, search engines never list its pages.
            response.headers.setdefault("X-Robots-Tag", "noindex, nofollow")
        return response
