"""A detail page's short lists of links (an initiative's topics and Member States, a
document's partners), read by one statement for them all (``caching.folded_queries``)
instead of one query each, and foldable with the page's other reads (``parts``).

Each list is the published rows of a model linked to the page's item, in the model's own
order, as instances carrying what a link needs: the name (or title), the slug and the id.
Measured on an initiative's page at 100,000 initiatives on PostgreSQL, each list read on
its own was a query of its own: ~0.25 ms waiting on the database (median of 200 pages), and
the Python that runs each query.

    LINKS = LinkLists(
        LinkList(Topic, "initiatives"),
        LinkList(MemberState, "initiatives"),
    )
    topics, member_states = LINKS.rows(initiative.pk, timezone.now())
    # or, folded with the page's other reads:
    PAGE = FoldedQuery(milestones=MILESTONES, **LINKS.parts)
    topics, member_states = LINKS.read(PAGE.rows(pk=initiative.pk, now=timezone.now()))
"""

from dataclasses import dataclass

from caching.folded_queries import FoldedQuery
from caching.prepared_queries import PreparedQuery
from public.instances import with_only


@dataclass(frozen=True)
class LinkList:
    model: type
    link: str  # the lookup from the model to the item: ``documents``, ``initiatives``
    label: str = "name"  # the field the link shows


class LinkLists:
    def __init__(self, *lists, key="pk"):
        """``key``: what the lists are read by, the item's ``pk`` or its ``slug``."""
        self.lists, self.key = lists, key
        #: One prepared query per list, by a name of its own: for a ``FoldedQuery``.
        self.parts = {
            f"links {number} {each.model._meta.label_lower}": PreparedQuery(_links(each, key))
            for number, each in enumerate(lists)
        }
        self._query = FoldedQuery(**self.parts)

    def rows(self, item, now):
        """One list per ``LinkList`` for the item of this ``key``, of instances with their
        label, slug and id (their other fields deferred)."""
        return self.read(self._query.rows(now=now, **{self.key: item}))

    def read(self, found):
        """The lists from a ``FoldedQuery``'s rows that hold ``parts``."""
        return tuple(
            [
                with_only(each.model, pk=item_pk, slug=slug, **{each.label: text})
                for text, slug, item_pk in found[name]
            ]
            for name, each in zip(self.parts, self.lists, strict=True)
        )


def _links(each, key):
    """The published rows of ``each.model`` linked to the item, in the model's order."""

    def links(value, now):
        return (
            each.model.objects.published(now)
            .filter(**{f"{each.link}__{key}": value})
            .values_list(each.label, "slug", "pk")
        )

    if key == "slug":
        return lambda slug, now: links(slug, now)
    return lambda pk, now: links(pk, now)
