"""Compressed responses: public HTML, feeds, sitemaps and open data, in Brotli or gzip.

``CompressionMiddleware`` (first in ``MIDDLEWARE``) compresses a response of a text type
(HTML, XML, Atom, JSON, CSV, plain text) of at least ``MIN_BYTES`` for a client whose
``Accept-Encoding`` takes ``br`` (preferred) or ``gzip``, streamed responses (open data)
chunk by chunk, and sends ``Vary: Accept-Encoding`` with every such response, compressed or
not. The page cache (``caching.page_cache``) stores each page with its compressed copies,
so a cache hit is answered with bytes compressed once, when the page was made.

Never compressed — BREACH: compressing a secret next to text the visitor chose lets an
attacker guess the secret from the sizes:

- any path under ``COMPRESSION_SKIP_PREFIXES`` (the admin, the contact form, static files,
  which whitenoise compresses ahead of time, and the probe);
- any response whose page used a CSRF token, so every form with ``{% csrf_token %}`` is
  left alone wherever it is: Django flags the request when a template or view asks for a
  token and clears the flag once it has set the cookie, so ``CsrfTokenMarkMiddleware``,
  just inside ``CsrfViewMiddleware``, notes it on the response first;
- any response a view marks with ``response.no_compress = True``.

Brotli at quality 5 and gzip at level 6 (Django's own GZipMiddleware's level). Measured
with bench/compression.py (seed content, SQLite, this 2-core machine shared with other
work): the 22,336-byte initiatives list becomes 4,062 bytes in gzip (0.36 ms) and 3,680 in
Brotli (0.47 ms).
"""

import gzip
import re

from django.conf import settings
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_sequence

try:
    import brotli
except ImportError:  # pragma: no cover - brotli is in requirements.txt; gzip still works
    brotli = None

TYPES = (
    "text/html",
    "text/plain",
    "text/csv",
    "text/xml",
    "application/xml",
    "application/atom+xml",
    "application/rss+xml",
    "application/json",
    "application/ld+json",
)
MIN_BYTES = 200
GZIP_LEVEL = 6
BROTLI_QUALITY = 5
CODINGS = ("br", "gzip") if brotli is not None else ("gzip",)
_ACCEPT_PART = re.compile(r"^\s*([a-z0-9*-]+)\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$", re.IGNORECASE)


def accepted_coding(request):
    """The coding to send, "br" or "gzip", by the client's ``Accept-Encoding`` (``q=0``
    refuses one); None for none."""
    weights = {}
    for part in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        match = _ACCEPT_PART.match(part)
        if match:
            try:
                weight = float(match.group(2)) if match.group(2) else 1.0
            except ValueError:
                continue
            weights[match.group(1).lower()] = weight
    best = None
    for coding in CODINGS:
        weight = weights.get(coding, weights.get("*", 0.0))
        if weight > 0 and (best is None or weight > best[1]):
            best = (coding, weight)
    return best[0] if best else None


def compress(data, coding):
    if coding == "br":
        return brotli.compress(data, quality=BROTLI_QUALITY)
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def compressed_copies(content):
    """``{coding: bytes}`` for every coding this server sends (for the page cache)."""
    if len(content) < MIN_BYTES:
        return {}
    return {coding: compress(content, coding) for coding in CODINGS}


def _brotli_stream(chunks):
    compressor = brotli.Compressor(quality=BROTLI_QUALITY)
    for chunk in chunks:
        data = compressor.process(chunk)
        if data:
            yield data
    yield compressor.finish()


def _stream(chunks, coding):
    return _brotli_stream(chunks) if coding == "br" else compress_sequence(chunks)


def is_compressible(response):
    """A text response, not already encoded, that a cache may hold as compressed."""
    if response.has_header("Content-Encoding"):
        return False
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return content_type in TYPES


def used_csrf_token(request, response):
    return bool(
        request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(response, "holds_csrf_token", False)
    )


def is_refused(request, response=None):
    """Whether this response must go out uncompressed (see the module's docstring)."""
    return (
        request.path_info.startswith(tuple(settings.COMPRESSION_SKIP_PREFIXES))
        or used_csrf_token(request, response)
        or bool(getattr(response, "no_compress", False))
    )


class CsrfTokenMarkMiddleware:
    """Notes on the response that its page asked for a CSRF token (before
    ``CsrfViewMiddleware`` clears the request's flag): never compressed, never cached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            response.holds_csrf_token = True
        return response


def mark_encoded(response, coding):
    response.headers["Content-Encoding"] = coding
    etag = response.get("ETag")
    if etag and not etag.startswith("W/"):
        # The same content in another encoding: equal for If-None-Match, not byte-equal.
        response.headers["ETag"] = "W/" + etag


def use_copy(request, response, copies):
    """Answer with one of ``copies`` (made earlier) if the client takes one; True if so."""
    patch_vary_headers(response, ("Accept-Encoding",))
    coding = accepted_coding(request)
    if coding is None or coding not in copies or is_refused(request, response):
        return False
    response.content = copies[coding]
    response.headers["Content-Length"] = str(len(response.content))
    mark_encoded(response, coding)
    return True


class CompressionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Encoding") or not is_compressible(response):
            if response.get("Content-Encoding") in CODINGS:  # a cached page's stored copy
                patch_vary_headers(response, ("Accept-Encoding",))
            return response
        if is_refused(request, response):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        coding = accepted_coding(request)
        if coding is None:
            return response
        if response.streaming:
            response.streaming_content = _stream(response.streaming_content, coding)
            del response.headers["Content-Length"]
        else:
            if len(response.content) < MIN_BYTES:
                return response
            compressed = compress(response.content, coding)
            if len(compressed) >= len(response.content):
                return response
            response.content = compressed
            response.headers["Content-Length"] = str(len(compressed))
        mark_encoded(response, coding)
        return response
