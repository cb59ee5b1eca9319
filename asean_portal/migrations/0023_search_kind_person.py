"""People are searched ("person"): the index's kind constraint names the new kind, and on
SQLite the facet triggers (which put each kind in its listing order) are made again."""

from django.db import migrations, models

from search.backends import engine_sql
from search.backends.sqlite import FACET_SQL, UNDO_FACET_SQL, SQLiteBackend

SQLITE_AGAIN = (*SQLiteBackend.install_sql, *UNDO_FACET_SQL, *FACET_SQL)


class Migration(migrations.Migration):

    dependencies = [
        ('asean_portal', '0022_roles_after_member_states_move'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='searchdocument',
            name='searchdocument_kind_valid',
        ),
        migrations.AlterField(
            model_name='searchdocument',
            name='kind',
            field=models.CharField(choices=[('division', 'Division'), ('initiative', 'Initiative'), ('faq', 'FAQ'), ('topic', 'Topic'), ('person', 'Person')], max_length=16),
        ),
        migrations.AddConstraint(
            model_name='searchdocument',
            constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['division', 'initiative', 'faq', 'topic', 'person'])), name='searchdocument_kind_valid'),
        ),
        # SQLite rebuilds the table for a new constraint, which drops its triggers: the
        # full-text ones are made again, and the facet ones, whose CASE over KIND_ORDER is
        # written when they are made.
        engine_sql("sqlite", SQLITE_AGAIN, SQLITE_AGAIN),
    ]
