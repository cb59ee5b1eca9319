import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from initiatives.models import Initiative
from partial_dates import PartialDate
from tests.factories import InitiativeFactory, MilestoneFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "start, end, error",
    [
        ("2025-01-01", "2024-12-31", "The planned end (31 December 2024) is before its start"),
        ("2025", "2024", "The planned end (2024) is before its start (2025)."),
        ("2025-03", "2025-02-28", "The planned end (28 February 2025) is before its start"),
        # Periods are compared, not texts: "2025" ends after "2025-06" starts.
        ("2025-06", "2025", None),
        ("2025-06-15", "2025-06", None),
        ("2025", "2025-01-01", None),
    ],
)
def test_an_end_is_not_before_its_start_compared_as_periods(start, end, error):
    initiative = InitiativeFactory.build(planned_start=start, planned_end=end)
    if error is None:
        initiative.full_clean(exclude=["lead_division"])
    else:
        with pytest.raises(ValidationError, match=error.replace("(", r"\(").replace(")", r"\)")):
            initiative.full_clean(exclude=["lead_division"])
    actual = InitiativeFactory.build(actual_start=start, actual_end=end)
    if error is not None:
        with pytest.raises(ValidationError, match="The actual end"):
            actual.full_clean(exclude=["lead_division"])


def test_open_ended_dates_are_allowed():
    for start, end in [(PartialDate(2025), None), (None, PartialDate(2025, 1, 1))]:
        initiative = InitiativeFactory(planned_start=start, planned_end=end)
        initiative.refresh_from_db()
        assert (initiative.planned_start, initiative.planned_end) == (start, end)


def test_database_rejects_unknown_status_and_pillar():
    initiative = InitiativeFactory()
    for field, value in (("status", "paused"), ("pillar", "maritime")):
        with pytest.raises(IntegrityError), transaction.atomic():
            Initiative.objects.filter(pk=initiative.pk).update(**{field: value})


def test_lead_division_cannot_be_deleted_while_it_leads():
    from django.db.models import ProtectedError

    initiative = InitiativeFactory()
    with pytest.raises(ProtectedError):
        initiative.lead_division.delete()


def test_milestones_are_counted_never_turned_into_a_percentage():
    initiative = InitiativeFactory()
    assert initiative.milestone_count() == (0, 0)
    MilestoneFactory(initiative=initiative, reached=PartialDate(2024, 1))
    MilestoneFactory(initiative=initiative)
    MilestoneFactory(initiative=initiative, reached=PartialDate(2024))
    assert Initiative.objects.get(pk=initiative.pk).milestone_count() == (2, 3)
    assert not hasattr(initiative, "progress")


def test_published_honours_state_and_schedule():
    from django.utils import timezone

    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    live = InitiativeFactory()
    InitiativeFactory(draft=True)
    InitiativeFactory(state="review")
    InitiativeFactory(state="archived")
    InitiativeFactory(publish_at=now + hour)
    InitiativeFactory(unpublish_at=now - hour)
    window = InitiativeFactory(publish_at=now - hour, unpublish_at=now + hour)
    assert set(Initiative.objects.published()) == {live, window}
