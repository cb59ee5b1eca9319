"""Synthetic scale data for benchmarks: ``generate_demo_data --initiatives 100000``."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from divisions.models import Division
from seed import demo_documents
from seed.demo_data import DemoDataBuilder


class Command(BaseCommand):
    help = (
        "Replace the synthetic demo content (slugs starting 'demo-') with N initiatives and "
        "M FAQs, for benchmarks. Seed content is loaded first if missing and never changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--initiatives", type=int, default=1000, metavar="N")
        parser.add_argument("--faqs", type=int, default=0, metavar="M")
        parser.add_argument("--documents", type=int, default=0, metavar="D")
        parser.add_argument("--seed", type=int, default=2045, help="random seed (reproducible)")

    def handle(self, *args, initiatives, faqs, documents=0, seed, verbosity, **options):
        if initiatives < 0 or faqs < 0 or documents < 0:
            raise CommandError("--initiatives, --faqs and --documents must be 0 or more.")
        if not Division.objects.exists():
            call_command("load_seed_content", verbosity=verbosity)
        try:
            builder = DemoDataBuilder(seed=seed)
        except ValueError as error:
            raise CommandError(str(error)) from error
        began = time.monotonic()
        removed_initiatives, removed_faqs = builder.clear()
        if verbosity and (removed_initiatives or removed_faqs):
            self.stdout.write(
                f"Removed {removed_initiatives} earlier demo initiatives and {removed_faqs} FAQs."
            )
        demo_documents.clear()
        for label, steps in (
            ("initiatives", builder.build_initiatives(initiatives)),
            ("FAQs", builder.build_faqs(faqs)),
            ("documents", demo_documents.build_documents(documents, seed)),
        ):
            for done in steps:
                if verbosity > 1:
                    self.stdout.write(f"  {label}: {done}")
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Added {initiatives} demo initiatives, {faqs} demo FAQs and "
                    f"{documents} demo documents "
                    f"in {time.monotonic() - began:.0f}s."
                )
            )
        # Bulk inserts send no signals: bring site search up to date in one pass.
        call_command("rebuild_search_index", verbosity=verbosity)
