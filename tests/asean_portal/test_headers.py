"""The security headers, on every kind of response: public pages, machine files, error
pages, the admin. (Static files and the production-only headers (HSTS) are checked
against a real production server in test_production_server.py.)"""

import pytest
from django.http import HttpResponse
from django.template import RequestContext, Template
from django.test import Client
from django.urls import path, reverse

from asean_portal.urls import urlpatterns as portal_urlpatterns
from tests.asean_portal.outage import database_unreachable
from tests.factories import FAQFactory
from tests.public.public_urls import publish_a_little_of_everything
from tests.responses import text_of

pytestmark = pytest.mark.django_db

EXPECTED_CSP = {
    "default-src": "'none'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    "manifest-src": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'none'",
    "object-src": "'none'",
}
EXPECTED_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
FEATURES_OFF = ("camera", "microphone", "geolocation", "payment", "usb")


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    directives = {}
    for part in policy.split(";"):
        name, _, value = part.strip().partition(" ")
        directives[name] = value
    return directives


def assert_secure_headers(response, where):
    for header, value in EXPECTED_HEADERS.items():
        assert response.get(header) == value, (where, header)
    policy = response.get("Content-Security-Policy", "")
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, where
    assert csp_directives(response) == EXPECTED_CSP, where  # and so no nonce
    permissions = response.get("Permissions-Policy", "")
    for feature in FEATURES_OFF:
        assert f"{feature}=()" in permissions, (where, feature)


def nonce_page(request):
    template = Template('<script nonce="{{ request.csp_nonce }}">let x = 1;</script>')
    return HttpResponse(template.render(RequestContext(request)))


urlpatterns = [path("nonce/", nonce_page), *portal_urlpatterns]


@pytest.fixture
def every_public_page():
    return publish_a_little_of_everything()


def test_every_public_page(client, every_public_page):
    for url in every_public_page:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_secure_headers(response, url)


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/initiatives/?division=no-such-division", 400),  # a filter error
        ("/initiatives/?page=abc", 200),
        ("/no/such/page/", 404),
    ],
)
def test_pages_with_errors(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert_secure_headers(response, url)


def test_error_pages_from_the_handlers():
    visitor = Client(raise_request_exception=False)
    bad_host = visitor.get("/", HTTP_HOST="not-our-host.example")
    assert bad_host.status_code == 400
    assert_secure_headers(bad_host, "400")
    csrf = Client(enforce_csrf_checks=True).post(reverse("admin:login"), {})
    assert csrf.status_code == 403
    assert_secure_headers(csrf, "403")
    with database_unreachable():
        unavailable = visitor.get("/")
    assert unavailable.status_code == 503
    assert_secure_headers(unavailable, "503")


def test_admin_pages(client, staff_client):
    assert_secure_headers(client.get(reverse("admin:login")), "admin login")
    for name in ("admin:index", "admin:faqs_faq_changelist", "admin:faqs_faq_add"):
        response = staff_client.get(reverse(name))
        assert response.status_code == 200, name
        assert_secure_headers(response, name)
        assert response["X-Robots-Tag"] == "noindex, nofollow"
    faq = FAQFactory()
    response = staff_client.get(reverse("admin:faqs_faq_change", args=[faq.pk]))
    assert_secure_headers(response, "admin change form")


def test_public_pages_are_not_marked_noindex(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "X-Robots-Tag" not in response


@pytest.mark.urls(__name__)
def test_a_template_that_needs_an_inline_script_gets_a_nonce(client):
    response = client.get("/nonce/")
    nonce = response.content.decode().split('nonce="')[1].split('"')[0]
    assert len(nonce) >= 22
    assert csp_directives(response)["script-src"] == f"'self' 'nonce-{nonce}'"
    # A fresh one for every response.
    assert nonce not in text_of(client, "/nonce/")


def test_the_redirect_to_https(settings):
    settings.SECURE_SSL_REDIRECT = True  # as in production
    response = Client().get("/about/")  # a fresh handler reads the setting
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/about/"
    assert_secure_headers(response, "redirect to https")
