"""Dates as precise as they are known (schema, step 1 of 3).

The date columns are renamed to what they mean and become text holding reduced-precision
ISO 8601 (``partial_dates``): an initiative's ``start_date``/``end_date`` become its
*planned* period ``planned_start``/``planned_end``, a milestone's ``due_on``/``done_on`` its
``planned``/``reached`` dates, a Member State's ``joined_on`` stays. The databases turn each
stored date into its ISO text ("2019-06-23"), so every existing value keeps **day
precision**: nothing is made less precise (or more) than it was. Empty dates are NULL until
step 2 (0008) writes "" and step 3 (0009) makes the columns NOT NULL.
"""

from django.db import migrations, models


def text(null=True, **kwargs):
    return models.CharField(max_length=10, null=null, blank=True, **kwargs)


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0006_admin_search_trigram_indexes")]

    operations = [
        migrations.RemoveConstraint(model_name="initiative", name="initiative_end_not_before_start"),
        # Re-created on the renamed column in 0009.
        migrations.RemoveIndex(model_name="milestone", name="milestone_initiative_due_idx"),
        *[
            op
            for model in ("initiative", "historicalinitiative")
            for op in (
                migrations.RenameField(model, "start_date", "planned_start"),
                migrations.RenameField(model, "end_date", "planned_end"),
                migrations.AlterField(model, "planned_start", text()),
                migrations.AlterField(model, "planned_end", text()),
            )
        ],
        *[
            op
            for model in ("milestone", "historicalmilestone")
            for op in (
                migrations.RenameField(model, "due_on", "planned"),
                migrations.RenameField(model, "done_on", "reached"),
                migrations.AlterField(model, "planned", text()),
                migrations.AlterField(model, "reached", text()),
            )
        ],
        *[
            migrations.AlterField(model, "joined_on", text(verbose_name="member since"))
            for model in ("memberstate", "historicalmemberstate")
        ],
    ]
