"""FAQs in and out of the admin as CSV or JSON, matched by slug."""

from divisions.models import Division
from initiatives.models import Topic
from publishing.resources import PUBLICATION_COLUMNS, ContentResource, slug_field

from .models import FAQ


class FAQResource(ContentResource):
    division = slug_field("division", Division, "division")
    topics = slug_field("topics", Topic, "topic", many=True)

    class Meta(ContentResource.Meta):
        model = FAQ
        fields = ["slug", "question", "answer", "division", "topics", "order", *PUBLICATION_COLUMNS]
        export_order = fields

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("division").prefetch_related("topics")
