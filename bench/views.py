"""The two reference views the portal's pages are measured against.

- ``fixed_bytes``: the least a Django view can do: return ``size`` bytes of HTML made once.
- ``fifty_rows``: a plain Django page as one would first write it: the first 50 initiatives
  by the ORM, looped over in a stand-alone template with a link (``{% url %}``) per row.

Both run through the same middleware as the site's pages (the page cache skips them).
"""

from functools import cache

from django.http import HttpResponse
from django.shortcuts import render

from initiatives.models import Initiative

MAX_SIZE = 1_000_000
ROWS = 50


@cache
def _body(size):
    filler = b"<p>" + b"x" * 70 + b"</p>\n"
    head = b"<!DOCTYPE html><html lang=en><title>bytes</title>\n"
    return (head + filler * (size // len(filler) + 1))[:size]


def fixed_bytes(request, size):
    return HttpResponse(_body(min(size, MAX_SIZE)), content_type="text/html; charset=utf-8")


def fifty_rows(request):
    rows = Initiative.objects.order_by("pk")[:ROWS]
    return render(request, "bench/fifty_rows.html", {"rows": rows})
