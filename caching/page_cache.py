"""The anonymous full-page cache, and ETag/Last-Modified with 304 answers on public pages.

The middleware sits first in ``MIDDLEWARE``. For a visitor without a session (nobody signed
in) asking for a public page with GET or HEAD it:

1. reads the content token (one small query; ``caching.content_token``);
2. looks for the page under ``page:<hash of scheme, host, path and query>``, first in this
   process's memory, then in the cache, and, when it was made under the current token,
   answers from it without running anything else (with Redis, a hit costs one small round
   trip for the token and no query);
3. otherwise lets the page be made, and keeps it if it is a plain public 200: not private,
   not ``no-store``, no cookie set, no CSP nonce used, no ``Vary`` beyond ``Cookie``.

**After a change, one request remakes a page; the others get the copy they had.** A change
retires every cached page at once (a new token), so right after a publish every visitor
would make their page at the same moment: under 64 connections that is 64 renders of the
same page, and throughput falls to the cache-off rate until each page is made again. So the
first request to miss claims the page (a short lock in the cache) and makes it; any other
request for the same page while it is being made is answered with the copy made under the
previous token, if there is one, as Varnish's grace mode and HTTP's
``stale-while-revalidate`` do. The previous copy is served only while the new one is being
made (at most ``MAKING_SECONDS``, and in practice one render), and a request that finds no
claim always makes the page itself: nobody is kept waiting on someone else's render, and
the new content is what everyone gets once it is made.

Each page is stored with its compressed copies (``caching.compression``: Brotli and gzip,
made once when the page is made), and a hit for a client that takes one is answered with
those bytes: a hit costs no compression. A page whose making asked for a CSRF token is
never kept (the token belongs to one visitor).

Every anonymous public response gets an ``ETag`` (a hash of its bytes), a ``Last-Modified``
(when the content last changed) and ``Cache-Control: no-cache`` (browsers may keep it but
must ask again, so they never show a stale page); a matching ``If-None-Match`` or
``If-Modified-Since`` gets a 304. Staff (who carry a session cookie) and everyone with a
pending message bypass all of this: previews and the admin are never cached.
"""

import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from django.utils.http import http_date, parse_http_date_safe

from caching import compression, content_token

CACHEABLE_METHODS = frozenset({"GET", "HEAD"})
LOCAL_PAGES = 200
CSP_HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")
# Larger responses (a long open-data download) are not kept: they would crowd out pages.
MAX_BYTES = 1_000_000
# How long a claim to remake a page lasts: while it does, others get the previous copy. It
# only matters if the maker dies mid-render; a finished render releases it at once.
MAKING_SECONDS = 10


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = settings.PAGE_CACHE_ENABLED
        self.timeout = settings.PAGE_CACHE_SECONDS
        self.skip_prefixes = tuple(settings.PAGE_CACHE_SKIP_PREFIXES)
        self.private_cookies = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
        # The most asked-for pages also stay in this process's memory: a hit then costs the
        # token's read (one small cache round trip with Redis) and no page transfer.
        self.local = content_token.LocalMemory(LOCAL_PAGES)

    def applies_to(self, request):
        return (
            request.method in CACHEABLE_METHODS
            and not request.path_info.startswith(self.skip_prefixes)
            and not any(name in request.COOKIES for name in self.private_cookies)
        )

    def __call__(self, request):
        if not self.applies_to(request):
            with content_token.remember_for_request():
                return self.get_response(request)
        try:
            token_row = content_token.current()
        except DatabaseError:
            # No database, no token: make the page the ordinary way (which reports the
            # outage); never guess from the cache.
            return self.get_response(request)
        key = self.key(request) if self.enabled else None
        entry, previous = self.lookup(key, token_row) if key is not None else (None, None)
        if entry is not None:
            return self.answer_from(entry, request)
        # Only a page with a previous copy is claimed: without one there is nothing else to
        # answer with (and a first render costs no extra round trip).
        claimed = previous is not None and self.claim(key)
        if previous is not None and not claimed and self.being_made(key):
            return self.answer_from(previous, request)  # another request is remaking it
        try:
            with content_token.remember_for_request(token_row):
                response = self.get_response(request)
            return self.keep(request, response, key, token_row)
        finally:
            if claimed:
                self.release(key)

    def keep(self, request, response, key, token_row):
        """Store ``response`` under ``key`` if it may be shared, and answer it."""
        if not self.is_public(response) or compression.used_csrf_token(request, response):
            return response
        response.headers["Last-Modified"] = http_date(token_row.changed_at)
        patch_cache_control(response, no_cache=True)
        set_response_etag(response)
        if key is not None and request.method == "GET" and len(response.content) <= MAX_BYTES:
            copies = (
                compression.compressed_copies(response.content)
                if compression.is_compressible(response)
                else {}
            )
            entry = (
                token_row.token,
                response.status_code,
                dict(response.headers),
                response.content,
                copies,
            )
            cache.set(key, entry, self.timeout)
            self.local.set(key, entry)
            response = self.conditional(request, response)
            if response.status_code == 200:
                compression.use_copy(request, response, copies)
            return response
        return self.conditional(request, response)

    def lookup(self, key, token_row):
        """``(current, previous)``: the page made under ``token_row`` (or None) and, when
        there is none, the copy made under an earlier token (or None), from this process's
        memory or the cache."""
        local = self.local.get(key)
        if local is not None and local[0] == token_row.token:
            return local, None
        entry = cache.get(key)
        if entry is not None and entry[0] == token_row.token:
            self.local.set(key, entry)
            return entry, None
        return None, entry if entry is not None else local

    # The cache backend (``caching.backends``) answers False/None when Redis is unreachable:
    # then no claim is made and none is seen, and every request makes its own page.
    @staticmethod
    def claim(key):
        """True if this request now remakes the page (no other request was making it)."""
        return cache.add(f"{key}:making", 1, MAKING_SECONDS)

    @staticmethod
    def being_made(key):
        return cache.get(f"{key}:making") is not None

    @staticmethod
    def release(key):
        cache.delete(f"{key}:making")

    @staticmethod
    def key(request):
        address = f"{request.scheme}://{request.META.get('HTTP_HOST', '')}{request.get_full_path()}"
        # Today's date in the portal's time zone: "Cite this page" gives it as the access
        # date, so every cached page rolls over at midnight in Jakarta.
        address = f"{timezone.localdate().isoformat()} {address}"
        return "page:" + hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()

    @staticmethod
    def is_public(response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if "private" in cache_control or "no-store" in cache_control:
            return False
        # A page that used a Content-Security-Policy nonce must not hand it to everybody.
        if any("'nonce-" in response.get(h, "") for h in CSP_HEADERS):
            return False
        vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v}
        return vary <= {"cookie"}

    def answer_from(self, entry, request):
        _, status, headers, content, *rest = entry
        response = HttpResponse(
            b"" if request.method == "HEAD" else content, status=status, headers=headers
        )
        response = self.conditional(request, response)
        if response.status_code == 200 and request.method == "GET" and rest:
            compression.use_copy(request, response, rest[0])
        return response

    @staticmethod
    def conditional(request, response):
        """A 304 when the request's validators match, else the response itself."""
        meta = request.META
        if "HTTP_IF_NONE_MATCH" not in meta and "HTTP_IF_MODIFIED_SINCE" not in meta:
            return response
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified")),
            response=response,
        )
