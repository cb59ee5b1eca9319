"""Paging and filtering that answer bad input with a message instead of an error."""

import django_filters
from django.core.paginator import Paginator

MAX_PAGE_DIGITS = 9


def paginate(request, queryset, per_page):
    """Return ``(page, message)``. A malformed or out-of-range ``?page=`` gives the nearest
    real page and a message saying so, never an exception."""
    paginator = Paginator(queryset, per_page)
    raw = request.GET.get("page", "1").strip()
    message = ""
    if not raw.isdigit() or len(raw) > MAX_PAGE_DIGITS or int(raw) < 1:
        number = 1
        if raw not in ("", "1"):
            message = f"“{raw[:20]}” is not a page number; showing the first page."
    else:
        number = int(raw)
        if number > paginator.num_pages:
            message = f"There is no page {number}; showing the last page, {paginator.num_pages}."
            number = paginator.num_pages
    return paginator.page(number), message


def filter_errors(filterset):
    """The filter form's errors as plain sentences, for the message above a list."""
    if not filterset.is_bound or filterset.is_valid():
        return []
    return [str(error) for errors in filterset.errors.values() for error in errors]


def slug_choice_filter(thing, queryset, **kwargs):
    """A filter that takes a slug (``?division=economic-community-department``) and says
    "There is no division “x”." for one that does not exist. ``queryset`` is a callable
    taking the request, so "published" is decided per request, not at import time."""
    return django_filters.ModelChoiceFilter(
        label=thing.capitalize(),
        queryset=queryset,
        to_field_name="slug",
        empty_label=f"Any {thing}",
        error_messages={"invalid_choice": f"There is no {thing} “%(value)s”."},
        **kwargs,
    )
