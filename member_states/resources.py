"""Member States in and out of the admin as CSV or JSON, matched by slug."""

from import_export import fields

from publishing.resources import PUBLICATION_COLUMNS, ContentResource, PartialDateWidget

from .models import MemberState


class MemberStateResource(ContentResource):
    joined_on = fields.Field(
        attribute="joined_on", column_name="joined_on", widget=PartialDateWidget()
    )

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
