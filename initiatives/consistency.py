"""What the admin warns staff about when an initiative's content contradicts itself. The
warnings never block a save: they say what a reader would notice."""

from django.utils import timezone

from sources.publish_rule import sources_required
from sources.references import count_sources

from .models import InitiativeStatus


def consistency_warnings(initiative, today=None):
    today = today or timezone.localdate()  # the portal's day (Asia/Jakarta)
    if initiative.pk is None:
        return []
    warnings = []
    milestones = list(initiative.milestones.all())
    ongoing = initiative.status == InitiativeStatus.ONGOING
    # An open-ended initiative (no planned end: a standing platform, a negotiation, an
    # outlook) runs on after its milestones; one with a planned end should have one left.
    planned_end = initiative.planned_end
    if ongoing and planned_end and milestones and all(m.reached for m in milestones):
        warnings.append(
            "It is “Ongoing” but every milestone is reached: is it completed, or is a "
            "milestone missing?"
        )
    for milestone in milestones:
        if milestone.reached and milestone.reached.is_after(today):
            warnings.append(
                f"The milestone “{milestone}” is marked reached on {milestone.reached}, "
                "which is in the future."
            )
    end = initiative.actual_end or initiative.planned_end
    if ongoing and end and end.has_passed(today):
        warnings.append(
            f"It is still “Ongoing” though its end ({end}) has passed: update its status or "
            "its dates."
        )
    if not sources_required() and not count_sources(initiative):
        warnings.append("It cites no source: add one under “Sources” before publishing it.")
    return warnings
