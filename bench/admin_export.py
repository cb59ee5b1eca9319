"""The admin's initiative export: time to the first byte and to the end, rows, and the
process's peak resident memory (tracemalloc would slow it several times over), through
Django's test client (in-process, no server).

    DATABASE_URL=postgres://… .venv/bin/python -m bench.admin_export [csv|json]

Run generate_demo_data first. Under gunicorn's sync workers the whole download must end
within GUNICORN_TIMEOUT (30 s): the arbiter does not hear from a worker while it streams.
"""

import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asean_portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from initiatives.models import Initiative  # noqa: E402


def main(fmt="csv"):
    setup_test_environment()  # the client then sees the export form's fields
    user, _ = get_user_model().objects.get_or_create(
        username="bench-export", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    url = reverse("admin:initiatives_initiative_export")
    page = client.get(url)
    data = {"format": {"csv": "0", "json": "1"}[fmt], "resource": "0"}
    data.update({name: "on" for name in page.context["form"].fields if "resource_" in name})
    count = Initiative.objects.count()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    response = client.post(url, data)
    first = None
    size = lines = 0
    for chunk in response.streaming_content:
        if first is None:
            first = time.perf_counter() - started
        size += len(chunk)
        lines += chunk.count(b"\n")
    total = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(
        f"{count:,} initiatives, {fmt}: first byte {first:.2f} s, complete {total:.1f} s, "
        f"{size / 1e6:.1f} MB, {lines:,} lines, {count / total:,.0f} rows/s, "
        f"peak RSS {peak / 1024:.0f} MiB ({(peak - rss_before) / 1024:.0f} MiB above the start)"
    )


if __name__ == "__main__":
    main(*sys.argv[1:])
