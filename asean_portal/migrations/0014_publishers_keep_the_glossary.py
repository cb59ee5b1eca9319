"""Publishers keep search's glossary and read the queries that found nothing
(``publishing.roles``): the three groups' permissions are set again."""

from django.db import migrations


def sync_roles(apps, schema_editor):
    from publishing.roles import ensure_permissions, sync_roles

    ensure_permissions(apps)
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("asean_portal", "0013_draft")]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
