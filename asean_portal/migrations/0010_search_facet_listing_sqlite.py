"""SQLite only: the table of facet keys in listing order, and the triggers that keep it in
step with the search index (see ``asean_portal/search/backends/sqlite.py``)."""

from django.db import migrations


def install(apps, schema_editor):
    from asean_portal.search.backends.sqlite import FACET_SQL

    if schema_editor.connection.vendor == "sqlite":
        for statement in FACET_SQL:
            schema_editor.execute(statement, params=None)


def uninstall(apps, schema_editor):
    from asean_portal.search.backends.sqlite import UNDO_FACET_SQL

    if schema_editor.connection.vendor == "sqlite":
        for statement in UNDO_FACET_SQL:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("asean_portal", "0009_search_broad_query_indexes")]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
