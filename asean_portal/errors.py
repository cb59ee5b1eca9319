"""What a visitor sees when something fails: never a traceback, and a 503 that says "come
back shortly" when the database cannot be reached (the portal reconnects by itself)."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

RETRY_AFTER_SECONDS = 30
# Raised when the database server is down, restarting or unreachable, and when a
# connection it had dropped is used: all temporary from the visitor's point of view.
UNAVAILABLE = (OperationalError, InterfaceError)


def render_without_database(template_name, status, fallback):
    """The page, rendered with no request context so nothing can touch the database;
    the plain ``fallback`` sentence if even that fails (e.g. static files not collected)."""
    try:
        content = render_to_string(template_name, {"portal_name": settings.PORTAL_NAME})
    except Exception:  # noqa: BLE001 - an error page must always answer
        content = f"<!DOCTYPE html><title>{fallback}</title><h1>{fallback}</h1>"
    response = HttpResponse(content, status=status)
    add_never_cache_headers(response)
    return response


def server_error(request):
    """``handler500``: 503 with Retry-After when the database is unavailable, else 500."""
    error = sys.exc_info()[1]
    if isinstance(error, UNAVAILABLE):
        response = render_without_database("503.html", 503, "The portal is briefly unavailable")
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return render_without_database("500.html", 500, "Something went wrong")
