"""PostgreSQL only: the search index's GIN indexes keep a small pending list, which every
search reads in full (see ``asean_portal/search/backends/postgresql.py``)."""

from django.db import migrations


def install(apps, schema_editor):
    from asean_portal.search.backends.postgresql import SMALL_PENDING_LIST_SQL

    if schema_editor.connection.vendor == "postgresql":
        for statement in SMALL_PENDING_LIST_SQL:
            schema_editor.execute(statement, params=None)


def uninstall(apps, schema_editor):
    from asean_portal.search.backends.postgresql import UNDO_SMALL_PENDING_LIST_SQL

    if schema_editor.connection.vendor == "postgresql":
        for statement in UNDO_SMALL_PENDING_LIST_SQL:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("asean_portal", "0010_search_facet_listing_sqlite")]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
