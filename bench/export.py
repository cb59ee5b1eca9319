"""Open-data export benchmark: time and peak Python memory of one download page.

    DATABASE_URL=postgres://… make bench-export   (after generate_demo_data --initiatives N)

Runs in-process through Django's test client (no server to start or stop). A download
holds at most EXPORT_PAGE_SIZE rows; the figure to watch is the time of a full page, which
must stay well under the production worker timeout (30 s), and memory, which must not
grow with the number of rows (the rows are streamed).
"""

import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asean_portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from faqs.models import FAQ  # noqa: E402
from initiatives.models import Initiative  # noqa: E402
from public.opendata import EXPORT_PAGE_SIZE  # noqa: E402

QUERIES = [
    "/initiatives/?format=csv",
    "/initiatives/?format=json",
    "/initiatives/?pillar=economic&status=ongoing&format=csv",
    "/faqs/?format=json",
]


def download(client, url):
    """Read the whole streamed response; return (status, bytes, first byte s, total s)."""
    started = time.perf_counter()
    response = client.get(url, HTTP_HOST="127.0.0.1")
    size, first_byte = 0, None
    for part in response.streaming_content:
        first_byte = first_byte or time.perf_counter() - started
        size += len(part)
    total = time.perf_counter() - started
    return response.status_code, size, first_byte or total, total


def peak_memory(client, url):
    """Peak Python memory while downloading (a second pass: tracing slows it down)."""
    tracemalloc.start()
    download(client, url)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main():
    initiatives = Initiative.objects.published().count()
    print(f"published initiatives: {initiatives:,}; FAQs: {FAQ.objects.published().count():,}")
    print(f"rows per download page: {EXPORT_PAGE_SIZE:,}")
    if initiatives < EXPORT_PAGE_SIZE:
        print("note: fewer initiatives than a full page; run generate_demo_data first")
    client = Client()
    for url in QUERIES:
        status, size, first, total = download(client, url)
        peak = peak_memory(client, url)
        print(
            f"{url:58} {status}  {size / 1e6:6.2f} MB  first byte {first:5.2f} s"
            f"  total {total:6.2f} s  peak Python memory {peak / 1e6:5.1f} MB"
        )


if __name__ == "__main__":
    main()
