"""The structure as a tree: a flat list of bodies in one query, nested in Python."""

from dataclasses import dataclass, field


@dataclass
class Node:
    body: object
    children: list["Node"] = field(default_factory=list)


def build_tree(bodies):
    """Roots first, each with its children in order. A body whose parent is not in
    ``bodies`` (an unpublished parent, say) becomes a root, so nothing disappears."""
    nodes = {b.pk: Node(b) for b in bodies}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.body.parent_id)
        (parent.children if parent else roots).append(node)
    return roots
