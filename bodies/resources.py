"""Bodies in and out of the admin as CSV or JSON, matched by slug."""

from divisions.models import Division
from member_states.models import MemberState
from publishing.resources import (
    PUBLICATION_COLUMNS,
    ContentResource,
    partial_date_field,
    slug_field,
)

from .models import Body


class BodyResource(ContentResource):
    parent = slug_field("parent", Body, "body")
    supporting_division = slug_field("supporting_division", Division, "division")
    chair = slug_field("chair", MemberState, "member state")
    chair_from = partial_date_field("chair_from")
    chair_until = partial_date_field("chair_until")

    class Meta(ContentResource.Meta):
        model = Body
        fields = [
            "slug",
            "name",
            "short_name",
            "kind",
            "parent",
            "pillar",
            "supporting_division",
            "chair",
            "chair_from",
            "chair_until",
            "meets",
            "description",
            "order",
            *PUBLICATION_COLUMNS,
        ]
        export_order = fields
