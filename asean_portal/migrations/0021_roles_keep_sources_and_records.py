"""Writers keep sources, citations and indicators; Publishers correct public change notes;
site administrators read the contact messages (``publishing.roles``): the three groups'
permissions are set again, after the tables they name exist."""

from django.db import migrations


def sync_roles(apps, schema_editor):
    from publishing.roles import ensure_permissions, sync_roles

    ensure_permissions(apps)
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("asean_portal", "0020_sitesection_editorial_note"),
        ("initiatives", "0009_partial_dates_sources_indicators"),
        ("sources", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
