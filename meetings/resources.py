"""Meetings in and out of the admin as CSV or JSON, matched by slug; the body, host and chair
by slug, partners by their slugs, dates as precise as known ("2025", "2025-05",
"2025-05-26"). Each row passes the model's own checks (an end before the start, "held"
before it has started), so a bad row is named and nothing is imported."""

from bodies.models import Body
from member_states.models import MemberState
from partners.models import Partner
from publishing.resources import (
    PUBLICATION_COLUMNS,
    ContentResource,
    partial_date_field,
    slug_field,
)

from .models import Meeting


class MeetingResource(ContentResource):
    body = slug_field("body", Body, "body")
    host_state = slug_field("host_state", MemberState, "member state")
    chair = slug_field("chair", MemberState, "member state")
    partners = slug_field("partners", Partner, "partner", many=True)
    starts = partial_date_field("starts")
    ends = partial_date_field("ends")

    class Meta(ContentResource.Meta):
        model = Meeting
        fields = [
            "slug",
            "title",
            "body",
            "ordinal",
            "starts",
            "ends",
            "host_state",
            "city",
            "chair",
            "status",
            "partners",
            "description",
            *PUBLICATION_COLUMNS,
        ]
        export_order = fields
