"""Benchmark-only settings: production settings plus the two reference views' URLs.

Used only by ``make bench`` and ``make bench-load`` (``python -m bench``); the
production URL configuration never contains the reference views.
"""

from asean_portal.settings.prod import *  # noqa: F403
from asean_portal.settings.prod import PAGE_CACHE_SKIP_PREFIXES, TEMPLATES

ROOT_URLCONF = "bench.urls"
# The reference views are bare Django: the page cache never answers for them.
PAGE_CACHE_SKIP_PREFIXES = [*PAGE_CACHE_SKIP_PREFIXES, "/_bench/"]
BENCH_TEMPLATES = BASE_DIR / "bench" / "templates"  # noqa: F405
TEMPLATES = [{**TEMPLATES[0], "DIRS": [*TEMPLATES[0]["DIRS"], BENCH_TEMPLATES]}]
# The benchmark speaks plain HTTP to 127.0.0.1.
SECURE_SSL_REDIRECT = False
