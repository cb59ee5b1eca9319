"""Search knows ASEAN bodies and meetings: the index's kinds (choices and check
constraint), and on SQLite the facet table's listing order (its triggers name the kinds in
order) and the triggers a table rebuild drops are made again."""

from django.db import migrations, models


def reinstall(apps, schema_editor):
    from search.backends import install
    from search.backends.sqlite import UNDO_FACET_SQL

    if schema_editor.connection.vendor == "sqlite":
        for statement in UNDO_FACET_SQL:
            schema_editor.execute(statement, params=None)
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
                    ("body", "ASEAN body"),
                    ("meeting", "Meeting"),
                ],
                max_length=16,
            ),
        ),
        migrations.AddConstraint(
            model_name="searchdocument",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("kind__in", ["division", "initiative", "faq", "topic", "body", "meeting"])
                ),
                name="searchdocument_kind_valid",
            ),
        ),
        migrations.RunPython(reinstall, reinstall, elidable=False),
    ]
