"""Production: configured only by environment variables; refuses to start without them.
Only values are overridden here; the lists are base.py's."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY, content_security_policy, env_bool

if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment for production.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Set ALLOWED_HOSTS (comma-separated) in the environment for production."
    )

DEBUG = False

# --- Static files ---------------------------------------------------------------------------
# whitenoise (asean_portal.static_files) serves the collected files: compressed and
# content-hashed (run collectstatic), with far-future cache headers.
SERVE_STATIC_FILES = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- HTTPS and cookies ------------------------------------------------------------------------
# Behind a proxy or load balancer that terminates TLS, opt in with
# SECURE_PROXY_SSL_HEADER=1: only then is X-Forwarded-Proto believed. The proxy must set
# that header itself and drop any copy a client sends.
if env_bool("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# "preload" only makes the site eligible; joining the browsers' list is a separate,
# deliberate submission. Turn it off for a domain whose subdomains cannot all do HTTPS.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The __Host- prefix: the browser keeps these cookies to this exact host, over HTTPS only.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

CONTENT_SECURITY_POLICY = content_security_policy(upgrade_insecure_requests=True)

# --- Staff sign-in ----------------------------------------------------------------------------
# Staff must sign in with a second factor; see the README's "Staff accounts".
ADMIN_REQUIRE_2FA = True

# --- E-mail (staff notifications) -----------------------------------------------------------
# SMTP, configured by the environment (README "Notifications"). Without EMAIL_HOST the
# notifications are still listed in the admin; their e-mails fail and are logged.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
