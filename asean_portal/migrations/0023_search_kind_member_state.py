"""The search index learns the kind "member_state": its check constraint names the kinds,
and so does the listing order (``search.backends.base.KIND_ORDER``) that PostgreSQL's
listing index and SQLite's facet triggers are built on, so both are made again. (On SQLite
the constraint change rebuilds the table, which drops its triggers: the whole engine
machinery is installed again, idempotently, and re-reads the rows.)"""

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
        ("asean_portal", "0022_roles_after_member_states_move"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="searchdocument",
            name="searchdocument_kind_valid",
        ),
        migrations.AlterField(
            model_name="searchdocument",
            name="kind",
            field=models.CharField(
                choices=[
                    ("division", "Division"),
                    ("initiative", "Initiative"),
                    ("faq", "FAQ"),
                    ("topic", "Topic"),
                    ("member_state", "Member State"),
                ],
                max_length=16,
            ),
        ),
        migrations.AddConstraint(
            model_name="searchdocument",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("kind__in", ["division", "initiative", "faq", "topic", "member_state"])
                ),
                name="searchdocument_kind_valid",
            ),
        ),
        migrations.RunPython(rebuild_engine_sql, rebuild_engine_sql, elidable=False),
    ]
