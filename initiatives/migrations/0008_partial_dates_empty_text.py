"""Dates as precise as they are known (data, step 2 of 3): an unknown date is "" (Django's
empty text), not NULL, before 0009 makes the columns NOT NULL. Existing dates keep the day
precision 0007 gave them."""

from django.db import migrations

COLUMNS = {
    "Initiative": ["planned_start", "planned_end"],
    "HistoricalInitiative": ["planned_start", "planned_end"],
    "Milestone": ["planned", "reached"],
    "HistoricalMilestone": ["planned", "reached"],
    "MemberState": ["joined_on"],
    "HistoricalMemberState": ["joined_on"],
}


def empty_text(apps, schema_editor):
    for model_name, columns in COLUMNS.items():
        model = apps.get_model("initiatives", model_name)
        for column in columns:
            model._base_manager.filter(**{f"{column}__isnull": True}).update(**{column: ""})


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0007_partial_dates_rename")]

    operations = [migrations.RunPython(empty_text, migrations.RunPython.noop)]
