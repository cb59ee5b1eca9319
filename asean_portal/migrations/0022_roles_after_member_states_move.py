"""Member states moved to their own app (``member_states``): the three groups' permissions
are set again, once its model state exists, so the permission to view them follows it."""

from django.db import migrations


def sync_roles(apps, schema_editor):
    from publishing.roles import ensure_permissions, sync_roles

    ensure_permissions(apps)
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("asean_portal", "0021_roles_keep_sources_and_records"),
        ("member_states", "0002_tables_renamed"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
