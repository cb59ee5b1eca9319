"""The three groups' permissions set again now that documents, their participations and
partners exist (``publishing.roles``)."""

from django.db import migrations


def sync_roles(apps, schema_editor):
    from publishing.roles import ensure_permissions, sync_roles

    ensure_permissions(apps)
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("asean_portal", "0022_roles_after_member_states_move"),
        ("documents", "0004_file_checked_and_unguessable"),
        ("partners", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
