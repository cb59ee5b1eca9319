import os
import subprocess
import sys

import pytest
from django.conf import settings

SETUP = "import django; django.setup()"


def run_with(env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update(env_overrides, DJANGO_SETTINGS_MODULE="asean_portal.settings.prod")
    return subprocess.run(
        [sys.executable, "-c", SETUP],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )


@pytest.mark.parametrize(
    ("env", "complaint"),
    [({}, "SECRET_KEY"), ({"SECRET_KEY": "x" * 50}, "ALLOWED_HOSTS")],
)
def test_production_refuses_to_start_without_secret_key_and_hosts(env, complaint):
    result = run_with(env)
    assert result.returncode != 0
    assert complaint in result.stderr


def test_production_starts_when_configured():
    result = run_with({"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "portal.example.org"})
    assert result.returncode == 0, result.stderr
