"""An FAQ names the posts its answer is about (``roles``), so its page can say who holds
each today; the link is kept in its history like its topics."""

import django.db.models.deletion
import simple_history.models
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('faqs', '0002_history_review_by_version_publish_permission'),
        ('people', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalFAQ_roles',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
            ],
            options={
                'verbose_name': 'HistoricalFAQ_roles',
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name='faq',
            name='roles',
            field=models.ManyToManyField(blank=True, help_text='The answer then names who holds each post today, with the source.', related_name='faqs', to='people.role', verbose_name='posts this answer is about'),
        ),
        migrations.AddField(
            model_name='historicalfaq_roles',
            name='faq',
            field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='faqs.faq'),
        ),
        migrations.AddField(
            model_name='historicalfaq_roles',
            name='history',
            field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='faqs.historicalfaq'),
        ),
        migrations.AddField(
            model_name='historicalfaq_roles',
            name='role',
            field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='people.role'),
        ),
    ]
