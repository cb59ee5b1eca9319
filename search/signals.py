"""Content changes reach the index at once, in the same transaction as the change.

Connected in ``AseanPortalConfig.ready()``. Saves, deletes and link changes (topics,
supporting divisions) arrive as Django signals; the admin's bulk actions, imports and
reverts all go through ``save()``. What bypasses it — ``QuerySet.update()``, bulk inserts
(demo data) — is followed by ``rebuild_search_index``.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from faqs.models import FAQ
from initiatives.models import Initiative
from search import indexing
from search.documents import KIND_OF_MODEL, dependents
from search.models import DocumentKind

# Link table -> (kind of the content on its "source" side, source column, target column).
LINKS = {
    Initiative.topics.through: (DocumentKind.INITIATIVE, "initiative_id", "topic_id"),
    Initiative.supporting_divisions.through: (
        DocumentKind.INITIATIVE,
        "initiative_id",
        "division_id",
    ),
    FAQ.topics.through: (DocumentKind.FAQ, "faq_id", "topic_id"),
}


def content_saved(sender, instance, raw=False, **kwargs):
    if not raw:  # fixtures load raw rows; rebuild the index after loading them
        indexing.index_with_dependents(KIND_OF_MODEL[sender], [instance.pk])


def content_deleting(sender, instance, **kwargs):
    # What shows this division's or topic's name, read while the links still exist.
    instance._search_dependents = dependents(KIND_OF_MODEL[sender], [instance.pk])


def content_deleted(sender, instance, **kwargs):
    indexing.index(KIND_OF_MODEL[sender], [instance.pk])
    for kind, pks in getattr(instance, "_search_dependents", {}).items():
        indexing.index(kind, pks)


def links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    kind, source, target = LINKS[sender]
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
    for model in KIND_OF_MODEL:
        post_save.connect(content_saved, sender=model, dispatch_uid=f"search-save-{model.__name__}")
        pre_delete.connect(
            content_deleting, sender=model, dispatch_uid=f"search-pre-{model.__name__}"
        )
        post_delete.connect(
            content_deleted, sender=model, dispatch_uid=f"search-del-{model.__name__}"
        )
    for through in LINKS:
        m2m_changed.connect(
            links_changed, sender=through, dispatch_uid=f"search-m2m-{through.__name__}"
        )
