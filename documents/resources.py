"""Documents in and out of the admin as CSV or JSON, matched by slug. The identifier is
written out but never read back: a new row gets the next one, an existing row keeps its
own. Dates as precise as they are known (YYYY, YYYY-MM or YYYY-MM-DD). Files, signatures
and consents are kept in the admin's form, not in the file."""

from import_export import fields

from initiatives.models import Initiative, Topic
from partners.models import Partner
from publishing.resources import (
    PUBLICATION_COLUMNS,
    ContentResource,
    partial_date_field,
    slug_field,
)

from .models import Document


class DocumentResource(ContentResource):
    identifier = fields.Field(attribute="identifier", column_name="identifier", readonly=True)
    date = partial_date_field("date")
    entered_into_force = partial_date_field("entered_into_force")
    topics = slug_field("topics", Topic, "topic", many=True)
    initiatives = slug_field("initiatives", Initiative, "initiative", many=True)
    partners = slug_field("partners", Partner, "partner", many=True)

    class Meta(ContentResource.Meta):
        model = Document
        fields = [
            "slug",
            "identifier",
            "title",
            "doc_type",
            "date",
            "place",
            "languages",
            "official_url",
            "summary",
            "entered_into_force",
            "topics",
            "initiatives",
            "partners",
            *PUBLICATION_COLUMNS,
        ]
        export_order = fields

    def filter_export(self, queryset, **kwargs):
        return queryset.prefetch_related("topics", "initiatives", "partners")
