"""PostgreSQL only: the index of the search sample's buckets and the index a filter-only
listing is read in order from (see ``search/backends/postgresql.py``)."""

from django.db import migrations

from search.backends import engine_sql
from search.backends.postgresql import BROAD_QUERY_SQL, UNDO_BROAD_QUERY_SQL


class Migration(migrations.Migration):
    dependencies = [("asean_portal", "0008_pending_changes")]

    operations = [engine_sql("postgresql", BROAD_QUERY_SQL, UNDO_BROAD_QUERY_SQL)]
