"""Member States as public content: one registration (see ``publishing.registry``)."""

from publishing.registry import Entry, Search, Sitemap, registry
from sources.publish_rule import requires_source

from .models import MemberState
from .opendata import MEMBER_STATES


def search_entry(state):
    joined = f"An ASEAN Member State since {state.joined_on}." if state.joined_on else ""
    facts = [f"Capital: {state.capital}." if state.capital else "", state.national_office]
    return Entry(
        title=state.name,
        summary=joined,
        body=" ".join(f for f in facts if f),
        # Its other names and demonyms ("Vietnam", "Vietnamese") and its ISO code find it too.
        keywords=" ".join([*state.other_name_list(), state.iso_code]),
        facets=[state],
    )


def register():
    registry.register(
        MemberState,
        search=Search(
            kind="member_state",
            build=search_entry,
            facet=True,
            recognise=lambda state: state.names_for_search(),
        ),
        sitemap=Sitemap("member-states", changefreq="monthly"),
        dataset=MEMBER_STATES,
        listing="member_states:list",
        # A fact-bearing type (joining date, capital…): not published without a source.
        publish_checks=(requires_source,),
    )
