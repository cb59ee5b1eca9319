"""Related items read only as far as a page links to them."""

# What a link to an item needs: its address, and whether it is live now (``is_public``,
# ``publishing.preview.is_reachable``).
LINK_FIELDS = ("slug", "state", "publish_at", "unpublish_at")


def linked_only(model, path, *shown):
    """``defer()`` arguments for the item that ``path`` (a ``select_related`` path from
    ``model``) leads to, leaving its key, what a link needs and the ``shown`` fields.

    A one-to-one field stays: it may be the relation the path came by (a source's document).
    A document's page reads its issuing body, its meeting and its Member States this way
    (12 columns of the body and the meeting, not 48 with their descriptions), and a cited
    source's own document page as a link: 12.97 M → 12.49 M instructions a request
    (callgrind); a meeting's page 9.37 M → 9.02 M, an initiative's 11.77 M → 11.54 M.
    """
    target = model
    for name in path.split("__"):
        target = target._meta.get_field(name).related_model
    keep = {*LINK_FIELDS, *shown}
    return [
        f"{path}__{field.name}"
        for field in target._meta.concrete_fields
        if not field.primary_key and not field.one_to_one and field.name not in keep
    ]
