"""`python -m bench.run search`: set up a benchmark database and time site search on it.

``make bench-search`` runs it once on PostgreSQL and once on SQLite and compares them."""

import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench import search as bench
from divisions.models import Division
from faqs.models import FAQ
from initiatives.models import Initiative
from search.models import SearchDocument
from seed.demo_data import SLUG_PREFIX


class Command(BaseCommand):
    help = "Benchmark site search on the configured database (see make bench-search)."

    def add_arguments(self, parser):
        parser.add_argument("--initiatives", type=int, default=100_000)
        parser.add_argument("--faqs", type=int, default=5_000)
        parser.add_argument("--seed", type=int, default=2045)
        parser.add_argument("--repeats", type=int, default=15)
        parser.add_argument("--naive-repeats", type=int, default=5)
        parser.add_argument("--fresh", action="store_true", help="regenerate the demo data")
        parser.add_argument("--json", metavar="PATH", help="also write the timings here")
        parser.add_argument(
            "--compare", nargs="+", metavar="JSON", help="only print a comparison of saved runs"
        )

    def handle(self, *args, **options):
        if options["compare"]:
            self.stdout.write(compare(options["compare"]))
            return
        self.verbosity = options["verbosity"]
        self.prepare(options)
        vendor = connection.vendor
        self.stdout.write(f"Timing {len(bench.QUERIES)} queries on {vendor}…")
        rows = bench.run(options["repeats"], options["naive_repeats"], progress=self.progress)
        documents = SearchDocument.objects.count()
        title = (
            f"\n== {vendor}: {documents} search documents, {options['repeats']} runs per query "
            f"({options['naive_repeats']} for the naive search); milliseconds =="
        )
        self.stdout.write(bench.table(rows, title))
        if options["json"]:
            Path(options["json"]).parent.mkdir(parents=True, exist_ok=True)
            Path(options["json"]).write_text(
                json.dumps(
                    {
                        "vendor": vendor,
                        "documents": documents,
                        "summary": bench.summary(rows),
                        "queries": {
                            row.query.label: {name: getattr(row, name) for name in bench.SERIES}
                            for row in rows
                        },
                    }
                )
            )

    def progress(self, row):
        if self.verbosity > 1:
            self.stdout.write(f"  {row.query.label}: {row.matches} matches")

    def prepare(self, options):
        """The database, its schema, the seed content and the demo data, each only if missing."""
        if connection.vendor == "postgresql":
            create_postgresql_database(connection.settings_dict)
        call_command("migrate", verbosity=0)
        if not Division.objects.exists():
            call_command("load_seed_content", verbosity=0)
        have = (
            Initiative.objects.filter(slug__startswith=SLUG_PREFIX).count(),
            FAQ.objects.filter(slug__startswith=SLUG_PREFIX).count(),
        )
        if options["fresh"] or have != (options["initiatives"], options["faqs"]):
            self.stdout.write(
                f"Generating {options['initiatives']} initiatives and {options['faqs']} FAQs…"
            )
            began = time.monotonic()
            call_command(
                "generate_demo_data",
                initiatives=options["initiatives"],
                faqs=options["faqs"],
                seed=options["seed"],
                verbosity=0,
            )
            self.stdout.write(f"  done in {time.monotonic() - began:.0f}s (with the index)")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def create_postgresql_database(settings_dict):
    """CREATE DATABASE for the benchmark, connected to the server's maintenance database."""
    import psycopg2

    name = settings_dict["NAME"]
    if name in {"postgres", settings.DATABASES["default"].get("TEST", {}).get("NAME")}:
        raise CommandError(f"Refusing to benchmark in the {name!r} database.")
    server = psycopg2.connect(
        dbname="postgres",
        user=settings_dict["USER"],
        password=settings_dict["PASSWORD"],
        host=settings_dict["HOST"],
        port=settings_dict["PORT"],
    )
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{name}"')
    server.close()


def compare(paths):
    runs = [json.loads(Path(p).read_text()) for p in paths]
    lines = [
        "\n== The whole search (results page of 20 + facet counts), all queries, ms ==",
        f"{'database':11} {'documents':>9} │ {'search p50':>10} {'p95':>6} │ {'cached p50':>10} "
        f"{'p95':>5} │ {'naive p50':>9} {'p95':>7} │ {'naive/search p50':>16} {'p95':>6}",
    ]
    for run in runs:
        s, c, n = (run["summary"][name] for name in ("search", "cached", "naive"))
        lines.append(
            f"{run['vendor']:11} {run['documents']:9d} │ {s['p50']:10.1f} {s['p95']:6.1f} │ "
            f"{c['p50']:10.1f} {c['p95']:5.1f} │ {n['p50']:9.1f} {n['p95']:7.1f} │ "
            f"{n['p50'] / s['p50']:15.1f}× {n['p95'] / s['p95']:5.1f}×"
        )
    if len(runs) == 2:
        first, second = (run["summary"]["search"] for run in runs)
        lines.append(
            f"{runs[1]['vendor']} takes {second['p50'] / first['p50']:.2f}× "
            f"{runs[0]['vendor']}'s time at p50, {second['p95'] / first['p95']:.2f}× at p95"
        )
    return "\n".join(lines)
