"""PostgreSQL only: the search index's GIN indexes keep a small pending list, which every
search reads in full (see ``search/backends/postgresql.py``)."""

from django.db import migrations

from search.backends import engine_sql
from search.backends.postgresql import (
    SMALL_PENDING_LIST_SQL,
    UNDO_SMALL_PENDING_LIST_SQL,
)


class Migration(migrations.Migration):
    dependencies = [("asean_portal", "0010_search_facet_listing_sqlite")]

    operations = [engine_sql("postgresql", SMALL_PENDING_LIST_SQL, UNDO_SMALL_PENDING_LIST_SQL)]
