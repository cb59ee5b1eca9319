"""``PartialDateField``: a ``PartialDate`` in one short text column.

Stored as the reduced ISO string ("2019", "2019-06", "2019-06-23"), because that text sorts
in date order (a year before its months, a month before its days) and a year filter is a
plain ``startswith`` (``published__startswith="2019"``) that an index serves; it also reads
the same in a dump, a CSV and the JSON. Empty is stored as "" (Django's way for text), so
the field is ``blank=True`` rather than null when the date may be unknown.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from .value import ACCEPTED_FORMS, PartialDate, PartialDateError

MAX_LENGTH = 10  # "2019-06-23"


class PartialDateFormField(forms.CharField):
    default_error_messages = {"invalid": f"Enter a date as {ACCEPTED_FORMS}."}

    def __init__(self, *args, **kwargs):
        # The length is checked on the text (to_python returns a PartialDate, which has none).
        kwargs.pop("max_length", None)
        kwargs.setdefault(
            "help_text", "As precisely as it is known: “2019”, “2019-06” or “2019-06-23”."
        )
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("size", 12)
        self.widget.attrs.setdefault("maxlength", 20)
        self.widget.attrs.setdefault("placeholder", "YYYY[-MM[-DD]]")

    def prepare_value(self, value):
        if isinstance(value, PartialDate):
            return value.isoformat()
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        if len(value) > 40:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return PartialDate.parse(value)
        except PartialDateError as error:
            raise ValidationError(str(error), code="invalid") from None

    def has_changed(self, initial, data):
        try:
            return PartialDate.coerce(initial) != PartialDate.coerce(data)
        except PartialDateError:
            return True


class PartialDateField(models.CharField):
    description = "A date known to the year, the month or the day"

    def __init__(self, *args, **kwargs):
        kwargs["max_length"] = MAX_LENGTH
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("max_length", None)
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        if not value:
            return None
        try:
            return PartialDate.parse(value)
        except PartialDateError:
            # Only a write that bypassed validation (raw SQL, ``update()``) stores other
            # text; reading it as unknown keeps every page and export working.
            return None

    def to_python(self, value):
        try:
            return PartialDate.coerce(value)
        except PartialDateError as error:
            raise ValidationError(str(error), code="invalid") from None

    def get_prep_value(self, value):
        if value is None or value == "":
            return ""
        if isinstance(value, str) and len(value) < 10 and value.isdigit():
            return value  # a year prefix, as in ``published__startswith="2019"``
        try:
            return PartialDate.coerce(value).isoformat()
        except PartialDateError:
            return str(value)  # a lookup's fragment ("2019-0"): compared as text

    def pre_save(self, model_instance, add):
        value = PartialDate.coerce(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def validate(self, value, model_instance):
        super().validate("" if value is None else value.isoformat(), model_instance)

    def run_validators(self, value):
        super().run_validators("" if value is None else value.isoformat())

    def clean(self, value, model_instance):
        value = self.to_python(value)
        self.validate(value, model_instance)
        self.run_validators(value)
        return value

    def value_from_object(self, obj):
        """The reduced ISO text ("" when unknown): what forms, snapshots of drafts and JSON
        hold (``to_python`` reads it back)."""
        value = super().value_from_object(obj)
        return value.isoformat() if isinstance(value, PartialDate) else (value or "")

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return "" if value is None else PartialDate.coerce(value).isoformat()

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PartialDateFormField, **kwargs})
