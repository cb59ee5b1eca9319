"""Published initiatives by title, then id: the lists' whole order, so that reading the
first few walks the index and stops, even under a window that numbers them
(``caching.folded_queries``), where PostgreSQL would otherwise sort batches of 32 rows by id
within the title order (a division's supported cards: 258 rows read for 6, now 50)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0011_lead_division_title_index"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="initiative",
            name="initiative_state_title_idx",
        ),
        migrations.AddIndex(
            model_name="initiative",
            index=models.Index(fields=["state", "title", "id"], name="initiative_state_title_idx"),
        ),
    ]
