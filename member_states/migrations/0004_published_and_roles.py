"""Member States become content: the rows that exist (the eleven) are published as they
are — none is lost or hidden — and owned by the Community and Corporate Affairs Directorate
where it exists (it answers the portal's questions on membership); the roles are set again,
so Editors draft Member States and Publishers publish them."""

from django.db import migrations

OWNER = "community-and-corporate-affairs-directorate"


def publish_existing(apps, schema_editor):
    MemberState = apps.get_model("member_states", "MemberState")
    Division = apps.get_model("divisions", "Division")
    owner = Division.objects.filter(slug=OWNER).first()
    MemberState.objects.update(state="published", owning_division=owner)


def sync_roles(apps, schema_editor):
    from publishing.roles import ensure_permissions, sync_roles

    ensure_permissions(apps)
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("member_states", "0003_content"),
        ("divisions", "0003_history_review_by_version_publish_permission"),
        ("asean_portal", "0022_roles_after_member_states_move"),
    ]

    operations = [
        migrations.RunPython(publish_existing, migrations.RunPython.noop),
        migrations.RunPython(sync_roles, migrations.RunPython.noop),
    ]
