"""Public pages, feeds, sitemaps and open data go out compressed (Brotli or gzip) to clients
that take it; the admin and pages holding a CSRF token never do (BREACH); a cached page is
answered with the copy compressed when it was made."""

import gzip

import brotli
import pytest
import time_machine
from django.http import HttpResponse
from django.template import engines
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from caching import compression
from caching.compression import CompressionMiddleware
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

LIST = reverse("initiatives:list")
DECODE = {"gzip": gzip.decompress, "br": brotli.decompress}


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def vary(response):
    return {v.strip().lower() for v in response.get("Vary", "").split(",")}


@pytest.fixture
def catalogue():
    for number in range(25):
        InitiativeFactory(title=f"Regional initiative number {number}")


@pytest.mark.parametrize("coding", ["br", "gzip"])
def test_a_list_page_is_compressed_and_says_so(client, catalogue, coding):
    plain = client.get(LIST)
    assert "Content-Encoding" not in plain and "accept-encoding" in vary(plain)
    packed = client.get(LIST, HTTP_ACCEPT_ENCODING=f"{coding}, deflate")
    assert packed["Content-Encoding"] == coding
    assert "accept-encoding" in vary(packed)
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content) / 3
    assert DECODE[coding](packed.content) == plain.content


def test_brotli_is_preferred_and_a_refused_coding_is_not_used(client, catalogue):
    assert client.get(LIST, HTTP_ACCEPT_ENCODING="gzip, br")["Content-Encoding"] == "br"
    assert client.get(LIST, HTTP_ACCEPT_ENCODING="br;q=0, gzip")["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in client.get(LIST, HTTP_ACCEPT_ENCODING="gzip;q=0")
    assert "Content-Encoding" not in client.get(LIST, HTTP_ACCEPT_ENCODING="identity")


@pytest.mark.parametrize(
    "url",
    [
        reverse("initiatives:feed"),
        reverse("sitemap"),
        f"{LIST}?format=csv",
        f"{LIST}?format=json",
        reverse("data"),
    ],
)
def test_feeds_sitemaps_and_open_data_are_compressed(client, catalogue, url):
    # One instant for both requests: a download says when it was generated, to the second,
    # and a streamed one says it as it is read, so both are read inside the frozen instant
    # (read after it, the second ran on the real clock and failed whenever that had moved
    # on to the next second).
    with time_machine.travel(timezone.now(), tick=False):
        plain = body(client.get(url))
        packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        packed_body = body(packed)
    assert packed["Content-Encoding"] == "gzip", url
    assert gzip.decompress(packed_body) == plain


def test_the_admin_is_never_compressed(staff_client, catalogue):
    for url in (reverse("admin:index"), reverse("admin:initiatives_initiative_changelist")):
        response = staff_client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
        assert response.status_code == 200
        assert "Content-Encoding" not in response, url
    login = staff_client.get(reverse("admin:login"), HTTP_ACCEPT_ENCODING="gzip, br")
    assert "Content-Encoding" not in login


def test_a_page_with_a_csrf_token_is_never_compressed_wherever_it_is():
    """A form with a CSRF token beside text the visitor typed (the query string), on a path
    no setting names: the token's use alone keeps it uncompressed."""
    template = engines["django"].from_string(
        "<form method=post>{% csrf_token %}<input name=q value='{{ q }}'></form>" + "x" * 500
    )

    def page(request):
        return HttpResponse(template.render({"q": request.GET.get("q", "")}, request))

    request = RequestFactory().get("/somewhere/?q=guess", HTTP_ACCEPT_ENCODING="gzip, br")
    response = CompressionMiddleware(page)(request)
    assert b"csrfmiddlewaretoken" in response.content
    assert "Content-Encoding" not in response
    plain = RequestFactory().get("/somewhere/", HTTP_ACCEPT_ENCODING="gzip")
    same_without_token = CompressionMiddleware(lambda r: HttpResponse("x" * 500))(plain)
    assert same_without_token["Content-Encoding"] == "gzip"


def test_a_view_can_refuse_compression():
    def page(request):
        response = HttpResponse("secret " * 100)
        response.no_compress = True
        return response

    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in CompressionMiddleware(page)(request)


def test_a_cache_hit_is_answered_with_the_stored_compressed_bytes(
    client, catalogue, monkeypatch, queries_for
):
    first = client.get(LIST, HTTP_ACCEPT_ENCODING="br")  # made, stored with its copies
    calls = []
    real = compression.compress
    monkeypatch.setattr(compression, "compress", lambda *a: calls.append(a) or real(*a))
    for coding in ("br", "gzip", "br"):
        hit = client.get(LIST, HTTP_ACCEPT_ENCODING=coding)
        assert hit["Content-Encoding"] == coding
        assert "accept-encoding" in vary(hit)
    assert calls == []  # no compression on a hit
    assert client.get(LIST, HTTP_ACCEPT_ENCODING="br").content == first.content
    assert queries_for(LIST) == 1  # and it was a hit: the content token's query only


def test_a_compressed_page_still_answers_304(client, catalogue):
    first = client.get(LIST, HTTP_ACCEPT_ENCODING="gzip")
    assert first["ETag"].startswith('W/"')
    again = client.get(LIST, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


@pytest.mark.urls("tests.caching.csrf_urls")
def test_a_public_form_with_a_csrf_token_is_neither_compressed_nor_cached(client):
    for _ in range(2):
        response = client.get("/write-to-us/?message=guess", HTTP_ACCEPT_ENCODING="gzip, br")
        assert response.status_code == 200
        assert b"csrfmiddlewaretoken" in response.content
        assert "Content-Encoding" not in response
    # the second visitor got a fresh token, not the first one's from a cache
    other = type(client)().get("/write-to-us/", HTTP_ACCEPT_ENCODING="gzip")
    assert other.cookies and "Content-Encoding" not in other
