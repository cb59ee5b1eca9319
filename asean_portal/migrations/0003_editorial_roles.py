"""The Editor, Publisher and Site administrator groups (publishing.roles)."""

from django.db import migrations


def create_roles(apps, schema_editor):
    from publishing.roles import ensure_permissions, sync_roles

    ensure_permissions(apps)
    sync_roles(apps)


def remove_roles(apps, schema_editor):
    from publishing.roles import ROLE_PERMISSIONS

    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("asean_portal", "0002_history_review_by_version_publish_permission"),
        ("divisions", "0003_history_review_by_version_publish_permission"),
        ("faqs", "0002_history_review_by_version_publish_permission"),
        ("initiatives", "0003_history_review_by_version_publish_permission"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
