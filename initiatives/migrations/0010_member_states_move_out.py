"""MemberState leaves for its own app (``member_states``): Django's model state only, the
rows stay in place. Its content types follow it, so the permissions granted on it and the
citations that point at a member state keep working."""

import django.db.models.deletion
from django.db import migrations, models


def move_content_types(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    for model in ("memberstate", "historicalmemberstate"):
        if not content_types.objects.filter(app_label="member_states", model=model).exists():
            content_types.objects.filter(app_label="initiatives", model=model).update(
                app_label="member_states"
            )


def move_content_types_back(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    for model in ("memberstate", "historicalmemberstate"):
        if not content_types.objects.filter(app_label="initiatives", model=model).exists():
            content_types.objects.filter(app_label="member_states", model=model).update(
                app_label="initiatives"
            )


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ('initiatives', '0009_partial_dates_sources_indicators'),
        ('member_states', '0001_initial'),
    ]

    state_operations = [
        migrations.AlterField(
            model_name='historicalinitiative_member_states',
            name='memberstate',
            field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='member_states.memberstate'),
        ),
        migrations.AlterField(
            model_name='initiative',
            name='member_states',
            field=models.ManyToManyField(blank=True, related_name='initiatives', to='member_states.memberstate', verbose_name='participating member states'),
        ),
        migrations.DeleteModel(
            name='HistoricalMemberState',
        ),
        migrations.DeleteModel(
            name='MemberState',
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
