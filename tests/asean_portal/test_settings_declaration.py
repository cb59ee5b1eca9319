"""The app and middleware lists are declared once, in base.py: every environment runs with
exactly them, in the same order (production, development and the tests only override
values)."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.core.management.utils import get_random_secret_key

from asean_portal.settings import base
from asean_portal.static_files import StaticFilesMiddleware

DUMP = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({"apps": s.INSTALLED_APPS, "middleware": s.MIDDLEWARE}))
"""


def lists_in(module):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE=f"asean_portal.settings.{module}",
        SECRET_KEY=get_random_secret_key(),
        ALLOWED_HOSTS="portal.example.org",
    )
    result = subprocess.run(
        [sys.executable, "-c", DUMP],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_installed_apps_are_django_then_third_party_then_local_each_once():
    assert base.INSTALLED_APPS == base.DJANGO_APPS + base.THIRD_PARTY_APPS + base.LOCAL_APPS
    assert len(set(base.INSTALLED_APPS)) == len(base.INSTALLED_APPS)
    assert len(set(base.MIDDLEWARE)) == len(base.MIDDLEWARE)


def test_the_order_that_matters():
    order = base.MIDDLEWARE.index
    # Compression wraps everything (a cached page brings its stored compressed copy).
    assert order("caching.compression.CompressionMiddleware") == 0
    assert order("caching.page_cache.PageCacheMiddleware") == 1
    assert order("csp.middleware.CSPMiddleware") < order(
        "django.middleware.security.SecurityMiddleware"
    )
    assert (
        order("asean_portal.static_files.StaticFilesMiddleware")
        == order("django.middleware.security.SecurityMiddleware") + 1
    )
    assert order("django_otp.middleware.OTPMiddleware") > order(
        "django.contrib.auth.middleware.AuthenticationMiddleware"
    )
    assert base.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


@pytest.mark.parametrize("module", ["prod", "dev", "test"])
def test_every_environment_runs_base_lists_unchanged(module):
    lists = lists_in(module)
    assert lists["apps"] == base.INSTALLED_APPS
    assert lists["middleware"] == base.MIDDLEWARE


def test_the_static_files_middleware_steps_aside_unless_switched_on(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.SERVE_STATIC_FILES = False
    with pytest.raises(MiddlewareNotUsed):
        StaticFilesMiddleware(lambda request: None)
    settings.SERVE_STATIC_FILES = True
    assert StaticFilesMiddleware(lambda request: None).get_response is not None
