"""A public list's FilterSet given its rows as a callable builds them once, when they are
first asked for, and filters those rows, never the model's whole table."""

import pytest

from faqs.filters import FAQFilter
from faqs.models import FAQ
from tests.factories import DivisionFactory, FAQFactory

pytestmark = pytest.mark.django_db


def test_the_rows_are_built_once_when_asked_for_and_filtered():
    econ, other = DivisionFactory(slug="econ"), DivisionFactory(slug="other")
    shown = FAQFactory(question="Shown?", division=econ)
    FAQFactory(question="Elsewhere?", division=other)
    FAQFactory(question="Draft?", division=econ, draft=True)
    built = []

    def rows():
        built.append(1)
        return FAQ.objects.published()

    filterset = FAQFilter({"division": "econ"}, queryset=rows)
    assert filterset.is_valid() and filterset.form.cleaned_data["division"].slug == "econ"
    assert built == []  # the form alone needs no rows
    assert list(filterset.qs) == [shown]  # the draft is not among the rows given
    assert list(filterset.queryset) == list(FAQ.objects.published())
    assert built == [1]


def test_rows_given_as_a_queryset_are_used_as_they_are():
    FAQFactory(question="Shown?")
    FAQFactory(question="Draft?", draft=True)
    filterset = FAQFilter(None, queryset=FAQ.objects.published())
    assert [faq.question for faq in filterset.qs] == ["Shown?"]
