from divisions.models import Division
from initiatives.models import Topic
from public.listing import PublicFilterSet, slug_choice_filter
from search.filtering import WordFilter
from search.models import DocumentKind

from .models import FAQ


class FAQFilter(PublicFilterSet):
    q = WordFilter(DocumentKind.FAQ, help_text="Words in the question or its answer.")
    topic = slug_choice_filter(
        "topic",
        Topic,
        field_name="topics",
        help_text="Questions on the subject.",
    )
    division = slug_choice_filter(
        "division",
        Division,
        help_text="Questions the division answers.",
    )

    class Meta:
        model = FAQ
        fields = ["q", "topic", "division"]
