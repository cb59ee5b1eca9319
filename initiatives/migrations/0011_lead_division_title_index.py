"""A division's page reads the first initiatives it leads by title: this index gives them
in that order for any division, so PostgreSQL plans the prepared read once."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0010_member_states_move_out"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="initiative",
            index=models.Index(
                fields=["lead_division", "state", "title", "id"],
                name="initiative_lead_title_idx",
            ),
        ),
    ]
