import django_filters

from divisions.models import Division
from initiatives.models import Topic
from public.listing import slug_choice_filter
from search.filtering import WordFilter
from search.models import DocumentKind

from .models import FAQ


class FAQFilter(django_filters.FilterSet):
    q = WordFilter(DocumentKind.FAQ)
    topic = slug_choice_filter(
        "topic", lambda request: Topic.objects.published(), field_name="topics"
    )
    division = slug_choice_filter("division", lambda request: Division.objects.published())

    class Meta:
        model = FAQ
        fields = ["q", "topic", "division"]
