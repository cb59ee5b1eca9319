import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from divisions.models import Division
from tests.factories import DivisionFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_database_rejects_a_division_that_is_its_own_parent():
    division = DivisionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Division.objects.filter(pk=division.pk).update(parent=division)


def test_saving_a_cycle_is_refused_on_every_write_path():
    top = DivisionFactory()
    middle = DivisionFactory(parent=top)
    bottom = DivisionFactory(parent=middle)
    top.parent = bottom
    with pytest.raises(ValidationError, match="cannot report to itself"):
        top.full_clean()
    with pytest.raises(ValidationError):
        top.save()
    top.refresh_from_db()
    assert top.parent is None


def test_database_rejects_unknown_kind_pillar_and_state():
    division = DivisionFactory()
    for field, value in (("kind", "ministry"), ("pillar", "maritime"), ("state", "live")):
        with pytest.raises(IntegrityError), transaction.atomic():
            Division.objects.filter(pk=division.pk).update(**{field: value})


def test_unpublish_must_come_after_publish():
    import datetime

    from django.utils import timezone

    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        DivisionFactory(publish_at=now, unpublish_at=now - datetime.timedelta(hours=1))


def test_slugs_are_unique():
    DivisionFactory(slug="same")
    with pytest.raises(IntegrityError), transaction.atomic():
        DivisionFactory(slug="same")


def test_parent_cannot_be_deleted_while_it_has_units():
    from django.db.models import ProtectedError

    top = DivisionFactory()
    DivisionFactory(parent=top)
    with pytest.raises(ProtectedError):
        top.delete()


def test_mandate_markdown_is_stored_as_sanitised_html():
    division = DivisionFactory(
        mandate="**Lead** <script>alert(1)</script> [x](javascript:alert(1)) "
        "<img src=x onerror=alert(1)>"
    )
    division.refresh_from_db()
    assert "<strong>Lead</strong>" in division.mandate_html
    for dangerous in ("<script", "javascript:", "onerror", "<img"):
        assert dangerous not in division.mandate_html


def test_deleting_a_user_keeps_their_content():
    author = UserFactory()
    division = DivisionFactory(created_by=author, updated_by=author)
    author.delete()
    division.refresh_from_db()
    assert division.created_by is None and division.updated_by is None
