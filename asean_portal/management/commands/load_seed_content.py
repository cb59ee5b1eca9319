"""``manage.py load_seed_content``: the Secretariat content from the seed document."""

from django.core.management.base import BaseCommand, CommandError

from seed.loader import SeedError, load_seed_content


class Command(BaseCommand):
    help = (
        "Load the ASEAN Secretariat content (site sections, divisions, Member States, topics, "
        "initiatives, FAQs) from the seed document. Idempotent; rows edited by staff in the "
        "admin are left as they are. Runs in one transaction."
    )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]

        def log(message):
            if verbosity >= 2:
                self.stdout.write(f"  {message}")

        try:
            result = load_seed_content(log=log)
        except SeedError as exc:
            raise CommandError(f"Seed content not loaded, nothing was changed: {exc}") from exc
        if verbosity >= 1:
            for line in result.summary_lines():
                self.stdout.write(line)
