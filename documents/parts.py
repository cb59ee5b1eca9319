"""What this app adds to other types' pages (``public.page_parts``): on a Member State's
page, its signatures and consents to the published agreements, as a table."""

from urllib.parse import urlencode

from django.urls import reverse

from member_states.models import MemberState
from public.listing import first_of
from public.page_parts import page_parts

from . import matrix

# A Member State's page shows its newest agreements and links to the rest (a state may be
# party to hundreds: at 50,000 documents, drawing every row took 400 ms).
SHOWN_AGREEMENTS = 25


def member_state_agreements(states):
    """``{state id: context}``: one query per state (a page shows one), and a count once
    per content token when there are more than it shows."""
    return {
        state.pk: {
            "member_state": state,
            "shown": first_of(
                matrix.agreements_of(state), SHOWN_AGREEMENTS, f"agreements:{state.pk}"
            ),
            "all_url": f"{reverse('documents:list')}?{urlencode({'member_state': state.slug})}",
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
