"""What this app adds to other types' pages (``public.page_parts``): on a Member State's
page, its signatures and consents to the published agreements, as a table."""

from member_states.models import MemberState
from public.page_parts import page_parts

from . import matrix


def member_state_agreements(states):
    """``{state id: context}``: one query per state (a page shows one)."""
    return {
        state.pk: {
            "member_state": state,
            "rows": [row for row in matrix.agreements_of(state) if row.document.is_public],
            "heading_level": 2,
        }
        for state in states
    }


def register():
    page_parts.contribute(
        MemberState,
        "agreements",
        template="documents/member_state_agreements.html",
        load=member_state_agreements,
    )
