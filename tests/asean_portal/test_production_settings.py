"""asean_portal.settings.prod, loaded the way a server loads it: in a fresh process,
configured only by environment variables."""

import functools
import json
import os
import subprocess
import sys

from django.conf import settings
from django.core.management.utils import get_random_secret_key

DUMP = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({name: getattr(s, name, None) for name in %r}, default=str))
"""
NAMES = [
    "DEBUG",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "SESSION_COOKIE_NAME",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_NAME",
    "CSRF_TRUSTED_ORIGINS",
    "ALLOWED_HOSTS",
    "ADMIN_REQUIRE_2FA",
    "ADMIN_URL",
    "AUTHENTICATION_BACKENDS",
    "CONTENT_SECURITY_POLICY",
]


def production(env=None, args=("-c", DUMP % NAMES)):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SECURE_", "CSRF_", "ADMIN_", "DJANGO_"))
    }
    environment.update(
        {
            "SECRET_KEY": get_random_secret_key(),
            "ALLOWED_HOSTS": "portal.example.org",
            "DJANGO_SETTINGS_MODULE": "asean_portal.settings.prod",
            **(env or {}),
        }
    )
    return subprocess.run(
        [sys.executable, *args],
        env=environment,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )


def production_settings(**env):
    result = production(env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@functools.cache
def defaults():
    """The settings with nothing but the required variables: one process for the tests
    that read them (each start costs seconds); read them, do not change them."""
    return production_settings()


def test_check_deploy_reports_no_issue():
    result = production(args=("manage.py", "check", "--deploy", "--fail-level", "WARNING"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_https_hsts_and_cookies():
    prod = defaults()
    assert prod["DEBUG"] is False
    assert prod["SECURE_SSL_REDIRECT"] is True
    assert prod["SECURE_HSTS_SECONDS"] == 31536000
    assert prod["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert prod["SECURE_HSTS_PRELOAD"] is True
    for cookie in ("SESSION", "CSRF"):
        assert prod[f"{cookie}_COOKIE_SECURE"] is True
        assert prod[f"{cookie}_COOKIE_HTTPONLY"] is True
        assert prod[f"{cookie}_COOKIE_NAME"].startswith("__Host-")
    assert prod["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert prod["ALLOWED_HOSTS"] == ["portal.example.org"]
    directives = prod["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert directives["upgrade-insecure-requests"] is True
    assert prod["ADMIN_REQUIRE_2FA"] is True
    assert prod["AUTHENTICATION_BACKENDS"][0] == "axes.backends.AxesStandaloneBackend"


def test_the_proxy_header_is_believed_only_when_asked_for():
    assert defaults()["SECURE_PROXY_SSL_HEADER"] is None
    behind_proxy = production_settings(SECURE_PROXY_SSL_HEADER="1")
    assert behind_proxy["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_everything_else_comes_from_the_environment():
    prod = production_settings(
        SECURE_HSTS_PRELOAD="0",
        SECURE_HSTS_SECONDS="600",
        CSRF_TRUSTED_ORIGINS="https://portal.example.org,https://www.portal.example.org",
        ALLOWED_HOSTS="portal.example.org,www.portal.example.org",
        ADMIN_URL="/desk-42/",
    )
    assert prod["SECURE_HSTS_PRELOAD"] is False
    assert prod["SECURE_HSTS_SECONDS"] == 600
    assert prod["CSRF_TRUSTED_ORIGINS"] == [
        "https://portal.example.org",
        "https://www.portal.example.org",
    ]
    assert prod["ALLOWED_HOSTS"] == ["portal.example.org", "www.portal.example.org"]
    assert prod["ADMIN_URL"] == "desk-42/"


def test_two_factor_cannot_be_switched_off_in_production():
    assert production_settings(ADMIN_REQUIRE_2FA="0")["ADMIN_REQUIRE_2FA"] is True
