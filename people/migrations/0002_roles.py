"""The three groups' permissions are set again now that people, posts and appointments
exist: Editors and Publishers write them, Publishers publish them (``publishing.roles``)."""

from django.db import migrations


def sync_roles(apps, schema_editor):
    from publishing.roles import ensure_permissions, sync_roles

    ensure_permissions(apps)
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
        ("asean_portal", "0022_roles_after_member_states_move"),
        # After the Member States' own role sync, so this last one sees every model.
        ("member_states", "0004_published_and_roles"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
