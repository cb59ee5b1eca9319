"""The organisation chart: a flat queryset of divisions as a tree, in one query."""

from dataclasses import dataclass, field

from caching import content_token

from .models import Division


@dataclass
class Node:
    division: object
    children: list["Node"] = field(default_factory=list)


def build_tree(divisions):
    """Roots first, each with its children in order. A division whose parent is not in
    ``divisions`` (say, an unpublished parent) becomes a root, so nothing disappears."""
    nodes = {d.pk: Node(d) for d in divisions}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.division.parent_id)
        (parent.children if parent else roots).append(node)
    return roots


def published_units():
    """Every published division, whole, in chart order: the organisation, read once per
    content token (``content_token.remember``, like the filter forms' choices), so a
    division's page finds itself, its parent and its units without a query of its own.
    A few dozen rows at most; shared by every request of the token, so read-only."""
    return content_token.remember(
        "divisions:published-units", lambda: list(Division.objects.published())
    )
