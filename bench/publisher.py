"""``python -m bench.publisher --every 10 --seconds 60``: a change goes live every few seconds
while ``make bench-load`` drives the site, as a busy editorial team would publish.

Each change edits a published initiative's summary through the ORM and saves it: the same
path as the admin's save of a live item (history, search index, a new content token, so every
cached page is retired). Prints how many changes it made."""

import argparse
import os
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--every", type=float, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.db import transaction

    from initiatives.models import Initiative
    from publishing.content import State

    published = Initiative.objects.filter(state=State.PUBLISHED)
    ids = list(published.order_by("pk").values_list("pk", flat=True)[:500])
    changes = 0
    deadline = time.monotonic() + args.seconds
    while time.monotonic() + args.every <= deadline:
        time.sleep(args.every)
        with transaction.atomic():
            initiative = published.select_for_update().get(pk=ids[changes % len(ids)])
            stem = initiative.summary.split(" (revised", 1)[0]
            initiative.summary = f"{stem} (revised {changes + 1})"[:400]
            initiative.save()
        changes += 1
    print(f"PUBLISHED {changes}", flush=True)


if __name__ == "__main__":
    main()
