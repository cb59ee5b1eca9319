"""MemberState moves here from ``initiatives`` without copying a row: this migration only
tells Django's model state that the model lives here; the tables stay where they are
(renamed in 0002)."""

import django.db.models.deletion
import partial_dates.fields
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("initiatives", "0009_partial_dates_sources_indicators"),
    ]

    state_operations = [
        migrations.CreateModel(
            name='MemberState',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, unique=True)),
                ('slug', models.SlugField(max_length=60, unique=True)),
                ('iso_code', models.CharField(max_length=2, unique=True, verbose_name='ISO 3166 alpha-2 code')),
                ('joined_on', partial_dates.fields.PartialDateField(blank=True, verbose_name='member since')),
            ],
            options={
                'db_table': 'initiatives_memberstate',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalMemberState',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('name', models.CharField(db_index=True, max_length=100)),
                ('slug', models.SlugField(max_length=60)),
                ('iso_code', models.CharField(db_index=True, max_length=2, verbose_name='ISO 3166 alpha-2 code')),
                ('joined_on', partial_dates.fields.PartialDateField(blank=True, verbose_name='member since')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical member state',
                'verbose_name_plural': 'historical member states',
                'db_table': 'initiatives_historicalmemberstate',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
    ]

    operations = [migrations.SeparateDatabaseAndState(state_operations=state_operations)]
