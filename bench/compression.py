"""Compression figures: each public page's size plain, gzip and Brotli, and the time each
compression takes, through Django's test client on the database at hand.

    DATABASE_URL=… .venv/bin/python -m bench.compression   (after load_seed_content)

The time is the compression alone (best of 20, in this process), which a page-cache hit
does not pay: the cache keeps the compressed copies (caching/page_cache.py).
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asean_portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from caching import compression  # noqa: E402
from initiatives.models import Initiative  # noqa: E402

REPEATS = 20


def best_ms(function):
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times) * 1000


def main():
    client = Client(HTTP_HOST="127.0.0.1")
    initiative = Initiative.objects.published().first()
    urls = ["/", "/initiatives/", "/faqs/", "/divisions/", "/initiatives/feed/", "/sitemap.xml"]
    if initiative:
        urls.insert(2, initiative.get_absolute_url())
    urls.append("/initiatives/?format=csv")
    print(f"{'page':40} {'plain B':>9} {'gzip B':>8} {'br B':>8} {'gzip ms':>8} {'br ms':>7}")
    for url in urls:
        response = client.get(url)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        sizes = {c: len(compression.compress(content, c)) for c in ("gzip", "br")}
        times = {
            c: best_ms(lambda c=c, data=content: compression.compress(data, c))
            for c in ("gzip", "br")
        }
        print(
            f"{url[:40]:40} {len(content):9,} {sizes['gzip']:8,} {sizes['br']:8,} "
            f"{times['gzip']:8.2f} {times['br']:7.2f}"
        )


if __name__ == "__main__":
    main()
