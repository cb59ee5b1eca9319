"""Local development: runs with no configuration at all. Only values are overridden here."""

import os

from asean_portal.log_format import stdout_logging

from .base import *  # noqa: F403
from .base import LOG_LEVEL, LOGGER_LEVELS, env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-used-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

# Logs for a person at a terminal rather than for a log collector.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOGGING = stdout_logging(LOG_FORMAT, LOG_LEVEL, LOGGER_LEVELS)
