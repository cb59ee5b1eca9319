"""The tables take this app's names, now that the model lives here."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('member_states', '0001_initial'),
        ('initiatives', '0010_member_states_move_out'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='historicalmemberstate',
            table=None,
        ),
        migrations.AlterModelTable(
            name='memberstate',
            table=None,
        ),
    ]
