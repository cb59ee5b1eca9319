"""PostgreSQL only: the index of the search sample's buckets and the index a filter-only
listing is read in order from (see ``asean_portal/search/backends/postgresql.py``)."""

from django.db import migrations


def install(apps, schema_editor):
    from asean_portal.search.backends.postgresql import BROAD_QUERY_SQL

    if schema_editor.connection.vendor == "postgresql":
        for statement in BROAD_QUERY_SQL:
            schema_editor.execute(statement, params=None)


def uninstall(apps, schema_editor):
    from asean_portal.search.backends.postgresql import UNDO_BROAD_QUERY_SQL

    if schema_editor.connection.vendor == "postgresql":
        for statement in UNDO_BROAD_QUERY_SQL:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("asean_portal", "0008_pending_changes")]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
