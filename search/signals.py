"""Content changes reach the index: each change is noted, and the item is indexed once
after its transaction commits (``search.indexing``).

Connected in ``AseanPortalConfig.ready()`` to each registered type as it registers (apps
register in their own ``ready()``, which may run after this), and to exactly those senders:
a delete receiver for every model would take Django's fast delete from every delete in the
portal. Saves, deletes and link changes (the many-to-many fields a registration
``shows_names_of``) arrive as Django signals; the admin's bulk actions, imports and reverts
all go through ``save()``. What bypasses it (``QuerySet.update()``, bulk inserts of demo
data) is followed by ``rebuild_search_index``.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from publishing.registry import registry
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


def connect_type(content_type):
    if content_type.search is None:
        return
    model, label = content_type.model, content_type.model._meta.label_lower
    post_save.connect(content_saved, sender=model, dispatch_uid=f"search-save-{label}")
    pre_delete.connect(content_deleting, sender=model, dispatch_uid=f"search-pre-{label}")
    post_delete.connect(content_deleted, sender=model, dispatch_uid=f"search-delete-{label}")
    for through in content_type.link_tables():
        m2m_changed.connect(
            links_changed, sender=through, dispatch_uid=f"search-m2m-{through._meta.label_lower}"
        )


def connect():
    registry.when_registered(connect_type)
