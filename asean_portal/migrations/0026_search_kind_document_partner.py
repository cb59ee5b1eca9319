"""Search kinds "document" and "partner": the index's check constraint names them, and the
listing order (``KIND_ORDER``, which SQLite's facet triggers and PostgreSQL's listing index
spell out as a CASE) is made again so the new kinds have their place in it. On SQLite the
constraint change remakes the table, which drops its triggers: the engine machinery is
installed again (idempotent; it re-reads the rows), as 0023 does."""

from django.db import migrations, models


def rebuild_engine_sql(apps, schema_editor):
    from search.backends import install, uninstall
    from search.backends.postgresql import BROAD_QUERY_SQL

    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS searchdocument_listing", params=None)
        for statement in BROAD_QUERY_SQL:
            schema_editor.execute(statement, params=None)
    elif schema_editor.connection.vendor == "sqlite":
        uninstall(schema_editor)
        install(schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ('asean_portal', '0025_search_kind_body_meeting'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='searchdocument',
            name='searchdocument_kind_valid',
        ),
        migrations.AlterField(
            model_name='searchdocument',
            name='kind',
            field=models.CharField(choices=[('division', 'Division'), ('initiative', 'Initiative'), ('faq', 'FAQ'), ('topic', 'Topic'), ('member_state', 'Member State'), ('person', 'Person'), ('body', 'ASEAN body'), ('meeting', 'Meeting'), ('document', 'Document'), ('partner', 'Partner')], max_length=16),
        ),
        migrations.AddConstraint(
            model_name='searchdocument',
            constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['division', 'initiative', 'faq', 'topic', 'member_state', 'person', 'body', 'meeting', 'document', 'partner'])), name='searchdocument_kind_valid'),
        ),
        migrations.RunPython(rebuild_engine_sql, rebuild_engine_sql, elidable=False),
    ]
