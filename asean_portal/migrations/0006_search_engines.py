"""Each database's full-text machinery for the search index: on PostgreSQL a generated,
weighted tsvector column, GIN indexes and pg_trgm; on SQLite an FTS5 table and triggers.
The statements live with the backends (``search/backends``), which also
re-apply them, idempotently, in ``rebuild_search_index``."""

from django.db import migrations


def install(apps, schema_editor):
    from search.backends import install

    install(schema_editor)


def uninstall(apps, schema_editor):
    from search.backends import uninstall

    uninstall(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("asean_portal", "0005_search_index_glossary_misses")]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
