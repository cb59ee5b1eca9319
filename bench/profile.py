"""``make profile URL=/initiatives/``: where one page's time goes, by pyinstrument.

Runs the page through Django's test client against the benchmark database (built by
``make bench``) with the page cache off, warms it up, then profiles ``--requests`` requests
and prints pyinstrument's call tree.
"""

import argparse
import os
import secrets

from bench.__main__ import DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", nargs="?", default="/")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--cache", action="store_true", help="keep the page cache on")
    args = parser.parse_args()
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    os.environ.setdefault("DATABASE_URL", database_url)
    os.environ.setdefault("REDIS_URL", os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ["PAGE_CACHE"] = "1" if args.cache else "0"

    import django

    django.setup()
    from django.test import Client
    from pyinstrument import Profiler

    client = Client()
    for _ in range(5):
        status = client.get(args.url).status_code
    print(f"GET {args.url} → {status}")
    profiler = Profiler(interval=0.0002)
    with profiler:
        for _ in range(args.requests):
            client.get(args.url)
    show_all = os.environ.get("PROFILE_ALL") == "1"  # every frame, Django's included
    print(profiler.output_text(unicode=True, color=False, show_all=show_all))


if __name__ == "__main__":
    main()
