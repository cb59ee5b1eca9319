"""Search kinds "document" and "partner": the index's check constraint names them, and the
listing order (``KIND_ORDER``, which SQLite's facet triggers and PostgreSQL's listing index
spell out as a CASE) is made again so the new kinds have their place in it.

On SQLite, changing the check constraint remakes the table, which drops every trigger on
it: the full-text machinery is installed again (idempotent; it re-indexes the rows)."""

from django.db import migrations, models

from search.backends import engine_sql
from search.backends.postgresql import BROAD_QUERY_SQL
from search.backends.sqlite import UNDO_FACET_SQL, SQLiteBackend

LISTING_INDEX = [s for s in BROAD_QUERY_SQL if "searchdocument_listing" in s]
REMAKE_LISTING = ("DROP INDEX IF EXISTS searchdocument_listing", *LISTING_INDEX)
SQLITE_AGAIN = (*UNDO_FACET_SQL, *SQLiteBackend.install_sql)


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
            field=models.CharField(choices=[('division', 'Division'), ('initiative', 'Initiative'), ('faq', 'FAQ'), ('topic', 'Topic'), ('document', 'Document'), ('partner', 'Partner')], max_length=16),
        ),
        migrations.AddConstraint(
            model_name='searchdocument',
            constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['division', 'initiative', 'faq', 'topic', 'document', 'partner'])), name='searchdocument_kind_valid'),
        ),
        engine_sql("sqlite", SQLITE_AGAIN, SQLITE_AGAIN),
        engine_sql("postgresql", REMAKE_LISTING, REMAKE_LISTING),
    ]
