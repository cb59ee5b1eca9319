import django_filters
from django.db.models import Q

from divisions.models import Division
from initiatives.models import Topic
from public.listing import slug_choice_filter

from .models import FAQ

MAX_QUERY_LENGTH = 200


class FAQFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Words", method="filter_words", max_length=MAX_QUERY_LENGTH, strip=True
    )
    topic = slug_choice_filter(
        "topic", lambda request: Topic.objects.published(), field_name="topics"
    )
    division = slug_choice_filter("division", lambda request: Division.objects.published())

    class Meta:
        model = FAQ
        fields = ["q", "topic", "division"]

    def filter_words(self, queryset, name, words):
        for word in words.split():
            queryset = queryset.filter(Q(question__icontains=word) | Q(answer__icontains=word))
        return queryset
