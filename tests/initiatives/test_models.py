import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from initiatives.models import Initiative
from tests.factories import InitiativeFactory, MilestoneFactory

pytestmark = pytest.mark.django_db


def test_database_rejects_an_end_date_before_the_start_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        InitiativeFactory(start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2024, 1, 1))


def test_model_validation_explains_the_end_date_error():
    initiative = InitiativeFactory.build(
        start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2024, 1, 1)
    )
    with pytest.raises(ValidationError, match="end date cannot be before the start date"):
        initiative.validate_constraints()


def test_open_ended_dates_are_allowed():
    for start, end in [(datetime.date(2025, 1, 1), None), (None, datetime.date(2025, 1, 1))]:
        initiative = InitiativeFactory(start_date=start, end_date=end)
        initiative.validate_constraints()  # the model's check agrees with the database's
        initiative.refresh_from_db()
        assert (initiative.start_date, initiative.end_date) == (start, end)


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


def test_progress_is_derived_from_milestones():
    initiative = InitiativeFactory()
    assert initiative.progress is None
    MilestoneFactory(initiative=initiative, done_on=datetime.date(2024, 1, 1))
    MilestoneFactory(initiative=initiative)
    MilestoneFactory(initiative=initiative)
    MilestoneFactory(initiative=initiative, done_on=datetime.date(2024, 2, 1))
    assert Initiative.objects.get(pk=initiative.pk).progress == 50


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
