"""``rebuild_search_index``: every search document and the vocabulary, from the content."""

import time

from django.core.management.base import BaseCommand
from django.db import connection

from search import indexing
from search.backends import get_backend


class Command(BaseCommand):
    help = (
        "Rebuild the site search index from the published content. Safe on a live site: "
        "searches keep working from the current index while it runs, batch by batch."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=indexing.BATCH_SIZE)

    def handle(self, *args, batch_size, verbosity, **options):
        began = time.monotonic()
        if get_backend(connection).ensure_installed() and verbosity:
            self.stdout.write("Re-created the database's full-text tables and indexes.")

        def progress(kind, count):
            if verbosity > 1:
                self.stdout.write(f"  {kind}: {count}")

        counts = indexing.rebuild(batch_size=max(batch_size, 1), progress=progress)
        if verbosity:
            summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
            self.stdout.write(
                self.style.SUCCESS(f"Indexed {summary} in {time.monotonic() - began:.1f}s.")
            )
