"""Local development: runs with no configuration at all."""

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-used-in-production"  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

# Logs for a person at a terminal rather than for a log collector (issue 5).
LOGGING["handlers"]["stdout"]["formatter"] = os.environ.get("LOG_FORMAT", "text")  # noqa: F405
