"""Synthetic scale data for benchmarks: ``generate_demo_data --initiatives 100000``."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from divisions.models import Division
from seed import demo_documents
from seed.demo_data import DemoDataBuilder
from seed.demo_meetings import build_meetings, clear_meetings


class Command(BaseCommand):
    help = (
        "Replace the synthetic demo content (slugs starting 'demo-') with N initiatives and "
        "M FAQs, for benchmarks. Seed content is loaded first if missing and never changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--initiatives", type=int, default=1000, metavar="N")
        parser.add_argument("--faqs", type=int, default=0, metavar="M")
        parser.add_argument("--meetings", type=int, default=0, metavar="K")
        parser.add_argument("--documents", type=int, default=0, metavar="D")
        parser.add_argument("--seed", type=int, default=2045, help="random seed (reproducible)")

    def handle(self, *args, initiatives, faqs, meetings=0, documents=0, seed, verbosity, **options):
        if min(initiatives, faqs, meetings, documents) < 0:
            raise CommandError(
                "--initiatives, --faqs, --meetings and --documents must be 0 or more."
            )
        if not Division.objects.exists():
            call_command("load_seed_content", verbosity=verbosity)
        try:
            builder = DemoDataBuilder(seed=seed)
            meeting_batches = build_meetings(meetings, seed=seed)
        except ValueError as error:
            raise CommandError(str(error)) from error
        began = time.monotonic()
        removed_initiatives, removed_faqs = builder.clear()
        clear_meetings()
        if verbosity and (removed_initiatives or removed_faqs):
            self.stdout.write(
                f"Removed {removed_initiatives} earlier demo initiatives and {removed_faqs} FAQs."
            )
        demo_documents.clear()
        for label, steps in (
            ("initiatives", builder.build_initiatives(initiatives)),
            ("FAQs", builder.build_faqs(faqs)),
            ("meetings", meeting_batches),
            ("documents", demo_documents.build_documents(documents, seed)),
        ):
            for done in steps:
                if verbosity > 1:
                    self.stdout.write(f"  {label}: {done}")
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Added {initiatives} demo initiatives, {faqs} demo FAQs, {meetings} "
                    f"demo meetings and {documents} demo documents "
                    f"in {time.monotonic() - began:.0f}s."
                )
            )
        # Bulk inserts send no signals: bring site search up to date in one pass.
        call_command("rebuild_search_index", verbosity=verbosity)
