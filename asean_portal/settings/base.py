"""Settings shared by every environment, declared once. Values that differ between
deployments come from the environment; ``prod.py``, ``dev.py`` and ``test.py`` only
override values, never edit the lists below."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

from asean_portal.log_format import stdout_logging
from caching.backends import cache_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# --- Core ---------------------------------------------------------------------------------
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
ROOT_URLCONF = "asean_portal.urls"
WSGI_APPLICATION = "asean_portal.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Site identity used in <title>, feeds, structured data and the two-factor apps.
PORTAL_NAME = "ASEAN Secretariat Knowledge Portal"

# Who runs the portal: only whoever deploys it knows, so it comes from the environment (never
# a default here). Every field is optional; an empty one is said plainly on the site ("not
# published yet"), never guessed. The footer, /about-this-site/, /contact/, /privacy/ and
# the JSON-LD publisher read these.
PORTAL_OPERATOR = {
    "name": os.environ.get("PORTAL_OPERATOR_NAME", "").strip(),
    "url": os.environ.get("PORTAL_OPERATOR_URL", "").strip(),
    "email": os.environ.get("PORTAL_CONTACT_EMAIL", "").strip(),
    "address": os.environ.get("PORTAL_POSTAL_ADDRESS", "").strip().replace("\\n", "\n"),
    "privacy_contact": os.environ.get("PORTAL_PRIVACY_CONTACT", "").strip(),
}
# Contact form: messages are deleted after this many days (``purge_contact_messages``); at
# most this many messages an hour from one address.
CONTACT_RETENTION_DAYS = int(os.environ.get("CONTACT_RETENTION_DAYS", "365"))
CONTACT_MESSAGES_PER_HOUR = int(os.environ.get("CONTACT_MESSAGES_PER_HOUR", "5"))

# --- E-mail: staff notifications (the notifications app) ------------------------------------
# Development prints e-mails to the console; production sends them by SMTP (prod.py, from
# EMAIL_HOST and the rest). Links in e-mails start with PORTAL_BASE_URL (https://…, no "/").
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_SUBJECT_PREFIX = os.environ.get("EMAIL_SUBJECT_PREFIX", "[ASEAN portal] ")
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "").rstrip("/")
# A Publisher may not publish a draft (or new item) they wrote themselves: a second person
# reviews every publication. Off by default.
PUBLISH_REQUIRES_SECOND_PERSON = os.environ.get("PUBLISH_REQUIRES_SECOND_PERSON", "0") == "1"
# How long "Also open by … since …" lasts after the form was last opened (minutes).
EDIT_PRESENCE_MINUTES = int(os.environ.get("EDIT_PRESENCE_MINUTES", "30"))

# --- Applications -------------------------------------------------------------------------
DJANGO_APPS = [
    "asean_portal.apps.PortalAdminConfig",  # django.contrib.admin, with the portal's admin site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]
THIRD_PARTY_APPS = [
    "django_filters",
    "simple_history",  # every content change kept, with its author
    "import_export",  # spreadsheets in and out of the admin
    "csp",  # Content-Security-Policy
    "axes",  # staff sign-in lockout
    "django_otp",  # staff two-factor sign-in
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
LOCAL_APPS = [
    "asean_portal",
    "sources",
    "divisions",
    "member_states",
    "people",
    "bodies",
    "partners",
    "meetings",
    "initiatives",
    "documents",
    "faqs",
    "pages",
    "notifications",
]
# Refuse to publish a fact-bearing item (an initiative) that cites no source.
PUBLISH_REQUIRES_SOURCE = os.environ.get("PUBLISH_REQUIRES_SOURCE", "1") != "0"
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

# --- Middleware, in the order a request passes through it ---------------------------------
MIDDLEWARE = [
    # Outermost: compresses what goes out (caching.compression), except the admin and any
    # page holding a CSRF token; a cached page comes with its stored compressed copy.
    "caching.compression.CompressionMiddleware",
    # First: a cached page for an anonymous visitor is answered before anything else runs
    # (caching.page_cache); the headers below are stored with it.
    "caching.page_cache.PageCacheMiddleware",
    # Outside SecurityMiddleware, so its HTTPS redirects carry these headers too.
    "asean_portal.headers.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Right after the security middleware: static files skip sessions and the rest.
    # Only where SERVE_STATIC_FILES is on (production); elsewhere it steps aside.
    "asean_portal.static_files.StaticFilesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Just inside it: notes a page that holds a CSRF token (never compressed nor cached).
    "caching.compression.CsrfTokenMarkMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: it tells whether the signed-in user passed the second factor.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Makes the signed-in user the author of every history record written during a request
    # (a milestone saved by the initiative form's inline, for instance).
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # axes asks to be last
]

# --- Templates ----------------------------------------------------------------------------
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
                "asean_portal.context_processors.site",
                "asean_portal.context_processors.content_cache",  # for {% cache %}
            ],
            # A wing's template filters (wings are not apps): {% load partial_dates %}.
            "libraries": {"partial_dates": "partial_dates.templatetags.partial_dates"},
        },
    },
]

# --- Database -----------------------------------------------------------------------------
# The embedded SQLite file is the zero-configuration default; DATABASE_URL switches it.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several staff saving at once on the embedded file: 13–16 of 20 simultaneous admin saves
    # failed with "database is locked" in SQLite's defaults. WAL lets readers go on while one
    # writes; a write transaction takes the write lock when it begins (IMMEDIATE), so it
    # waits its turn (up to `timeout` seconds) instead of failing when a read lock cannot be
    # upgraded; synchronous=NORMAL is WAL's usual, safe setting.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
# PostgreSQL: the public pages' fixed-shape reads are prepared on the server once per
# connection (caching.prepared_queries). Off (0) behind a transaction-pooling PgBouncer.
DATABASE_PREPARED_STATEMENTS = env_bool("DATABASE_PREPARED_STATEMENTS", True)

# --- Language, time and static files -----------------------------------------------------
LANGUAGE_CODE = "en"
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
# Files staff upload: people's portraits (production serves MEDIA_URL + "people/portraits/"
# from that folder only; ``make run`` serves them through Django) and document files (below).
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
# The application serves the collected files itself (whitenoise) only in production; in
# development runserver does, and the tests read them through the finders.
SERVE_STATIC_FILES = False

# --- Caching ------------------------------------------------------------------------------
# Redis when REDIS_URL is set (production: give it a maxmemory with allkeys-lru), else this
# process's memory. A Redis outage never breaks a page (caching.backends). Anonymous public
# pages are kept whole, keyed by the content token, so no change is ever served stale
# (caching.page_cache, caching.content_token). PAGE_CACHE=0 turns that off.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = cache_settings(REDIS_URL)
# A shared cache may hold a copy of the content token (no query per cached page); a cache
# local to each process may not (another process's change would go unseen).
CONTENT_VERSION_IN_CACHE = bool(REDIS_URL)
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = 3600
# How long a repeated search's answer is kept in the cache (0: off). Answers are never older
# than the index: any change to it, or a publish time passing, files new ones.
SEARCH_CACHE_SECONDS = int(os.environ.get("SEARCH_CACHE_SECONDS", "300"))

# --- Content and the editorial workflow ---------------------------------------------------
INITIATIVES_PER_PAGE = 20
DOCUMENTS_PER_PAGE = 20

# --- Uploaded document files ------------------------------------------------------------------
# Stored through Django's storage API ("default" in STORAGES: the file system under
# MEDIA_ROOT unless production configures another backend). MEDIA_ROOT/documents/ is never
# served as it is (the web server must not serve it): a file reaches the public only through
# /documents/<slug>/file/, which checks the document is published.
# The largest file staff may upload to a document, in megabytes (default 25).
DOCUMENT_FILE_MAX_BYTES = int(os.environ.get("DOCUMENT_FILE_MAX_MB", "25")) * 1024 * 1024
# How long a new item may go before its owning division must review it again.
CONTENT_REVIEW_INTERVAL_DAYS = 365
SIMPLE_HISTORY_REVERT_DISABLED = True  # the portal's own compare/revert views replace it
IMPORT_EXPORT_USE_TRANSACTIONS = True  # an import with one bad row changes nothing

# --- The admin and staff sign-in ----------------------------------------------------------
# The admin's address; moving it off the well-known /admin/ keeps scanners away.
WELL_KNOWN_ADMIN_URL = "admin/"
ADMIN_URL = os.environ.get("ADMIN_URL", "").strip("/") + "/"
if ADMIN_URL == "/":
    ADMIN_URL = WELL_KNOWN_ADMIN_URL
LOGIN_URL = "admin:login"
# Where sign-in lands when `next` is missing or unsafe (another site): the admin home, not
# Django's /accounts/profile/, which this site does not have.
LOGIN_REDIRECT_URL = "admin:index"
# Never answered from the page cache: staff pages, files, the load balancers' probe.
PAGE_CACHE_SKIP_PREFIXES = [f"/{ADMIN_URL}", STATIC_URL, "/healthz"]
# Never compressed (BREACH: a secret beside text the visitor chose): staff pages and forms
# with a CSRF token. Any response whose page used a CSRF token is skipped as well, wherever
# it is; static files come compressed from whitenoise already.
COMPRESSION_SKIP_PREFIXES = [f"/{ADMIN_URL}", "/contact/", "/accounts/", STATIC_URL, "/healthz"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Lockout after repeated failures (django-axes), two-factor (django-otp).
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
OTP_TOTP_ISSUER = PORTAL_NAME

# Staff sessions end after a working day, or when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# --- Security headers ---------------------------------------------------------------------
# Hardening that needs HTTPS (HSTS, secure cookies, redirects) is switched on in prod.py.


def content_security_policy(upgrade_insecure_requests):
    """Content-Security-Policy on every response, public pages and admin alike. Nothing
    inline runs: no 'unsafe-inline', no 'unsafe-eval'. The public pages use no nonce on
    purpose: they are cached whole for anonymous visitors, and a nonce baked into a cached
    page would be handed to everybody. JSON-LD blocks (<script type="application/ld+json">)
    are data, not script, and need none. A template that truly needs an inline script
    (staff pages only, never cached) writes nonce="{{ request.csp_nonce }}"; the nonce then
    joins the header."""
    return {
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
            "upgrade-insecure-requests": upgrade_insecure_requests,
        }
    }


CONTENT_SECURITY_POLICY = content_security_policy(upgrade_insecure_requests=False)
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

# --- Logging ------------------------------------------------------------------------------
# Logs go to stdout, one JSON object a line (LOG_FORMAT=text for people reading a terminal).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGER_LEVELS = {
    "django": LOG_LEVEL,
    "django.server": LOG_LEVEL,
    "axes": "WARNING",  # its chatter; asean_portal.auth logs each event once
}
LOGGING = stdout_logging(LOG_FORMAT, LOG_LEVEL, LOGGER_LEVELS)
