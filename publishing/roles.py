"""The staff's roles, as Django groups with exact permissions.

- **Editor**: writes and changes content, keeps it in draft or sends it for review; cannot
  publish, schedule, unpublish, archive or delete it.
- **Publisher**: everything an Editor does, and publishes, schedules, unpublishes and
  archives (the ``publish_<model>`` permissions).
- **Site administrator**: everything on the content (deleting too) and the staff accounts.

A data migration creates the groups; ``manage.py sync_roles`` sets them again (for instance
after a new content model is added). Both replace each group's permissions with exactly
the lists below.
"""

from django.apps import apps as global_apps

EDITOR, PUBLISHER, SITE_ADMINISTRATOR = "Editor", "Publisher", "Site administrator"

CONTENT_MODELS = [
    ("asean_portal", "sitesection"),
    ("divisions", "division"),
    ("initiatives", "topic"),
    ("initiatives", "initiative"),
    ("faqs", "faq"),
]
PARTS = [("initiatives", "milestone")]  # edited with their initiative
REFERENCE = [("initiatives", "memberstate")]  # reference data, kept by site administrators


def _perms(models, actions):
    return [(app, f"{action}_{model}") for app, model in models for action in actions]


def _publish(models):
    return [(app, f"publish_{model}") for app, model in models]


ROLE_PERMISSIONS = {
    EDITOR: (
        _perms(CONTENT_MODELS, ["view", "add", "change"])
        + _perms(PARTS, ["view", "add", "change", "delete"])
        + _perms(REFERENCE, ["view"])
    ),
    PUBLISHER: (
        _perms(CONTENT_MODELS, ["view", "add", "change"])
        + _publish(CONTENT_MODELS)
        + _perms(PARTS, ["view", "add", "change", "delete"])
        + _perms(REFERENCE, ["view"])
    ),
    SITE_ADMINISTRATOR: (
        _perms(CONTENT_MODELS + PARTS + REFERENCE, ["view", "add", "change", "delete"])
        + _publish(CONTENT_MODELS)
        + _perms([("auth", "user"), ("auth", "group")], ["view", "add", "change", "delete"])
        + [("admin", "view_logentry")]
    ),
}


def ensure_permissions(apps=global_apps):
    """Create the content types and permissions that Django otherwise creates only after
    ``migrate`` has finished, so a data migration can assign them."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in apps.get_app_configs():
        stub = getattr(app_config, "models_module", None) is None  # a migration's apps
        if stub:
            app_config.models_module = True
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
        if stub:
            app_config.models_module = None


def sync_roles(apps=global_apps):
    """Create the three groups and give each exactly its permissions."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = []
        for app_label, codename in wanted:
            permissions.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(permissions)
