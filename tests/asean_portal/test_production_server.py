"""The production stack as `make serve` runs it: gunicorn, production settings, whitenoise,
JSON logs; and its PostgreSQL cut off and restored while it runs."""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.core.management.utils import get_random_secret_key
from django.db import connection
from django.test import Client

from asean_portal.errors import RETRY_AFTER_SECONDS
from tests.asean_portal.tcp_proxy import TCPProxy
from tests.factories import FAQFactory

PROD_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
A_YEAR_OR_MORE = "max-age=315360000, public, immutable"


def production_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="asean_portal.settings.prod",
        SECRET_KEY=get_random_secret_key(),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        **extra,
    )
    return env


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """`collectstatic` as `make serve` runs it: hashed, compressed copies of every file."""
    root = tmp_path_factory.mktemp("staticfiles")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        env=production_env(STATIC_ROOT=str(root)),
        cwd=settings.BASE_DIR,
        check=True,
    )
    return root


# --- static files (on SQLite and PostgreSQL) -------------------------------------------------


@pytest.mark.django_db
def test_static_files_are_hashed_compressed_and_cached_for_a_year(settings, collected_static):
    settings.SERVE_STATIC_FILES = True  # as asean_portal.settings.prod has it
    settings.STATIC_ROOT = collected_static
    settings.STORAGES = PROD_STORAGES
    client = Client()  # a fresh handler: whitenoise reads the collected files
    html = client.get("/").content.decode()
    href = re.search(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', html).group(1)

    response = client.get(href, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.status_code == 200
    assert response["Cache-Control"] == A_YEAR_OR_MORE
    assert response["Content-Encoding"] in {"gzip", "br"}
    assert response["Vary"] == "Accept-Encoding"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    # The unhashed name may change under the same URL, so it is cached briefly only.
    assert "immutable" not in client.get("/static/css/portal.css")["Cache-Control"]


# --- gunicorn against a PostgreSQL that goes away and comes back ----------------------


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(base, path):
    """``(status, headers, body)``, as a browser behind the TLS-terminating proxy sees it."""
    request = urllib.request.Request(base + path, headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture
def database_proxy():
    """A relay between the server and the test database, to cut and restore."""
    db = connection.settings_dict
    proxy = TCPProxy((db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))).start()
    yield proxy
    proxy.stop()


@pytest.fixture
def production_server(transactional_db, database_proxy, collected_static, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run the suite with DATABASE_URL=postgres://…")
    db = connection.settings_dict
    port = free_port()
    log = tmp_path / "server.log"
    env = production_env(
        BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="1",
        SECURE_PROXY_SSL_HEADER="1",
        STATIC_ROOT=str(collected_static),
        DATABASE_URL=(
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@127.0.0.1:{database_proxy.port}"
            f"/{db['NAME']}"
        ),
    )
    command = [sys.executable, "-m", "gunicorn", "-c", "asean_portal/gunicorn_conf.py"]
    with open(log, "w") as out:
        server = subprocess.Popen(
            [*command, "asean_portal.wsgi"],
            env=env,
            cwd=settings.BASE_DIR,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if fetch(base, "/healthz")[0] == 200:
                    break
            except OSError:
                pass  # not listening yet
            time.sleep(0.2)
        else:
            pytest.fail("the server did not start:\n" + log.read_text())
        yield base, log
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_portal_answers_503_while_the_database_is_away_and_recovers_by_itself(
    production_server, database_proxy
):
    base, log = production_server
    FAQFactory(question="What does the Secretariat do?")

    status, headers, body = fetch(base, "/faqs/")
    assert status == 200 and "What does the Secretariat do?" in body
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "upgrade-insecure-requests" in headers["Content-Security-Policy"]

    database_proxy.stop()  # the network to the database fails; open connections die
    for path in ("/faqs/", "/", "/initiatives/", "/faqs/"):
        status, headers, body = fetch(base, path)
        assert status == 503, path
        assert headers["Retry-After"] == str(RETRY_AFTER_SECONDS)
        assert "briefly unavailable" in body and "Traceback" not in body
    assert fetch(base, "/healthz")[0] == 503

    database_proxy.start()  # the database is back: no restart, no intervention
    assert fetch(base, "/healthz")[0] == 200
    status, _, body = fetch(base, "/faqs/")
    assert status == 200 and "What does the Secretariat do?" in body

    # Every line the server wrote is one JSON object; the outage is in it, with its cause.
    time.sleep(0.2)
    records = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    access = [r for r in records if r["logger"] == "gunicorn.access"]
    assert {(r["path"], r["status"]) for r in access} >= {("/faqs/", 200), ("/faqs/", 503)}
    assert all({"time", "level", "method", "duration_us"} <= r.keys() for r in access)
    outage = [r for r in records if r["logger"] == "django.request" and r["level"] == "ERROR"]
    assert outage and "OperationalError" in outage[0]["traceback"]
