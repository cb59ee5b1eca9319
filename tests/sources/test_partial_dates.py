"""Dates as precise as they are known: the value, the model field (both databases), the
form field and the template filter."""

import calendar
import datetime

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from initiatives.models import Initiative, Milestone
from partial_dates import PartialDate, PartialDateError
from partial_dates.fields import PartialDateFormField
from tests.factories import InitiativeFactory, MilestoneFactory


@pytest.mark.parametrize(
    ("text", "iso", "shown", "precision"),
    [
        ("2019", "2019", "2019", "year"),
        ("2019-06", "2019-06", "June 2019", "month"),
        ("2019-06-23", "2019-06-23", "23 June 2019", "day"),
        ("June 2019", "2019-06", "June 2019", "month"),
        ("23 June 2019", "2019-06-23", "23 June 2019", "day"),
        (" 5 Sept 2023 ", "2023-09-05", "5 September 2023", "day"),
        ("2024-02-29", "2024-02-29", "29 February 2024", "day"),
    ],
)
def test_parsing_showing_and_writing(text, iso, shown, precision):
    value = PartialDate.parse(text)
    assert (value.isoformat(), str(value), value.precision) == (iso, shown, precision)
    assert PartialDate.parse(value.isoformat()) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2019-02-30", "February 2019 has no day 30."),
        ("2023-02-29", "February 2023 has no day 29."),
        ("2019-13", "There is no month 13."),
        ("19", "is not a date: write “2019”, “2019-06”, “2019-06-23”"),
        ("yesterday", "is not a date"),
        ("2019/06/23", "is not a date"),
        ("Smarch 2019", "is not a date"),
    ],
)
def test_impossible_or_unreadable_dates_say_which_forms_are_accepted(text, message):
    with pytest.raises(PartialDateError, match=message):
        PartialDate.parse(text)


def test_a_text_read_again_gives_the_same_value_and_a_refused_one_is_refused_again():
    # Parses are remembered (the values are immutable); refusals must not be.
    assert PartialDate.parse("2019-06-23") is PartialDate.parse("2019-06-23")
    for _ in range(2):
        with pytest.raises(PartialDateError, match="February 2019 has no day 29."):
            PartialDate.parse("2019-02-29")


def test_every_month_has_the_days_the_calendar_gives_it():
    for year in (1900, 1999, 2000, 2023, 2024, 2100):
        for month in range(1, 13):
            last = calendar.monthrange(year, month)[1]
            assert PartialDate(year, month, last).last_day == datetime.date(year, month, last)
            assert PartialDate(year, month).last_day.day == last
            with pytest.raises(PartialDateError, match=f"has no day {last + 1}"):
                PartialDate(year, month, last + 1)


def test_first_and_last_day_of_each_precision():
    assert PartialDate(2024).first_day == datetime.date(2024, 1, 1)
    assert PartialDate(2024).last_day == datetime.date(2024, 12, 31)
    assert PartialDate(2024, 2).last_day == datetime.date(2024, 2, 29)
    assert PartialDate(2023, 2).last_day == datetime.date(2023, 2, 28)
    day = PartialDate(2019, 6, 23)
    assert day.first_day == day.last_day == datetime.date(2019, 6, 23)


def test_ordering_is_a_timeline_and_matches_the_text_order():
    values = [
        PartialDate(2020),
        PartialDate(2019, 6, 23),
        PartialDate(2019),
        PartialDate(2019, 12),
        PartialDate(2019, 6),
    ]
    ordered = sorted(values)
    assert [v.isoformat() for v in ordered] == ["2019", "2019-06", "2019-06-23", "2019-12", "2020"]
    assert [v.isoformat() for v in ordered] == sorted(v.isoformat() for v in values)
    assert PartialDate(2019, 6, 23) == datetime.date(2019, 6, 23)
    assert PartialDate(2019, 6) != datetime.date(2019, 6, 1)  # a month is not its first day


@pytest.mark.django_db
def test_round_trip_sorting_and_year_filter_in_the_database():
    """On SQLite and PostgreSQL alike: stored as reduced ISO text, read back as it was,
    sorted as a timeline, filtered by year with ``startswith``."""
    initiative = InitiativeFactory(planned_start="2019-06", planned_end=PartialDate(2025))
    for title, planned in [
        ("Year", "2019"),
        ("Day", datetime.date(2019, 6, 23)),
        ("Month", "June 2019"),
        ("Next year", "2020-01"),
        ("Unknown", None),
    ]:
        MilestoneFactory(initiative=initiative, title=title, planned=planned)
    initiative.refresh_from_db()
    assert (initiative.planned_start, initiative.planned_end) == (
        PartialDate(2019, 6),
        PartialDate(2025),
    )
    rows = Milestone.objects.filter(initiative=initiative).order_by("planned", "pk")
    assert [(m.title, m.planned) for m in rows] == [
        ("Unknown", None),
        ("Year", PartialDate(2019)),
        ("Month", PartialDate(2019, 6)),
        ("Day", PartialDate(2019, 6, 23)),
        ("Next year", PartialDate(2020, 1)),
    ]
    in_2019 = Milestone.objects.filter(planned__startswith="2019").order_by("planned")
    assert [m.title for m in in_2019] == ["Year", "Month", "Day"]
    assert Milestone.objects.filter(planned="2019-06").get().title == "Month"
    assert Milestone.objects.filter(planned=PartialDate(2019, 6, 23)).get().title == "Day"
    assert Milestone.objects.filter(planned__gte="2019-06").count() == 3  # text order
    assert Initiative.objects.filter(planned_start__startswith="2019").get() == initiative
    values = Milestone.objects.filter(title="Month").values_list("planned", flat=True)
    assert list(values) == [PartialDate(2019, 6)]


@pytest.mark.django_db
def test_model_validation_rejects_an_impossible_date():
    milestone = MilestoneFactory.build(initiative=InitiativeFactory(), planned="2019-02-28")
    milestone.full_clean()
    milestone.planned = "2019-02-30"
    with pytest.raises(ValidationError, match="February 2019 has no day 30"):
        milestone.full_clean()


def test_the_form_field_accepts_the_forms_and_names_them_when_it_refuses():
    field = PartialDateFormField(required=False)
    assert field.clean("2019") == PartialDate(2019)
    assert field.clean("June 2019") == PartialDate(2019, 6)
    assert field.clean("") is None
    with pytest.raises(ValidationError) as refused:
        field.clean("30/02/2019")
    assert "write “2019”, “2019-06”, “2019-06-23”, “June 2019” or “23 June 2019”" in str(
        refused.value
    )
    with pytest.raises(ValidationError, match="February 2019 has no day 30"):
        field.clean("2019-02-30")
    assert field.prepare_value(PartialDate(2019, 6)) == "2019-06"
    assert not field.has_changed("2019-06", "June 2019")


def test_the_template_filter_shows_a_time_element_at_its_precision():
    template = Template(
        "{% load partial_dates %}{{ a|partial_date }}|{{ b|partial_date }}|{{ c|partial_date }}"
    )
    html = template.render(Context({"a": PartialDate(2019), "b": "2019-06", "c": None}))
    assert html == '<time datetime="2019">2019</time>|<time datetime="2019-06">June 2019</time>|'
