"""Member States in and out of the admin as CSV or JSON, matched by slug."""

from import_export import fields, widgets

from partial_dates import PartialDate, PartialDateError
from publishing.resources import PUBLICATION_COLUMNS, ContentResource

from .models import MemberState


class PartialDateWidget(widgets.Widget):
    """The joining date in a cell: reduced ISO out ("1995-07-28", "1967"); in, any form
    ``PartialDate`` reads. (As initiatives' widget, which this app may not import.)"""

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        try:
            return PartialDate.coerce(value)
        except PartialDateError as error:
            raise ValueError(str(error)) from None

    def render(self, value, obj=None, **kwargs):
        value = PartialDate.coerce(value)
        return value.isoformat() if value else ""


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
