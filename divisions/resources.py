"""Divisions in and out of the admin as CSV or JSON, matched by slug."""

from publishing.resources import PUBLICATION_COLUMNS, ContentResource, slug_field

from .models import Division


class DivisionResource(ContentResource):
    parent = slug_field("parent", Division, "division")

    class Meta(ContentResource.Meta):
        model = Division
        fields = [
            "slug",
            "name",
            "short_name",
            "kind",
            "pillar",
            "parent",
            "head_title",
            "summary",
            "mandate",
            "email",
            "phone",
            "address",
            "order",
            *PUBLICATION_COLUMNS,
        ]
        export_order = fields
