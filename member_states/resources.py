"""Member States in and out of the admin as CSV or JSON, matched by slug."""

from publishing.resources import PUBLICATION_COLUMNS, ContentResource, partial_date_field

from .models import MemberState


class MemberStateResource(ContentResource):
    joined_on = partial_date_field("joined_on")

    class Meta(ContentResource.Meta):
        model = MemberState
        fields = [
            "slug",
            "name",
            "iso_code",
            "joined_on",
            "capital",
            "official_languages",
            "national_office",
            "national_office_url",
            "other_names",
            *PUBLICATION_COLUMNS,
        ]
        export_order = fields
