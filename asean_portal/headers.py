"""Security headers Django does not set itself. (Content-Security-Policy comes from
django-csp; nosniff, Referrer-Policy, COOP and X-Frame-Options from Django.)"""

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
        if request.path_info.startswith("/" + settings.ADMIN_URL):
            # Whatever the admin's address, search engines never list its pages.
            response.headers.setdefault("X-Robots-Tag", "noindex, nofollow")
        return response
