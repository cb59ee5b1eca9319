"""``{% load agreements %}{% agreements_of member_state %}``: a Member State's signatures
and consents to agreements, as a table, for its page. The member-state app (lower in the
layers) never imports documents: its template loads this tag by name."""

from django import template

from .. import matrix

register = template.Library()


@register.inclusion_tag("documents/member_state_agreements.html")
def agreements_of(member_state, heading_level=2):
    rows = [row for row in matrix.agreements_of(member_state) if row.document.is_public]
    return {"member_state": member_state, "rows": rows, "heading_level": heading_level}
