"""Links to slug pages without running Django's URL reverser for every link on a page.

A list page draws a hundred links; ``reverse()`` costs tens of microseconds each. The URL of
a view taking one slug is the same text around the slug, so it is reversed once per view,
script prefix and URL configuration, and the slug is put in. Slugs are URL-safe already
(letters, digits, ``-`` and ``_``), so the result is what ``reverse()`` would give.
"""

from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse

_PLACEHOLDER = "SLUG-PLACEHOLDER"


@lru_cache(maxsize=64)
def _around_slug(viewname, prefix, urlconf):
    before, _, after = reverse(viewname, urlconf=urlconf, args=[_PLACEHOLDER]).partition(
        _PLACEHOLDER
    )
    return before, after


def slug_url(viewname, slug):
    before, after = _around_slug(viewname, get_script_prefix(), get_urlconf())
    return f"{before}{slug}{after}"


@lru_cache(maxsize=64)
def _url_of(viewname, prefix, urlconf):
    return reverse(viewname, urlconf=urlconf)


def view_url(viewname):
    """``reverse(viewname)`` for a view that takes no arguments, worked out once per view,
    script prefix and URL configuration (the FAQ list links each of its questions)."""
    return _url_of(viewname, get_script_prefix(), get_urlconf())
