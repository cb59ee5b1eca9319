"""People, posts and appointments as the model guards them: an appointment's end is not
before its start; a person holds a post once at a time; a portrait has its text alternative
and is a real image of a sensible size."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from partial_dates import PartialDate
from people.models import Appointment, Person, surely_overlap
from tests.factories import AppointmentFactory, PersonFactory, RoleFactory

pytestmark = pytest.mark.django_db


def png_bytes(size=(4, 4)):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_an_end_before_the_start_is_refused_on_the_end_field():
    appointment = AppointmentFactory.build(
        person=PersonFactory(), role=RoleFactory(), started=PartialDate(2023, 5), ended="2023-04"
    )
    with pytest.raises(ValidationError) as error:
        appointment.full_clean()
    assert "before its start" in error.value.message_dict["ended"][0]


def test_an_end_in_the_start_year_at_coarser_precision_is_not_before_it():
    appointment = AppointmentFactory.build(
        person=PersonFactory(), role=RoleFactory(), started="2023-05", ended="2023"
    )
    appointment.full_clean()


def test_a_person_holds_a_post_only_once_at_a_time():
    first = AppointmentFactory(started="2019", ended="")
    second = Appointment(person=first.person, role=first.role, started="2023-01")
    with pytest.raises(ValidationError, match="only once at a time"):
        second.full_clean()
    # After the first one ends, the same post again is a new appointment.
    first.ended = PartialDate(2022, 12)
    first.save()
    second.full_clean()
    # Another post at the same time is allowed.
    other = Appointment(person=first.person, role=RoleFactory(), started="2023-01")
    other.full_clean()


def test_overlap_is_only_refused_when_the_dates_surely_overlap():
    assert surely_overlap(("2019", "2023"), ("2022", ""))
    # Year precision hides whether the first ended before the second began.
    assert not surely_overlap(("2019", "2023"), ("2023", "2027"))
    assert not surely_overlap(("2019-01-01", "2019-06-30"), ("2019-07-01", ""))


def test_a_portrait_needs_its_text_alternative():
    person = PersonFactory.build(portrait=SimpleUploadedFile("p.png", png_bytes()))
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "portrait_alt" in error.value.message_dict
    person.portrait_alt = "Head and shoulders, in a dark suit."
    person.full_clean()


def test_a_portrait_that_is_not_an_image_is_refused():
    person = PersonFactory.build(
        portrait=SimpleUploadedFile("p.png", b"<?php echo 1; ?>"), portrait_alt="A face."
    )
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "not an image" in " ".join(error.value.message_dict["portrait"])


def test_a_portrait_over_two_megabytes_is_refused(monkeypatch):
    monkeypatch.setattr("people.models.PORTRAIT_MAX_BYTES", 10)
    person = PersonFactory.build(
        portrait=SimpleUploadedFile("p.png", png_bytes()), portrait_alt="A face."
    )
    with pytest.raises(ValidationError, match="the most is 2 MB"):
        person.full_clean()


def test_a_person_is_shown_with_the_honorific():
    person = Person(name="Kao Kim Hourn", honorific="Dr")
    assert person.full_name == "Dr Kao Kim Hourn"
    assert str(person) == "Kao Kim Hourn"
