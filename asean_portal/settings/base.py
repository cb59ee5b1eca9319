"""Settings shared by every environment. Values that differ come from the environment."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "asean_portal.apps.PortalAdminConfig",  # django.contrib.admin, with the portal's admin site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "asean_portal",
    "divisions",
    "initiatives",
    "faqs",
    "pages",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "asean_portal.urls"
WSGI_APPLICATION = "asean_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# The embedded SQLite file is the zero-configuration default; DATABASE_URL switches it.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")

LOGIN_URL = "admin:login"

# Site identity used in <title>, feeds and structured data.
PORTAL_NAME = "ASEAN Secretariat Knowledge Portal"
INITIATIVES_PER_PAGE = 20

# --- The staff's editorial workflow (issue 4) --------------------------------------------
INSTALLED_APPS += ["simple_history", "import_export"]
# Makes the signed-in user the author of every history record written during a request
# (a milestone saved by the initiative form's inline, for instance).
MIDDLEWARE += ["simple_history.middleware.HistoryRequestMiddleware"]
SIMPLE_HISTORY_REVERT_DISABLED = True  # the portal's own compare/revert views replace it
IMPORT_EXPORT_USE_TRANSACTIONS = True  # an import with one bad row changes nothing
# How long a new item may go before its owning division must review it again.
CONTENT_REVIEW_INTERVAL_DAYS = 365

# --- Safe on the public internet: headers, staff accounts, logging (issue 5) -------------
# Production hardening that needs HTTPS (HSTS, secure cookies, redirects) lives in prod.py.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

from asean_portal.log_format import stdout_logging  # noqa: E402


def insert_after(items, anchor, *new, offset=1):
    """``items`` with ``new`` placed right after ``anchor``: the middleware and app lists
    above stay as they are, so this section can be read (and merged) on its own."""
    index = items.index(anchor) + offset
    return [*items[:index], *new, *items[index:]]


def insert_before(items, anchor, *new):
    return insert_after(items, anchor, *new, offset=0)


INSTALLED_APPS += [  # noqa: F405
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
# Outside SecurityMiddleware, so its HTTPS redirects carry these headers too.
MIDDLEWARE = insert_before(
    MIDDLEWARE,
    "django.middleware.security.SecurityMiddleware",
    "asean_portal.headers.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
)
MIDDLEWARE = insert_after(
    MIDDLEWARE,
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # axes asks to be last

# Content-Security-Policy on every response, public pages and admin alike. Nothing inline
# runs: no 'unsafe-inline', no 'unsafe-eval'. The public pages use no nonce on purpose:
# they are cached whole for anonymous visitors, and a nonce baked into a cached page would
# be handed to everybody. JSON-LD blocks (<script type="application/ld+json">) are data, not
# script, and need none. A template that truly needs an inline script (staff pages only,
# never cached) writes nonce="{{ request.csp_nonce }}"; the nonce then joins the header.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
        "report-uri": env_list("CSP_REPORT_URI") or None,
    }
}
# Headers Django's SecurityMiddleware sets (its defaults, stated here so they are visible):
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Powerful browser features the portal never uses, switched off for it and anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
}

# The admin's address; moving it off the well-known /admin/ keeps scanners away.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"
if ADMIN_URL == "/":
    ADMIN_URL = "admin/"

# Staff sign-in: lockout after repeated failures (django-axes), two-factor (django-otp).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses locked-out sign-ins; needs `request`
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))  # hours
# One person at one address: an attacker elsewhere cannot lock a colleague out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "staff.client_ip.client_ip"
AXES_VERBOSE = False  # sign-ins and failures are logged by staff.sign_in_log instead
# Behind N proxies / load balancers, the client's address is the Nth from the right in
# X-Forwarded-For; 0 (the default) trusts only the socket's address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Two-factor authentication for the admin: required by production settings (prod.py).
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA", False)
OTP_TOTP_ISSUER = "ASEAN Secretariat Knowledge Portal"

# Staff sessions end after a working day, or when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Logs go to stdout, one JSON object a line (LOG_FORMAT=text for people reading a terminal).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = stdout_logging(
    LOG_FORMAT,
    LOG_LEVEL,
    {
        "django": LOG_LEVEL,
        "django.server": LOG_LEVEL,
        "axes": "WARNING",  # its chatter; asean_portal.auth logs each event once
    },
)

# --- Caching (issue 7) -------------------------------------------------------------------
# Redis when REDIS_URL is set (production: give it a maxmemory with allkeys-lru), else this
# process's memory. A Redis outage never breaks a page (caching.backends). Anonymous public
# pages are kept whole, keyed by the content version, so no change is ever served stale
# (caching.page_cache, caching.content_token). PAGE_CACHE=0 turns that off.
from caching.backends import cache_settings  # noqa: E402

REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = cache_settings(REDIS_URL)
# A shared cache may hold a copy of the content version (no query per cached page); a cache
# local to each process may not (another process's change would go unseen).
CONTENT_VERSION_IN_CACHE = bool(REDIS_URL)
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = 3600
PAGE_CACHE_SKIP_PREFIXES = [f"/{ADMIN_URL}", "/static/", "/healthz"]
MIDDLEWARE = ["caching.page_cache.PageCacheMiddleware", *MIDDLEWARE]

# --- Site search (issue 3) ----------------------------------------------------------------
# How long a repeated search's answer is kept in the cache (0: off). Answers are never older
# than the index: any change to it, or a publish time passing, files new ones.
SEARCH_CACHE_SECONDS = int(os.environ.get("SEARCH_CACHE_SECONDS", "300"))
