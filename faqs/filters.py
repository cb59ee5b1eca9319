import django_filters
from django.db.models import Q

from divisions.models import Division
from initiatives.models import Topic

from .models import FAQ

MAX_QUERY_LENGTH = 200


class FAQFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Words", method="filter_words", max_length=MAX_QUERY_LENGTH, strip=True
    )
    topic = django_filters.ModelChoiceFilter(
        label="Topic",
        queryset=lambda request: Topic.objects.published(),
        field_name="topics",
        to_field_name="slug",
        empty_label="Any topic",
        error_messages={"invalid_choice": "There is no topic “%(value)s”."},
    )
    division = django_filters.ModelChoiceFilter(
        label="Division",
        queryset=lambda request: Division.objects.published(),
        to_field_name="slug",
        empty_label="Any division",
        error_messages={"invalid_choice": "There is no division “%(value)s”."},
    )

    class Meta:
        model = FAQ
        fields = ["q", "topic", "division"]

    def filter_words(self, queryset, name, words):
        for word in words.split():
            queryset = queryset.filter(Q(question__icontains=word) | Q(answer__icontains=word))
        return queryset
