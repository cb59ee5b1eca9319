"""`python -m bench.run admin`: time the staff's busiest admin pages on the current database.

Run it after ``generate_demo_data --initiatives 100000`` (``make bench-admin`` does both, on
the database DATABASE_URL names). Each page is fetched in-process with Django's test client
as a superuser (made if missing), ``--runs`` times after one warm-up; the median and the
slowest time, the number of SQL queries and whether any query counted the whole initiative
table are printed. Timings depend on the machine: compare runs on the same machine only.
"""

import statistics
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from divisions.models import Division
from initiatives.models import Initiative, Topic

BENCH_USER = "bench-admin"


def pages():
    changelist = reverse("admin:initiatives_initiative_changelist")
    division = Division.objects.order_by("pk").first()
    topic = Topic.objects.order_by("pk").first()
    initiative = Initiative.objects.filter(slug__startswith="demo-").order_by("pk").last()
    if not (division and topic and initiative):
        raise CommandError("Run generate_demo_data first.")
    return [
        ("changelist", changelist),
        ("changelist, deep page", f"{changelist}?p=1000"),
        ("search", f"{changelist}?q=digital+trade"),
        ("filter: status", f"{changelist}?status__exact=ongoing"),
        ("filter: lead division", f"{changelist}?lead_division__id__exact={division.pk}"),
        ("filter: topic", f"{changelist}?topics__id__exact={topic.pk}"),
        ("filter: review overdue", f"{changelist}?review=overdue"),
        ("search + filter", f"{changelist}?q=plan&pillar__exact=economic&state__exact=published"),
        ("change form", reverse("admin:initiatives_initiative_change", args=[initiative.pk])),
        ("history", reverse("admin:initiatives_initiative_history", args=[initiative.pk])),
        ("content due for review", reverse("admin:review_due")),
    ]


def counts_whole_table(queries):
    table = Initiative._meta.db_table
    return any(
        "COUNT(" in q["sql"].upper() and f'FROM "{table}"' in q["sql"] and "WHERE" not in q["sql"]
        for q in queries
    )


class Command(BaseCommand):
    help = "Time the initiative changelist, its search and filters, and the change form."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5)

    def handle(self, *args, runs, **options):
        total = Initiative.objects.count()
        user, _ = get_user_model().objects.get_or_create(
            username=BENCH_USER, defaults={"is_staff": True, "is_superuser": True}
        )
        if connection.vendor == "postgresql":
            # Statistics for the planner (and the changelist's estimated row count), as
            # autovacuum gathers them some time after a bulk load.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        client = Client(SERVER_NAME="localhost")
        client.force_login(user)
        self.stdout.write(f"{connection.vendor}, {total:,} initiatives, {runs} runs per page\n")
        self.stdout.write(f"{'page':26} {'median ms':>10} {'max ms':>8} {'queries':>8}  full count")
        for name, url in pages():
            client.get(url)  # warm-up
            timings = []
            for _ in range(runs):
                with CaptureQueriesContext(connection) as captured:
                    began = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - began) * 1000)
                if response.status_code != 200:
                    raise CommandError(f"{url} answered {response.status_code}")
            self.stdout.write(
                f"{name:26} {statistics.median(timings):10.1f} {max(timings):8.1f} "
                f"{len(captured):8}  {'YES' if counts_whole_table(captured) else 'no'}"
            )
