"""The three groups' permissions are set again now that bodies and meetings exist (Editors
write them, Publishers publish them: ``publishing.roles``)."""

from django.db import migrations


def sync_roles(apps, schema_editor):
    from publishing.roles import ensure_permissions, sync_roles

    ensure_permissions(apps)
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("asean_portal", "0022_roles_after_member_states_move"),
        ("bodies", "0001_initial"),
        ("meetings", "0002_initial"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
