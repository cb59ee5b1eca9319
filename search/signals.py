"""Content changes reach the index at once, in the same transaction as the change.

Connected in ``AseanPortalConfig.ready()``, for every model: each receiver asks the
content-type registry whether the sender is indexed (apps register in their own ``ready()``,
which may run after this). Saves, deletes and link changes (the many-to-many fields a
registration ``shows_names_of``) arrive as Django signals; the admin's bulk actions,
imports and reverts all go through ``save()``. What bypasses it — ``QuerySet.update()``,
bulk inserts (demo data) — is followed by ``rebuild_search_index``.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from search import indexing
from search.documents import dependents, kind_of_model, links


def content_saved(sender, instance, raw=False, **kwargs):
    kind = kind_of_model(sender)
    if kind and not raw:  # fixtures load raw rows; rebuild the index after loading them
        indexing.index_with_dependents(kind, [instance.pk])


def content_deleting(sender, instance, **kwargs):
    kind = kind_of_model(sender)
    if kind:
        # What shows this object's name, read while the links still exist.
        instance._search_dependents = dependents(kind, [instance.pk])


def content_deleted(sender, instance, **kwargs):
    kind = kind_of_model(sender)
    if not kind:
        return
    indexing.index(kind, [instance.pk])
    for dependent_kind, pks in getattr(instance, "_search_dependents", {}).items():
        indexing.index(dependent_kind, pks)


def links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    link = links().get(sender)
    if link is None:
        return
    kind, source, target = link
    if action == "pre_clear" and reverse:
        linked = sender.objects.filter(**{target: instance.pk}).values_list(source, flat=True)
        instance._search_cleared = set(linked)
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        indexing.index(kind, [instance.pk])
    elif action == "post_clear":
        indexing.index(kind, getattr(instance, "_search_cleared", ()))
    else:
        indexing.index(kind, pk_set or ())


def connect():
    post_save.connect(content_saved, dispatch_uid="search-save")
    pre_delete.connect(content_deleting, dispatch_uid="search-pre-delete")
    post_delete.connect(content_deleted, dispatch_uid="search-delete")
    m2m_changed.connect(links_changed, dispatch_uid="search-m2m")
