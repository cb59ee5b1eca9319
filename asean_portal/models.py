"""The models that keep the ``asean_portal`` app label (and so their table names) while they
live in the wings and the pages app: importing them here registers them with Django."""

from caching.models import ContentVersion
from pages.models import SiteSection
from publishing.models import Draft
from search.models import GlossaryEntry, MissedQuery, SearchDocument, SearchTerm, Synonym

__all__ = [
    "ContentVersion",
    "GlossaryEntry",
    "MissedQuery",
    "Draft",
    "SearchDocument",
    "SearchTerm",
    "SiteSection",
    "Synonym",
]
