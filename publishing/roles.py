"""The staff's roles, as Django groups with exact permissions.

- **Editor**: writes and changes content, keeps it in draft or sends it for review; cannot
  publish, schedule, unpublish, archive or delete it.
- **Publisher**: everything an Editor does, and publishes, schedules, unpublishes and
  archives (the ``publish_<model>`` permissions); keeps search's glossary (acronyms and
  synonyms) and reads (and clears) the queries that found nothing.
- **Site administrator**: everything on the content (deleting too) and the staff accounts.

A data migration creates the groups; ``manage.py sync_roles`` sets them again (for instance
after a new content model is added). Both replace each group's permissions with exactly
the lists below.
"""

from django.apps import apps as global_apps

EDITOR, PUBLISHER, SITE_ADMINISTRATOR = "Editor", "Publisher", "Site administrator"


def _perms(models, actions):
    return [(app, f"{action}_{model}") for app, model in models for action in actions]


def _publish(models):
    return [(app, f"publish_{model}") for app, model in models]


CONTENT_MODELS = [
    ("asean_portal", "sitesection"),
    ("divisions", "division"),
    ("initiatives", "topic"),
    ("initiatives", "initiative"),
    ("faqs", "faq"),
    ("member_states", "memberstate"),
]
# Edited with their item: an initiative's milestones and indicators, any item's citations.
PARTS = [
    ("initiatives", "milestone"),
    ("initiatives", "indicator"),
    ("initiatives", "indicatorperiod"),
    ("sources", "citation"),
]
# Reference data kept by site administrators only (none now: Member States are content).
REFERENCE = []
# What facts rest on: every writer records sources; only site administrators delete one
# (a source still cited cannot be deleted anyway).
SOURCES = [("sources", "source")]
# Public change notes: Publishers may correct a note's wording; the record is not deleted.
PUBLIC_CHANGES = [("asean_portal", "publicchange")]
# Messages sent through /contact/: personal data, read by site administrators only.
CONTACT_MESSAGES = [("asean_portal", "contactmessage")]
# Search's glossary ("AEC" finds "ASEAN Economic Community") and the queries that found
# nothing (written by the search page; staff read them and delete those dealt with).
GLOSSARY = [("asean_portal", "glossaryentry"), ("asean_portal", "synonym")]
MISSED_QUERIES = [("asean_portal", "missedquery")]
SEARCH_KEEPING = _perms(GLOSSARY, ["view", "add", "change", "delete"]) + _perms(
    MISSED_QUERIES, ["view", "delete"]
)


ROLE_PERMISSIONS = {
    EDITOR: (
        _perms(CONTENT_MODELS, ["view", "add", "change"])
        + _perms(PARTS, ["view", "add", "change", "delete"])
        + _perms(REFERENCE, ["view"])
        + _perms(SOURCES, ["view", "add", "change"])
    ),
    PUBLISHER: (
        _perms(CONTENT_MODELS, ["view", "add", "change"])
        + _publish(CONTENT_MODELS)
        + _perms(PARTS, ["view", "add", "change", "delete"])
        + _perms(REFERENCE, ["view"])
        + _perms(SOURCES, ["view", "add", "change"])
        + _perms(PUBLIC_CHANGES, ["view", "change"])
        + SEARCH_KEEPING
    ),
    SITE_ADMINISTRATOR: (
        _perms(CONTENT_MODELS + PARTS + REFERENCE + SOURCES, ["view", "add", "change", "delete"])
        + _publish(CONTENT_MODELS)
        + _perms(PUBLIC_CHANGES, ["view", "change"])
        + _perms(CONTACT_MESSAGES, ["view", "delete"])
        + SEARCH_KEEPING
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
    """Create the three groups and give each exactly its permissions. Run by an early
    migration, it leaves out the permissions that migration's state does not have yet (of
    models it lacks, or a publish permission a model declares later); a later migration
    runs it again."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = []
        for app_label, codename in wanted:
            if not _has_model(apps, app_label, codename.split("_", 1)[1]):
                continue
            found = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            if apps is not global_apps and not found.exists():
                continue  # a permission that migration's model state has not declared yet
            permissions.append(found.get())
        group.permissions.set(permissions)


def _has_model(apps, app_label, model_name):
    try:
        apps.get_model(app_label, model_name)
    except LookupError:
        return False
    return True
