"""One word for one concept: the drafts of live items (once "pending changes", "unpublished
changes" and "staging") are ``Draft``. The table keeps its name; the model's content type
follows the rename (Django renames it), and so do its permissions."""

from django.db import migrations

OLD, NEW = "pendingchange", "draft"


def rename_permissions(apps, schema_editor, old=OLD, new=NEW):
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(
        content_type__app_label="asean_portal", codename__endswith=f"_{old}"
    ):
        permission.codename = permission.codename.removesuffix(old) + new
        permission.name = permission.name.replace("unpublished change", "draft of a live item")
        permission.save(update_fields=["codename", "name"])


def restore_permissions(apps, schema_editor):
    rename_permissions(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("asean_portal", "0012_one_content_token"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        # Fix the table's name first, so the rename changes no table.
        migrations.AlterModelTable(name="pendingchange", table="asean_portal_pendingchange"),
        migrations.RenameModel(old_name="PendingChange", new_name="Draft"),
        migrations.AlterModelOptions(
            name="draft",
            options={
                "verbose_name": "draft of a live item",
                "verbose_name_plural": "drafts of live items",
            },
        ),
        migrations.RunPython(rename_permissions, restore_permissions),
    ]
