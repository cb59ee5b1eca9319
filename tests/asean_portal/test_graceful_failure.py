"""Error pages, and what visitors get while the database cannot be reached. The same
against a production server (gunicorn) and a PostgreSQL cut off and restored mid-test:
tests/asean_portal/test_production_server.py."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import path, reverse

from asean_portal.errors import RETRY_AFTER_SECONDS
from asean_portal.urls import urlpatterns as portal_urlpatterns
from tests.asean_portal.outage import database_unreachable
from tests.public.public_urls import DATABASE_FREE_PAGES, publish_a_little_of_everything

pytestmark = pytest.mark.django_db

TRACEBACK_SIGNS = ("Traceback", "OperationalError", "psycopg", "sqlite3", 'File "')


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise ValueError("a bug")


def fine(request):
    return HttpResponse("fine")


# A URLconf with views that fail on purpose, for the error pages only.
urlpatterns = [
    path("forbidden/", forbidden),
    path("broken/", broken),
    path("fine/", fine),
    *portal_urlpatterns,
]
handler500 = "asean_portal.errors.server_error"


@pytest.fixture
def visitor():
    """An anonymous client that gets the error page a real visitor would (the default test
    client re-raises the view's exception instead)."""
    return Client(raise_request_exception=False)


@pytest.fixture
def every_public_page():
    return publish_a_little_of_everything()


def assert_no_traceback(response):
    body = response.content.decode()
    for sign in TRACEBACK_SIGNS:
        assert sign not in body, sign


# --- 400, 403, 404, 500 --------------------------------------------------------------


def test_400_page_for_a_request_the_portal_cannot_answer(visitor):
    response = visitor.get("/", HTTP_HOST="not-our-host.example")  # not in ALLOWED_HOSTS
    assert response.status_code == 400
    assert "This request could not be understood" in response.content.decode()


@pytest.mark.urls(__name__)
def test_403_page(visitor):
    response = visitor.get("/forbidden/")
    assert response.status_code == 403
    assert "You cannot do that here" in response.content.decode()


def test_403_page_for_a_form_without_its_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("admin:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "You cannot do that here" in html and "reload the page" in html


def test_404_page(visitor):
    response = visitor.get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.urls(__name__)
def test_500_page_says_sorry_without_details(visitor):
    response = visitor.get("/broken/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert "a bug" not in response.content.decode()
    assert_no_traceback(response)
    assert "Retry-After" not in response


def test_500_and_503_pages_render_without_the_database():
    for template in ("500.html", "503.html"):
        with CaptureQueriesContext(connection) as queries:
            html = render_to_string(template)
        assert "<h1>" in html and len(queries) == 0, template


# --- the database unreachable ----------------------------------------------------------


def test_every_public_page_answers_503_with_retry_after(visitor, every_public_page):
    with database_unreachable():
        for url in every_public_page:
            if url == "/healthz":
                continue  # tested below
            response = visitor.get(url)
            if url in DATABASE_FREE_PAGES:
                assert response.status_code == 200, url  # needs no database: still served
                continue
            assert response.status_code == 503, url
            assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
            assert "no-store" in response["Cache-Control"]
            assert "briefly unavailable" in response.content.decode()
            assert_no_traceback(response)


def test_the_admin_answers_503_too(visitor, staff):
    visitor.force_login(staff)
    with database_unreachable():
        response = visitor.get(reverse("admin:index"))  # the session is in the database
    assert response.status_code == 503
    assert_no_traceback(response)


def test_healthz_says_whether_the_database_answers(visitor):
    assert visitor.get("/healthz").status_code == 200
    with database_unreachable():
        response = visitor.get("/healthz")
        assert response.status_code == 503
        assert response.content == b"database unavailable\n"
        assert "no-cache" in response["Cache-Control"]
    assert visitor.get("/healthz").status_code == 200


def test_pages_come_back_when_the_database_does(visitor, every_public_page):
    with database_unreachable():
        assert visitor.get("/faqs/").status_code == 503
    response = visitor.get("/faqs/")
    assert response.status_code == 200
    assert "Question number" in response.content.decode()


@pytest.mark.urls(__name__)
def test_pages_that_need_no_database_keep_working(visitor):
    with database_unreachable():
        assert visitor.get("/fine/").status_code == 200
        assert visitor.get("/robots.txt").status_code == 200
