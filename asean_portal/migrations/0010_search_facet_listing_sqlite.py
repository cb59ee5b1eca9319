"""SQLite only: the table of facet keys in listing order, and the triggers that keep it in
step with the search index (see ``search/backends/sqlite.py``)."""

from django.db import migrations

from search.backends import engine_sql
from search.backends.sqlite import FACET_SQL, UNDO_FACET_SQL


class Migration(migrations.Migration):
    dependencies = [("asean_portal", "0009_search_broad_query_indexes")]

    operations = [engine_sql("sqlite", FACET_SQL, UNDO_FACET_SQL)]
